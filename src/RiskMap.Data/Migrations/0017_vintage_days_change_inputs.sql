-- A vintage's in-force days decide which quarters are carried from it into today's units (observations_today), so
-- changing the days of a vintage that is not current changes the scores' inputs as an import does. Such a change
-- takes a number from the import batches' sequence: score_input_watermark() stays one increasing number, which a
-- score run records and the pending recompute (and with it the scheduler) compares with the published run's.
-- (The current vintage's days change nothing: its quarters are those no other vintage's days cover.)
CREATE TABLE vintage_days_change (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    stamp       bigint  NOT NULL
);
INSERT INTO vintage_days_change (stamp) VALUES (0);

CREATE FUNCTION stamp_vintage_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE vintage_days_change SET stamp = nextval(pg_get_serial_sequence('import_batches', 'id'));
    RETURN NULL;
END
$$;
CREATE TRIGGER vintage_days_change_inputs AFTER UPDATE OF valid_from, valid_to ON boundary_vintages
    FOR EACH ROW WHEN (NOT NEW.is_current AND (OLD.valid_from, OLD.valid_to) IS DISTINCT FROM (NEW.valid_from, NEW.valid_to))
    EXECUTE FUNCTION stamp_vintage_days_change();

-- The newest change the scores depend on: every succeeded import except those that only kept a non-current vintage
-- without in-force days (a vintage with days has quarters carried from its shapes through the crosswalk, so new shapes
-- of it change the scores' inputs), and every change of a non-current vintage's days.
CREATE OR REPLACE FUNCTION score_input_watermark() RETURNS bigint LANGUAGE sql STABLE
    RETURN greatest((SELECT COALESCE(max(b.id), 0) FROM import_batches b
                     WHERE b.status = 'succeeded'
                       AND NOT EXISTS (SELECT 1 FROM boundary_import_vintages v
                                       WHERE v.batch_id = b.id AND NOT v.serving
                                         AND NOT EXISTS (SELECT 1 FROM boundary_vintages d
                                                         WHERE d.vintage = v.vintage AND (d.valid_from IS NOT NULL OR d.valid_to IS NOT NULL)))),
                    (SELECT stamp FROM vintage_days_change));
