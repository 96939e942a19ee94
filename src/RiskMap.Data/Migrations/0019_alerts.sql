-- Early-warning alerts (README, "Alerts"): the data steward's rules, versioned; the alerts each published score run
-- raises under them; and which version each run was evaluated under.

-- Every change of the rules is a new version; the newest is in force. The JSON is RiskMap.Core.Alerts.AlertRuleSet
-- (RiskMap.Data/Alerts/AlertRuleJson.cs): a rule that is null is switched off.
CREATE TABLE alert_rule_versions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rules       jsonb       NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO alert_rule_versions (rules, created_by) VALUES ('{
    "clearRise": {"compare": "either", "minimumScore": null},
    "emergingHotSpot": {"categories": ["new-hot-spot", "intensifying-hot-spot"]},
    "programmeTargetRise": {"compare": "either"}
}', 'migration');

-- One alert per rule, unit and quarter: a later run of the same quarter raises nothing new and leaves raised_at as it
-- was. No reference to score_runs: alerts outlive the runs that are pruned.
CREATE TABLE alerts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule                text        NOT NULL CHECK (rule IN ('clear-rise', 'emerging-hot-spot', 'programme-target-rise')),
    level               text        NOT NULL CHECK (level IN ('region', 'district', 'school')),
    code                text        NOT NULL,
    period              char(6)     NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
    -- What the reader needs to judge it: the score and its clear rise, or the emerging hot spot category.
    score               double precision,
    change              double precision,
    category            text,
    run_id              bigint      NOT NULL,
    rule_version_id     bigint      NOT NULL REFERENCES alert_rule_versions (id),
    raised_at           timestamptz NOT NULL DEFAULT now(),
    acknowledged_by     text,
    acknowledged_at     timestamptz,
    acknowledgement     text        CHECK (length(acknowledgement) BETWEEN 1 AND 1000),
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL) AND (acknowledged_at IS NULL) = (acknowledgement IS NULL)),
    UNIQUE (rule, level, code, period)
);
CREATE INDEX alerts_unit_idx ON alerts (level, code);
CREATE INDEX alerts_raised_idx ON alerts (raised_at DESC, id DESC);

-- The rules' version each published run was evaluated under, and how many alerts it found and raised anew.
CREATE TABLE alert_evaluations (
    run_id          bigint      PRIMARY KEY REFERENCES score_runs (id) ON DELETE CASCADE,
    rule_version_id bigint      NOT NULL REFERENCES alert_rule_versions (id),
    period          char(6)     NOT NULL,
    found           integer     NOT NULL,
    raised          integer     NOT NULL,
    evaluated_at    timestamptz NOT NULL DEFAULT now()
);
