-- The crosswalk between boundary vintages: for every ordered pair of vintages and each level, the share of each source
-- unit that lies in each target unit, by area and by pupils of today's schools. Observations of a quarter whose vintage
-- is not current are carried through it into today's units (observations_today), so a unit's history reads in today's
-- boundaries. Rows are recomputed whenever a vintage's units change (RiskMap.Data/Vintages/BoundaryCrosswalk) and go
-- with the units they name.

CREATE TABLE boundary_crosswalk (
    level        text    NOT NULL CHECK (level IN ('region', 'district')),
    from_vintage integer NOT NULL,
    to_vintage   integer NOT NULL CHECK (to_vintage <> from_vintage),
    source_kato  char(9) NOT NULL,
    target_kato  char(9) NOT NULL,
    -- area of source ∩ target / area of the source, on the spheroid; slivers dropped and the rest renormalised to sum 1.
    area_share   double precision NOT NULL CHECK (area_share > 0 AND area_share <= 1),
    -- pupils of today's schools in source ∩ target / pupils of the source's schools in any target; NULL: the source has none.
    pupil_share  double precision CHECK (pupil_share >= 0 AND pupil_share <= 1),
    PRIMARY KEY (level, from_vintage, to_vintage, source_kato, target_kato),
    FOREIGN KEY (level, source_kato, from_vintage) REFERENCES boundary_units (level, kato, vintage) ON DELETE CASCADE,
    FOREIGN KEY (level, target_kato, to_vintage) REFERENCES boundary_units (level, kato, vintage) ON DELETE CASCADE
);
CREATE INDEX boundary_crosswalk_target_idx ON boundary_crosswalk (level, from_vintage, to_vintage, target_kato);

