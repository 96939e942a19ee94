-- Webhooks for alerts (README, "Alerts"): the data steward's subscribers, and the delivery of each alert in a
-- subscriber's scope with every attempt logged. The state lives here, not in a process, so a restart resumes it.

-- A subscriber receives the alerts about units it would see in full as a planner of its region (null: nationally, as an
-- analyst). The secret signs each delivery, so it is kept as it is; it is shown to the steward only when registered.
-- Only alerts raised after registration are delivered (from_alert_id: the newest alert then).
CREATE TABLE webhook_subscribers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url             text        NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    region_kato     text,
    secret          text        NOT NULL CHECK (length(secret) >= 32),
    from_alert_id   bigint      NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    removed_at      timestamptz
);

-- One delivery per subscriber and alert: pending until its receiver answers 2xx (delivered) or it has had its last try (failed).
CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id   bigint      NOT NULL REFERENCES webhook_subscribers (id) ON DELETE CASCADE,
    alert_id        bigint      NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscriber_id, alert_id),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- Every attempt: when, the receiver's status code (null when it could not be reached, with the error), and when the next one is due.
CREATE TABLE webhook_attempts (
    delivery_id     bigint      NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt         integer     NOT NULL,
    attempted_at    timestamptz NOT NULL DEFAULT now(),
    status_code     integer,
    error           text,
    next_attempt_at timestamptz,
    PRIMARY KEY (delivery_id, attempt)
);
