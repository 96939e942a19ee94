-- Composite risk scores: versioned weights, score runs, their results, and the one run that readers see.
ALTER TABLE domains ADD COLUMN weight double precision NOT NULL DEFAULT 1 CHECK (weight >= 0);

-- Every change of weights is a new version; a score run records the version and a copy of the weights it used.
CREATE TABLE weight_versions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    note        text        NOT NULL DEFAULT '',
    weights     jsonb       NOT NULL
);
INSERT INTO weight_versions (created_by, note, weights)
SELECT 'migration', 'Equal weights of catalogue version 1',
       jsonb_build_object('indicators', (SELECT jsonb_object_agg(code, weight) FROM indicators),
                          'domains', (SELECT jsonb_object_agg(code, weight) FROM domains));

CREATE TABLE score_runs (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    methodology_version text        NOT NULL,
    methodology         jsonb       NOT NULL,
    weight_version_id   bigint      NOT NULL REFERENCES weight_versions (id),
    -- The indicator and domain codes in the order of the result arrays below, with their weights.
    indicator_codes     text[]      NOT NULL,
    indicator_weights   double precision[] NOT NULL,
    domain_codes        text[]      NOT NULL,
    domain_weights      double precision[] NOT NULL,
    -- The newest successful import the run read: equal watermarks and weights mean equal inputs.
    input_watermark     bigint      NOT NULL,
    trigger             text        NOT NULL CHECK (trigger IN ('schedule', 'import', 'manual')),
    requested_by        text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    periods             text[]      NOT NULL DEFAULT '{}',
    result_count        integer     NOT NULL DEFAULT 0,
    treatments          jsonb       NOT NULL DEFAULT '[]',
    error               text
);
CREATE INDEX score_runs_status_idx ON score_runs (status, id DESC);

-- Written once per run by COPY and read by key, so kept lean: no foreign key (pruning deletes a run's results itself)
-- and one index, whose order serves both a unit's history (run, level, code) and a level's quarter (run, level).
CREATE TABLE score_results (
    run_id          bigint      NOT NULL,
    level           text        NOT NULL CHECK (level IN ('region', 'district', 'school')),
    code            text        NOT NULL,
    period          char(6)     NOT NULL,
    score           double precision,
    class           smallint    CHECK (class BETWEEN 1 AND 5),
    domain_scores   double precision[] NOT NULL,
    contributions   double precision[] NOT NULL,
    indicator_scores real[]     NOT NULL,
    reliability     double precision NOT NULL,
    low_reliability boolean     NOT NULL,
    rank            integer     NOT NULL,
    change_quarter  double precision,
    change_year     double precision,
    rank_median     integer,
    rank_low        integer,
    rank_high       integer,
    PRIMARY KEY (run_id, level, code, period)
);

-- Exactly one row: the run readers see. Switching it is one UPDATE, so a reader sees the old run or the new one.
CREATE TABLE published_score_run (
    singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    run_id       bigint      NOT NULL REFERENCES score_runs (id),
    published_at timestamptz NOT NULL DEFAULT now()
);
