-- RiskMap foundation: administrative units, schools, the indicator catalogue, observations and the import log.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE import_batches (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('boundaries', 'schools', 'indicators')),
    file_name       text        NOT NULL,
    sha256          char(64)    NOT NULL,
    size_bytes      bigint      NOT NULL,
    imported_by     text        NOT NULL,
    source          text        NOT NULL,
    options         jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    rows_read       integer     NOT NULL DEFAULT 0,
    rows_inserted   integer     NOT NULL DEFAULT 0,
    rows_updated    integer     NOT NULL DEFAULT 0,
    rows_unchanged  integer     NOT NULL DEFAULT 0,
    issues          jsonb       NOT NULL DEFAULT '[]'
);

CREATE TABLE regions (
    kato            char(9)     PRIMARY KEY CHECK (kato ~ '^[0-9]{9}$'),
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    area_km2        double precision NOT NULL,
    vintage         integer     NOT NULL,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);

CREATE TABLE districts (
    kato            char(9)     PRIMARY KEY CHECK (kato ~ '^[0-9]{9}$'),
    region_kato     char(9)     NOT NULL REFERENCES regions (kato),
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    area_km2        double precision NOT NULL,
    vintage         integer     NOT NULL,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX districts_geom_idx ON districts USING gist (geom);
CREATE INDEX districts_region_idx ON districts (region_kato);

-- A school's district and region come from a spatial join on its point (ST_Covers), never from the file.
-- Both NULL means "unassigned": the point lies outside every loaded boundary; such schools are reported, not dropped.
CREATE TABLE schools (
    code            text        PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
    name_ru         text        NOT NULL,
    name_kk         text        NOT NULL,
    school_type     text        NOT NULL,
    language        text        NOT NULL,
    settlement      text        NOT NULL CHECK (settlement IN ('urban', 'rural')),
    pupils          integer     NOT NULL CHECK (pupils >= 0),
    geom            geometry(Point, 4326) NOT NULL,
    district_kato   char(9)     REFERENCES districts (kato),
    region_kato     char(9)     REFERENCES regions (kato),
    source          text        NOT NULL,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schools_geom_idx ON schools USING gist (geom);
CREATE INDEX schools_district_idx ON schools (district_kato, code);
CREATE INDEX schools_region_idx ON schools (region_kato, code);

CREATE TABLE domains (
    code            text        PRIMARY KEY,
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    sort_order      integer     NOT NULL
);

CREATE TABLE indicators (
    code            text        PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,60}$'),
    domain_code     text        NOT NULL REFERENCES domains (code),
    name_kk         text        NOT NULL,
    name_ru         text        NOT NULL,
    name_en         text        NOT NULL,
    unit            text        NOT NULL,
    direction       text        NOT NULL CHECK (direction IN ('higher_is_worse', 'higher_is_better')),
    -- What a count is divided by to make a rate ('pupils'); NULL when the value is already a rate or a share.
    denominator     text        CHECK (denominator IN ('pupils')),
    is_count        boolean     NOT NULL,
    weight          double precision NOT NULL DEFAULT 1 CHECK (weight >= 0),
    sort_order      integer     NOT NULL
);

CREATE TABLE observations (
    entity_level    text        NOT NULL CHECK (entity_level IN ('region', 'district', 'school')),
    entity_code     text        NOT NULL,
    indicator_code  text        NOT NULL REFERENCES indicators (code),
    period          char(6)     NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
    value           double precision NOT NULL CHECK (value = value AND value <> 'Infinity' AND value <> '-Infinity'),
    denominator     double precision CHECK (denominator IS NULL OR denominator > 0),
    source          text        NOT NULL,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    PRIMARY KEY (entity_level, entity_code, indicator_code, period)
);
CREATE INDEX observations_period_idx ON observations (period, indicator_code);
