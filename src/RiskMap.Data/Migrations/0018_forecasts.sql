-- Next-quarter forecasts (docs/forecasting.md), computed with each score run and stored with it: the forecasts of every
-- unit, the rolling-origin backtest that chose the published method of each level, and that method. Deleted with the
-- run; served only for the published run and only for units the caller sees in full (RiskMap.Data/Forecasting).

-- One row per run, unit, measure (a count indicator's code, or 'composite') and horizon. A count indicator has the
-- predictive negative binomial (expected count, rate per 1,000 of the unit's latest pupils, dispersion 1/k, 10/50/90 %
-- quantiles); the composite has the score with its 80 % interval and the probability of risk level 4 or 5.
CREATE TABLE forecasts (
    run_id                 bigint           NOT NULL REFERENCES score_runs (id) ON DELETE CASCADE,
    level                  text             NOT NULL CHECK (level IN ('region', 'district', 'school')),
    code                   text             NOT NULL,
    measure                text             NOT NULL,
    horizon                smallint         NOT NULL CHECK (horizon BETWEEN 1 AND 2),
    period                 char(6)          NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
    method                 text             NOT NULL,
    expected_count         double precision,
    rate_per_1000          double precision,
    dispersion             double precision,
    count_low              integer,
    count_median           integer,
    count_high             integer,
    score                  double precision,
    score_low              double precision,
    score_high             double precision,
    high_risk_probability  double precision CHECK (high_risk_probability BETWEEN 0 AND 1),
    CHECK ((measure = 'composite') = (score IS NOT NULL) AND (measure = 'composite') = (expected_count IS NULL)),
    PRIMARY KEY (run_id, level, code, measure, horizon)
);
-- "Units with P(level 4–5 next quarter) ≥ x" (ForecastQueries.LikelyHighRiskAsync, for the alert rule).
CREATE INDEX forecasts_high_risk ON forecasts (run_id, horizon, high_risk_probability DESC) WHERE measure = 'composite';

-- The backtest of each run: one row per level, horizon and method (BacktestRow); published marks the method the level
-- publishes (ForecastWinner), the same in both horizons' rows. NaN where a score has no cases (no composite forecast
-- for the mean of the last four quarters, nobody entering level 4–5).
CREATE TABLE forecast_skill (
    run_id             bigint           NOT NULL REFERENCES score_runs (id) ON DELETE CASCADE,
    level              text             NOT NULL CHECK (level IN ('region', 'district', 'school')),
    horizon            smallint         NOT NULL CHECK (horizon BETWEEN 1 AND 2),
    method             text             NOT NULL,
    forecasts          integer          NOT NULL,
    crps               double precision NOT NULL,
    rate_mae           double precision NOT NULL,
    coverage           double precision NOT NULL,
    entries            integer          NOT NULL,
    entered            integer          NOT NULL,
    brier              double precision NOT NULL,
    average_precision  double precision NOT NULL,
    published          boolean          NOT NULL,
    PRIMARY KEY (run_id, level, horizon, method)
);
