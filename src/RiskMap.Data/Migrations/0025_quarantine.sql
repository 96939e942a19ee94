-- The quarantine (docs/quarantine.md): indicator values an import held back from the scores, with the reasons, until a
-- steward accepts or rejects them. Scores, values and counts read observations, which a held value has not reached;
-- accepting it writes it there. Nothing is deleted: a rejected value, and one a later import replaced while it was
-- held ('superseded'), stay here with who decided, when and why.
CREATE TABLE held_observations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    entity_level    text        NOT NULL CHECK (entity_level IN ('region', 'district', 'school')),
    entity_code     text        NOT NULL,
    indicator_code  text        NOT NULL REFERENCES indicators (code),
    period          char(6)     NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
    value           double precision NOT NULL CHECK (value = value AND value <> 'Infinity' AND value <> '-Infinity'),
    denominator     double precision CHECK (denominator IS NULL OR denominator > 0),
    source          text        NOT NULL,
    reasons         text[]      NOT NULL CHECK (cardinality(reasons) > 0
                                                AND reasons <@ ARRAY['far-from-history', 'tenfold-jump', 'broad-change']),
    -- What the rule saw when it held the value: the stored value it would replace, the unit's history, its z-score.
    stored_value    double precision,
    history_median  double precision,
    last_value      double precision,
    robust_z        double precision,
    status          text        NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'accepted', 'rejected', 'superseded')),
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text,
    -- An accepted value's number from the import batches' sequence, so that score_input_watermark() rises with it and
    -- the recompute follows as it does an import.
    input_stamp     bigint,
    CHECK ((status = 'held') = (decided_at IS NULL) AND (status = 'held') = (decided_by IS NULL)),
    CHECK ((status = 'accepted') = (input_stamp IS NOT NULL))
);
-- One value at a time is held per unit, indicator and quarter: a later import's value supersedes it.
CREATE UNIQUE INDEX held_observations_pending_key ON held_observations (entity_level, entity_code, indicator_code, period)
    WHERE status = 'held';
CREATE INDEX held_observations_batch_idx ON held_observations (import_batch_id);

-- As 0017, and every accepted held value.
CREATE OR REPLACE FUNCTION score_input_watermark() RETURNS bigint LANGUAGE sql STABLE
    RETURN greatest((SELECT COALESCE(max(b.id), 0) FROM import_batches b
                     WHERE b.status = 'succeeded'
                       AND NOT EXISTS (SELECT 1 FROM boundary_import_vintages v
                                       WHERE v.batch_id = b.id AND NOT v.serving
                                         AND NOT EXISTS (SELECT 1 FROM boundary_vintages d
                                                         WHERE d.vintage = v.vintage AND (d.valid_from IS NOT NULL OR d.valid_to IS NOT NULL)))),
                    (SELECT stamp FROM vintage_days_change),
                    (SELECT COALESCE(max(input_stamp), 0) FROM held_observations));
