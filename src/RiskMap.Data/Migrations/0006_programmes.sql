-- Crisis-management programmes (issue #7): a region's programme, its target units, the measures assigned to each
-- target from the Complex Plan's catalogue, and quarterly progress reports. Versions serve optimistic concurrency.

CREATE TABLE measure_catalogue (
    code            text        PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,60}$'),
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    default_form_kk text        NOT NULL,
    default_form_ru text        NOT NULL,
    default_form_en text        NOT NULL,
    sort_order      integer     NOT NULL
);

-- Seeded from the Complex Plan for protecting children from violence, preventing suicide and ensuring their rights
-- and well-being, 2023–2025.
INSERT INTO measure_catalogue (code, name_kk, name_ru, name_en, default_form_kk, default_form_ru, default_form_en, sort_order) VALUES
    ('school_psychologists',
     'Мектептерге қосымша педагог-психологтар тарту', 'Дополнительные школьные педагоги-психологи', 'Additional school psychologists',
     'Бекітілген штат кестесі', 'Утверждённое штатное расписание', 'Approved staffing table', 1),
    ('social_pedagogues',
     'Мектептерге қосымша әлеуметтік педагогтар тарту', 'Дополнительные социальные педагоги', 'Additional social pedagogues',
     'Бекітілген штат кестесі', 'Утверждённое штатное расписание', 'Approved staffing table', 2),
    ('anti_bullying_kiva',
     'KiVa үлгісі бойынша буллингке қарсы бағдарлама', 'Антибуллинговая программа по модели KiVa', 'Anti-bullying programme (KiVa model)',
     'Әкімдікке ақпарат', 'Информация в акимат', 'Information to the akimat', 3),
    ('case_management',
     'Анықтаудан шешілгенге дейін кейс-менеджмент', 'Кейс-менеджмент от выявления до разрешения', 'Case management from detection to resolution',
     'Білім беру басқармасының бұйрығы', 'Приказ управления образования', 'Order of the education department', 4),
    ('psych_service_centres',
     'Өңірлік психологиялық қызмет орталықтары', 'Региональные центры психологической службы', 'Regional psychological service centres',
     'Әкімдіктің қаулысы', 'Постановление акимата', 'Akimat resolution', 5),
    ('personal_safety_lessons',
     '«Жеке қауіпсіздік» сабақтары', 'Уроки «Личная безопасность»', '"Personal safety" lessons',
     'Оқу жоспары, Әкімдікке ақпарат', 'Учебный план, информация в акимат', 'Curriculum, information to the akimat', 6),
    ('extracurricular_coverage',
     'Балаларды қосымша біліммен және сыныптан тыс жұмыспен қамту', 'Охват детей дополнительным образованием и внеурочной занятостью', 'Extra-curricular coverage',
     'Әкімдікке ақпарат', 'Информация в акимат', 'Information to the akimat', 7),
    ('parent_education',
     'Ата-аналарды оқыту (ата-ана білім беру)', 'Родительский всеобуч', 'Parent education',
     'Әкімдікке ақпарат', 'Информация в акимат', 'Information to the akimat', 8),
    ('social_patronage',
     'Қиын жағдайдағы отбасыларды әлеуметтік патронаждау', 'Социальный патронаж семей в трудной жизненной ситуации', 'Social patronage of families in difficulty',
     'Әлеуметтік патронаж актілері', 'Акты социального патронажа', 'Social patronage records', 9),
    ('suicide_risk_screening',
     'Оқушыларды суицидтік тәуекелге психологиялық скрининг', 'Психологический скрининг учащихся на суицидальный риск', 'Psychological screening of pupils for suicide risk',
     'Скрининг нәтижелері бойынша анықтама', 'Справка по итогам скрининга', 'Screening results summary', 10);

CREATE TABLE programmes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_kato     char(9)     NOT NULL REFERENCES regions (kato),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    start_quarter   char(6)     NOT NULL CHECK (start_quarter ~ '^[0-9]{4}Q[1-4]$'),
    end_quarter     char(6)     NOT NULL CHECK (end_quarter ~ '^[0-9]{4}Q[1-4]$' AND end_quarter >= start_quarter),
    version         integer     NOT NULL DEFAULT 1,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programmes_region_idx ON programmes (region_kato, id DESC);

-- A target is a district (KATO) or a school (code); the unit tables differ, so no foreign key to them.
CREATE TABLE programme_targets (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id    bigint      NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    level           text        NOT NULL CHECK (level IN ('district', 'school')),
    code            text        NOT NULL,
    added_by        text        NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_id, level, code)
);
CREATE INDEX programme_targets_unit_idx ON programme_targets (level, code);

CREATE TABLE programme_measures (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_id           bigint      NOT NULL REFERENCES programme_targets (id) ON DELETE CASCADE,
    measure_code        text        NOT NULL REFERENCES measure_catalogue (code),
    responsible         text        NOT NULL CHECK (length(responsible) BETWEEN 1 AND 500),
    -- NULL: the catalogue's default form, in the reader's language.
    form_of_completion  text        CHECK (length(form_of_completion) BETWEEN 1 AND 300),
    deadline            date        NOT NULL,
    funding_amount      numeric(15, 2) NOT NULL CHECK (funding_amount >= 0),
    funding_source      text        NOT NULL CHECK (length(funding_source) BETWEEN 1 AND 200),
    -- "overdue" is derived from the deadline when read, never stored.
    status              text        NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
    version             integer     NOT NULL DEFAULT 1,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_measures_target_idx ON programme_measures (target_id);

CREATE TABLE measure_progress (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_id      bigint      NOT NULL REFERENCES programme_measures (id) ON DELETE CASCADE,
    quarter         char(6)     NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    note            text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    percent         smallint    CHECK (percent BETWEEN 0 AND 100),
    status          text        CHECK (status IN ('planned', 'in_progress', 'done')),
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX measure_progress_measure_idx ON measure_progress (measure_id, id);
