-- Boundary vintages: every edition of the regions and districts is kept, identified by (level, KATO, vintage), and one
-- vintage is current. `regions` and `districts` stay the serving copy of the current vintage, so everything that reads
-- them (scores, tiles, OGC, profiles, search, scopes) keeps serving the map; they are written only by an import into the
-- current vintage and by a switch of the current vintage (RiskMap.Data/Vintages).

CREATE TABLE boundary_vintages (
    vintage     integer     PRIMARY KEY CHECK (vintage BETWEEN 1990 AND 2100),
    -- The days the vintage was in force; observations of a quarter belong to the vintage in force on its first day.
    valid_from  date,
    valid_to    date        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    is_current  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX boundary_vintages_one_current ON boundary_vintages (is_current) WHERE is_current;

CREATE TABLE boundary_units (
    level           text        NOT NULL CHECK (level IN ('region', 'district')),
    kato            char(9)     NOT NULL CHECK (kato ~ '^[0-9]{9}$'),
    vintage         integer     NOT NULL REFERENCES boundary_vintages (vintage),
    region_kato     char(9)     CHECK ((level = 'region') = (region_kato IS NULL)),
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    area_km2        double precision NOT NULL,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    retired_at      timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (level, kato, vintage)
);
CREATE INDEX boundary_units_geom_idx ON boundary_units USING gist (geom);
CREATE INDEX boundary_units_vintage_idx ON boundary_units (vintage, level);

-- Which vintage each boundary import wrote, and whether it changed the serving copy (an import into the current
-- vintage) or only kept another vintage, which changes neither the map nor the scores' inputs. A log: it outlives a
-- deleted vintage, so the scores' watermark never counts that vintage's imports.
CREATE TABLE boundary_import_vintages (
    batch_id    bigint  NOT NULL REFERENCES import_batches (id),
    vintage     integer NOT NULL,
    serving     boolean NOT NULL,
    PRIMARY KEY (batch_id, vintage)
);

-- Counts changes of the boundaries (every boundary import, of any vintage, and every switch), in their transactions: the
-- boundary answers of every vintage, the tiles and their ETags are keyed by it (RiskMap.Data/Tiles/MapDataVersion).
CREATE TABLE boundary_version (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint  NOT NULL
);
INSERT INTO boundary_version (version)
SELECT COALESCE(max(id), 0) FROM import_batches WHERE status = 'succeeded' AND kind = 'boundaries';

CREATE FUNCTION current_boundary_vintage() RETURNS integer LANGUAGE sql STABLE
    RETURN (SELECT vintage FROM boundary_vintages WHERE is_current);

-- The newest import the scores depend on: every succeeded import except those that only kept a non-current vintage.
CREATE FUNCTION score_input_watermark() RETURNS bigint LANGUAGE sql STABLE
    RETURN (SELECT COALESCE(max(b.id), 0) FROM import_batches b
            WHERE b.status = 'succeeded'
              AND NOT EXISTS (SELECT 1 FROM boundary_import_vintages v WHERE v.batch_id = b.id AND NOT v.serving));

-- A score run is made on the boundaries current when it starts, and may be published only while they still are: a
-- switch of the current vintage unpublishes the run, and a run that started before the switch cannot publish after it.
ALTER TABLE score_runs ADD COLUMN boundary_vintage integer DEFAULT current_boundary_vintage();

CREATE FUNCTION published_run_on_current_vintage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT boundary_vintage FROM score_runs WHERE id = NEW.run_id) IS DISTINCT FROM current_boundary_vintage() THEN
        RAISE EXCEPTION 'score run % was made on another boundary vintage than the current one (%)', NEW.run_id, current_boundary_vintage()
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER published_run_on_current_vintage BEFORE INSERT OR UPDATE ON published_score_run
    FOR EACH ROW EXECUTE FUNCTION published_run_on_current_vintage();

-- Today's units become their vintage's; the vintage most of them carry is current (a database mixed by the old
-- KATO-only upsert keeps its serving copy as it is until the steward imports or switches).
INSERT INTO boundary_vintages (vintage)
SELECT DISTINCT vintage FROM (SELECT vintage FROM regions UNION ALL SELECT vintage FROM districts) u;
UPDATE boundary_vintages SET is_current = true
WHERE vintage = (SELECT vintage FROM (SELECT vintage FROM regions UNION ALL SELECT vintage FROM districts) u
                 GROUP BY vintage ORDER BY count(*) DESC, vintage DESC LIMIT 1);
INSERT INTO boundary_units (level, kato, vintage, region_kato, name_kk, name_ru, name_en, geom, area_km2, import_batch_id, updated_at)
SELECT 'region', kato, vintage, NULL, name_kk, name_ru, name_en, geom, area_km2, import_batch_id, updated_at FROM regions
UNION ALL
SELECT 'district', kato, vintage, region_kato, name_kk, name_ru, name_en, geom, area_km2, import_batch_id, updated_at FROM districts;
UPDATE score_runs SET boundary_vintage = current_boundary_vintage();
