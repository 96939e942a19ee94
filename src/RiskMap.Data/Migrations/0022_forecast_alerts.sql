-- The forecast alert rule and the published probability of risk level 4–5 (docs/forecasting.md, "Which forecast is
-- published"; README, "Alerts").

-- (d) "Risk level 4–5 likely": the probability the published forecast gives and how many quarters ahead it looks.
ALTER TABLE alerts DROP CONSTRAINT alerts_rule_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_rule_check
    CHECK (rule IN ('clear-rise', 'emerging-hot-spot', 'programme-target-rise', 'forecast-high-risk'));
ALTER TABLE alerts
    ADD COLUMN probability double precision CHECK (probability BETWEEN 0 AND 1),
    ADD COLUMN horizon     smallint         CHECK (horizon BETWEEN 1 AND 2),
    ADD CHECK ((rule = 'forecast-high-risk') = (probability IS NOT NULL) AND (probability IS NULL) = (horizon IS NULL));

-- The rule is switched on as a new version of the rules in force (default settings), so the steward's own settings
-- of the other rules stay as they are and the change is on record; a version that names the rule already is left alone.
INSERT INTO alert_rule_versions (rules, created_by)
SELECT rules || '{"forecastHighRisk": {"threshold": 0.5, "horizon": 1}}', 'migration'
FROM (SELECT rules FROM alert_rule_versions ORDER BY id DESC LIMIT 1) newest
WHERE NOT newest.rules ? 'forecastHighRisk';

-- The composite's probability of level 4–5 is published from the method that wins the backtest of "enters level
-- 4–5" (ForecastWinner.OfProbability), which may differ from the method its score and interval follow (mean CRPS).
-- Runs stored before this published the probability with the composite's own method: recorded as such.
ALTER TABLE forecasts ADD COLUMN probability_method text;
UPDATE forecasts SET probability_method = method WHERE measure = 'composite';
ALTER TABLE forecasts ADD CHECK ((measure = 'composite') = (probability_method IS NOT NULL));
ALTER TABLE forecast_skill ADD COLUMN published_probability boolean NOT NULL DEFAULT false;
UPDATE forecast_skill s SET published_probability = EXISTS (
    SELECT FROM forecasts f WHERE f.run_id = s.run_id AND f.level = s.level AND f.measure = 'composite' AND f.probability_method = s.method);