-- The first day of a quarter such as 2019Q3: a quarter belongs to the vintage in force on that day.
CREATE FUNCTION quarter_start(period text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN make_date(left(period, 4)::int, (right(period, 1)::int - 1) * 3 + 1, 1);

-- The days each vintage other than the current one was in force. A quarter starting in them belongs to that vintage;
-- any other quarter to the current one (dates never overlap: VintageDates).
CREATE VIEW earlier_vintage_days AS
SELECT vintage, daterange(valid_from, valid_to, '[]') AS days FROM boundary_vintages
WHERE NOT is_current AND (valid_from IS NOT NULL OR valid_to IS NOT NULL);

CREATE FUNCTION quarter_vintage(period text) RETURNS integer LANGUAGE sql STABLE
    RETURN COALESCE((SELECT vintage FROM earlier_vintage_days WHERE quarter_start(period) <@ days), current_boundary_vintage());

-- Below this share of a source unit an intersection is a sliver of two digitisations of one border, not a piece of land
-- that changed hands: 0.1 %. The same tolerance says a unit with the same KATO code is unchanged (1 → 1, share 1).
-- Recomputes the pairs of the changed vintage (NULL: of every vintage, as after a school import: the pupil shares).
CREATE FUNCTION refresh_boundary_crosswalk(changed integer) RETURNS void LANGUAGE sql AS $$
DELETE FROM boundary_crosswalk WHERE changed IS NULL OR changed IN (from_vintage, to_vintage);
INSERT INTO boundary_crosswalk (level, from_vintage, to_vintage, source_kato, target_kato, area_share, pupil_share)
WITH pairs AS (
    SELECT a.vintage AS from_vintage, b.vintage AS to_vintage
    FROM boundary_vintages a JOIN boundary_vintages b ON a.vintage <> b.vintage
    WHERE changed IS NULL OR changed IN (a.vintage, b.vintage)),
intersections AS MATERIALIZED (
    SELECT s.level, p.from_vintage, p.to_vintage, s.kato AS source_kato, t.kato AS target_kato, s.area_km2 AS source_km2,
           t.area_km2 AS target_km2, ST_Area(ST_Intersection(s.geom, t.geom)::geography) / 1e6 AS shared_km2,
           s.geom AS source_geom, t.geom AS target_geom
    FROM pairs p
    JOIN boundary_units s ON s.vintage = p.from_vintage AND s.retired_at IS NULL
    JOIN boundary_units t ON t.vintage = p.to_vintage AND t.level = s.level AND t.retired_at IS NULL
                         AND t.geom && s.geom AND ST_Intersects(t.geom, s.geom)),
unchanged AS (
    SELECT level, from_vintage, to_vintage, source_kato FROM intersections
    WHERE target_kato = source_kato AND shared_km2 >= 0.999 * greatest(source_km2, target_km2)),
kept AS (
    SELECT o.* FROM intersections o
    WHERE o.shared_km2 >= 0.001 * o.source_km2
      AND NOT EXISTS (SELECT 1 FROM unchanged u
                      WHERE (u.level, u.from_vintage, u.to_vintage, u.source_kato) = (o.level, o.from_vintage, o.to_vintage, o.source_kato)
                        AND o.target_kato <> o.source_kato)),
counted AS (
    SELECT k.level, k.from_vintage, k.to_vintage, k.source_kato, k.target_kato, k.shared_km2,
           COALESCE((SELECT sum(sc.pupils) FROM schools sc
                     WHERE ST_Covers(k.source_geom, sc.geom) AND ST_Covers(k.target_geom, sc.geom)), 0) AS pupils
    FROM kept k)
SELECT level, from_vintage, to_vintage, source_kato, target_kato,
       shared_km2 / sum(shared_km2) OVER source, pupils / NULLIF(sum(pupils) OVER source, 0)
FROM counted
WINDOW source AS (PARTITION BY level, from_vintage, to_vintage, source_kato);
$$;

-- Observations in today's boundaries: school observations, and region and district observations of quarters of the
-- current vintage, as stored; those of a quarter of an earlier vintage carried into today's units through the
-- crosswalk, weighted by pupil shares where the source has schools and by area shares otherwise: counts and
-- denominators as weighted sums, other values as weighted means (by denominator where every part has one).
-- carried_from names the vintage a row was carried from; carried_by says how: 'pupils', 'area' or 'pupils and area'.
-- The scores, values and counts all read this view, so they agree.
CREATE VIEW observations_today AS
SELECT o.entity_level, o.entity_code, o.indicator_code, o.period, o.value, o.denominator,
       NULL::integer AS carried_from, NULL::text AS carried_by
FROM observations o
WHERE o.entity_level = 'school' OR NOT EXISTS (SELECT 1 FROM earlier_vintage_days d WHERE quarter_start(o.period) <@ d.days)
UNION ALL
SELECT o.entity_level, x.target_kato::text, o.indicator_code, o.period,
       CASE WHEN i.is_count THEN sum(o.value * x.weight)
            WHEN count(o.denominator) = count(*) THEN sum(o.value * o.denominator * x.weight) / sum(o.denominator * x.weight)
            ELSE sum(o.value * x.weight) / sum(x.weight) END,
       CASE WHEN count(o.denominator) = count(*) THEN sum(o.denominator * x.weight) END,
       d.vintage,
       CASE WHEN bool_and(x.by_pupils) THEN 'pupils' WHEN bool_or(x.by_pupils) THEN 'pupils and area' ELSE 'area' END
FROM observations o
JOIN earlier_vintage_days d ON quarter_start(o.period) <@ d.days
JOIN (SELECT *, COALESCE(pupil_share, area_share) AS weight, pupil_share IS NOT NULL AS by_pupils FROM boundary_crosswalk) x
  ON x.level = o.entity_level AND x.from_vintage = d.vintage AND x.to_vintage = current_boundary_vintage() AND x.source_kato = o.entity_code
JOIN indicators i ON i.code = o.indicator_code
WHERE o.entity_level <> 'school'
GROUP BY o.entity_level, x.target_kato, o.indicator_code, o.period, i.is_count, d.vintage
-- A target that only pupil-less parts of its sources reach gets nothing from them, not a zero.
HAVING sum(x.weight) > 0;

SELECT refresh_boundary_crosswalk(NULL);
