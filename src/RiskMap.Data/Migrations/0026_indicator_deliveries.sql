-- Deliveries of indicator values (issue 19, timeliness and completeness; docs/data-delivery.md): one row per import
-- batch and indicator, region and quarter it brought values for. Observations keep only the batch that last wrote them,
-- so a quarter's FIRST arrival, which timeliness is judged by, is kept here. Written in the import's own transaction
-- (ObservationImporter, the one path of file imports and agency feeds), before the quarantine: a value held for the
-- steward was still delivered. The source (an agency client, or the steward's file imports) is the batch's feed_batches
-- row, if any.
CREATE TABLE indicator_deliveries (
    import_batch_id bigint      NOT NULL REFERENCES import_batches (id),
    indicator_code  text        NOT NULL REFERENCES indicators (code),
    -- The level the values were at: an indicator delivered for schools has its completeness counted over schools.
    entity_level    text        NOT NULL CHECK (entity_level IN ('region', 'district', 'school')),
    region_kato     char(9)     NOT NULL CHECK (region_kato ~ '^[0-9]{2}0000000$'),
    period          char(6)     NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
    value_count     integer     NOT NULL CHECK (value_count > 0),
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (import_batch_id, indicator_code, entity_level, region_kato, period)
);
CREATE INDEX indicator_deliveries_cell_idx ON indicator_deliveries (period, indicator_code, region_kato, received_at);

-- Backfill from what is stored: each batch's surviving values (stored or held) as its delivery, at the batch's end.
-- Values a later batch overwrote are lost to this, so a backfilled quarter's first arrival may be later than it was.
INSERT INTO indicator_deliveries (import_batch_id, indicator_code, entity_level, region_kato, period, value_count, received_at)
SELECT v.import_batch_id, v.indicator_code, v.entity_level, v.region_kato, v.period, count(*), COALESCE(b.finished_at, b.started_at)
FROM (SELECT o.import_batch_id, o.indicator_code, o.entity_level, o.period,
             CASE o.entity_level WHEN 'school' THEN s.region_kato ELSE left(o.entity_code, 2) || '0000000' END AS region_kato
      FROM (SELECT import_batch_id, entity_level, entity_code, indicator_code, period FROM observations
            UNION ALL
            SELECT import_batch_id, entity_level, entity_code, indicator_code, period FROM held_observations) o
      LEFT JOIN schools s ON o.entity_level = 'school' AND s.code = o.entity_code) v
JOIN import_batches b ON b.id = v.import_batch_id
WHERE v.region_kato IS NOT NULL
GROUP BY v.import_batch_id, v.indicator_code, v.entity_level, v.region_kato, v.period, b.finished_at, b.started_at;
