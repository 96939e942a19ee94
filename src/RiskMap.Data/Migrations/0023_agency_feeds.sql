-- Agency clients and their indicator feeds (issue 19): servers of other agencies (police, health, the education
-- database) that push indicator values with an API key. The data steward registers each client with the indicators and
-- regions it may write, and issues, rotates and revokes its keys.

CREATE TABLE agency_clients (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    description     text        NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    -- What it may write: indicator codes, and region KATO codes (a district or school counts as its region).
    indicators      text[]      NOT NULL CHECK (cardinality(indicators) > 0),
    regions         text[]      NOT NULL CHECK (cardinality(regions) > 0),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- A key is "rmk.<public_id>.<secret>": the public id finds the row, the secret is kept only as its SHA-256. Several
-- keys of a client may be active at once (a rotation's overlap); a key works until it expires or is revoked.
CREATE TABLE agency_client_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id       bigint      NOT NULL REFERENCES agency_clients (id),
    public_id       text        NOT NULL UNIQUE CHECK (public_id ~ '^[a-z0-9]{16}$'),
    secret_sha256   bytea       NOT NULL CHECK (length(secret_sha256) = 32),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text,
    last_used_at    timestamptz
);
CREATE INDEX agency_client_keys_client_idx ON agency_client_keys (client_id);

-- One pushed batch: stored in the import's own transaction, so it exists exactly when its values do. The client's batch
-- key makes a retry return this first result; the import batch holds the values (observations.import_batch_id), the
-- body's hash (sha256) and the source system (source), so each value's client, system, batch and time are a join away.
CREATE TABLE feed_batches (
    client_id       bigint      NOT NULL REFERENCES agency_clients (id),
    batch_key       text        NOT NULL CHECK (batch_key ~ '^[A-Za-z0-9._:-]{1,100}$'),
    import_batch_id bigint      NOT NULL UNIQUE REFERENCES import_batches (id),
    key_id          bigint      NOT NULL REFERENCES agency_client_keys (id),
    received_at     timestamptz NOT NULL DEFAULT now(),
    rows_read       integer     NOT NULL,
    rows_inserted   integer     NOT NULL,
    rows_updated    integer     NOT NULL,
    rows_unchanged  integer     NOT NULL,
    PRIMARY KEY (client_id, batch_key)
);
