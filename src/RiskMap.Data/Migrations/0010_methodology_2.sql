-- Methodology riskmap-2.0 publishes its uncertainty and the scale it was fixed on. Every new column is null for a
-- riskmap-1.0 run, which keeps being read exactly as before.

-- Per result: the 5–95 % score interval, the probability of risk level 4 or 5, whether the change against the previous
-- quarter and the year before exceeds its uncertainty, and which indicators were clamped to the reference range (in
-- the order of the run's indicator_codes; null when none was).
ALTER TABLE score_results
    ADD COLUMN score_low             double precision,
    ADD COLUMN score_high            double precision,
    ADD COLUMN high_risk_probability double precision CHECK (high_risk_probability BETWEEN 0 AND 1),
    ADD COLUMN clear_change_quarter  boolean,
    ADD COLUMN clear_change_year     boolean,
    ADD COLUMN out_of_range          boolean[];

-- Per run, keyed by level code: the reference quarters, the fixed class thresholds, each indicator's goalposts and
-- Empirical Bayes prior, and the indicators dropped with the reason.
ALTER TABLE score_runs ADD COLUMN level_references jsonb;

-- The one home of "the run's class thresholds of a level": 2.0 fixes them per level from its reference period, 1.0
-- has one set for every level in its methodology.
CREATE FUNCTION score_run_class_thresholds(run bigint, level text) RETURNS float8[]
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT ARRAY(SELECT jsonb_array_elements_text(
                COALESCE(r.level_references -> level -> 'classThresholds', r.methodology -> 'classThresholds'))::float8)
            FROM score_runs r WHERE r.id = run);
