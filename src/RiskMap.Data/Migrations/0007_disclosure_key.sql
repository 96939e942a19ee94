-- The secret key of the order in which small-number suppression picks the cells that hide small counts (issue #12,
-- docs/disclosure-control.md). Made here, once, so that it is in neither the code nor the configuration, and every
-- instance of a cluster shares it. 2 × 122 random bits from gen_random_uuid(), built in since PostgreSQL 13.
-- The runtime role may read it but not change it (runtime_grants.sql): a new key would change which counts are
-- withheld, and two patterns of the same table give each other away.
CREATE TABLE disclosure_key (
    id  boolean PRIMARY KEY DEFAULT true CHECK (id),
    key bytea   NOT NULL CHECK (length(key) >= 16)
);

INSERT INTO disclosure_key (key)
SELECT decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex');
