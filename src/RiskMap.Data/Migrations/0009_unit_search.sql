-- Finding a unit by the name people type. Two parts:
-- 1. search_key(): the one folding of names and typed text for comparison — lower case by Unicode rules (ICU, whatever
--    the database's own locale) and ё written as е. Look-alike Latin letters are made Cyrillic before a name is stored
--    and before a typed text is searched (RiskMap.Core.Text.LookAlikeLetters), not here.
-- 2. unit_aliases: reference data, other names of a region or district that the boundary files do not carry: the
--    official spelling where the source spells a name otherwise, and former names still in use. Kept by KATO code and
--    independent of the boundary imports, so a new boundary file does not lose them.

CREATE FUNCTION search_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(lower(name COLLATE "und-x-icu"), 'ё', 'е');

CREATE TABLE unit_aliases (
    kato    char(9) NOT NULL CHECK (kato ~ '^[0-9]{9}$'),
    name    text    NOT NULL CHECK (btrim(name) <> ''),
    lang    text    NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    kind    text    NOT NULL CHECK (kind IN ('official', 'former')),
    source  text    NOT NULL,
    PRIMARY KEY (kato, name)
);

COMMENT ON TABLE unit_aliases IS 'Other names of regions and districts for search: official spellings the boundary source lacks and former names.';

INSERT INTO unit_aliases (kato, name, lang, kind, source) VALUES
    ('790000000', 'Шымкент', 'ru', 'official', 'Official Russian name since 1993; geokz 2024 (ADM1_RU) spells the former name Чимкент'),
    ('790000000', 'Chimkent', 'en', 'former', 'Name until 1993'),
    ('750000000', 'Алма-Ата', 'ru', 'former', 'Name until 1993'),
    ('750000000', 'Alma-Ata', 'en', 'former', 'Name until 1993'),
    ('710000000', 'Нур-Султан', 'ru', 'former', 'Name 2019–2022'),
    ('710000000', 'Nur-Sultan', 'en', 'former', 'Name 2019–2022'),
    ('710000000', 'Акмола', 'ru', 'former', 'Name 1992–1998'),
    ('710000000', 'Целиноград', 'ru', 'former', 'Name 1961–1992'),
    ('610000000', 'Южно-Казахстанская', 'ru', 'former', 'Renamed Turkistan region in 2018'),
    ('610000000', 'Оңтүстік Қазақстан', 'kk', 'former', 'Renamed Turkistan region in 2018'),
    ('610000000', 'South Kazakhstan', 'en', 'former', 'Renamed Turkistan region in 2018'),
    ('101000000', 'Семипалатинск', 'ru', 'former', 'Name until 2007'),
    ('151000000', 'Актюбинск', 'ru', 'former', 'Name until 1999'),
    ('191000000', 'Капчагай', 'ru', 'former', 'Renamed Konaev in 2022'),
    ('191000000', 'Kapchagay', 'en', 'former', 'Renamed Konaev in 2022'),
    ('631000000', 'Oskemen', 'en', 'official', 'Latin spelling of the Kazakh name Өскемен'),
    ('271000000', 'Oral', 'en', 'official', 'Latin spelling of the Kazakh name Орал');
