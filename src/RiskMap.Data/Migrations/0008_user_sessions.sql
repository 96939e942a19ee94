-- A per-user security stamp, carried in every sign-in cookie and bearer token and checked on each request. Replacing
-- it (sign-out, disabling, locking, a role, scope or password change) ends every session and token of the user at once.
-- gen_random_uuid() draws from PostgreSQL's strong random source; the service writes its own random stamps later.

ALTER TABLE users ADD COLUMN security_stamp text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '')
    CHECK (length(security_stamp) >= 32);
