-- Two changes to the quarantine of 0025 (docs/quarantine.md). Numbered after 0025, which they alter: a lower number
-- would run before it on a fresh database.
-- 1. A value may be held because a count this large or small is improbable given its unit's history.
ALTER TABLE held_observations DROP CONSTRAINT held_observations_reasons_check;
ALTER TABLE held_observations ADD CONSTRAINT held_observations_reasons_check
    CHECK (cardinality(reasons) > 0 AND reasons <@ ARRAY['far-from-history', 'tenfold-jump', 'broad-change', 'improbable-count']);

-- 2. As 0025, except that an indicator import which wrote nothing to observations (every value held, or sent again as
-- it was) changes no score input and so no longer raises the watermark: it would only start a pointless recompute.
-- Accepting its held values later raises it through their input stamps.
CREATE OR REPLACE FUNCTION score_input_watermark() RETURNS bigint LANGUAGE sql STABLE
    RETURN greatest((SELECT COALESCE(max(b.id), 0) FROM import_batches b
                     WHERE b.status = 'succeeded'
                       AND NOT (b.kind = 'indicators' AND b.rows_inserted = 0 AND b.rows_updated = 0)
                       AND NOT EXISTS (SELECT 1 FROM boundary_import_vintages v
                                       WHERE v.batch_id = b.id AND NOT v.serving
                                         AND NOT EXISTS (SELECT 1 FROM boundary_vintages d
                                                         WHERE d.vintage = v.vintage AND (d.valid_from IS NOT NULL OR d.valid_to IS NOT NULL)))),
                    (SELECT stamp FROM vintage_days_change),
                    (SELECT COALESCE(max(input_stamp), 0) FROM held_observations));
