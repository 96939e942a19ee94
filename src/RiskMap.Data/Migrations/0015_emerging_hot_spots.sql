-- Emerging hot spots (docs/emerging-hotspots.md), computed with each score run from its composite scores and stored with
-- it: one row per run, level and unit. Deleted with the run; served only for the published run (RiskMap.Data/HotSpots).
CREATE TABLE emerging_hot_spots (
    run_id      bigint           NOT NULL REFERENCES score_runs (id) ON DELETE CASCADE,
    level       text             NOT NULL CHECK (level IN ('region', 'district')),
    code        text             NOT NULL,
    category    text             NOT NULL,
    -- The confidence at which quarters count as hot or cold and a trend as significant (after the FDR correction).
    confidence  smallint         NOT NULL CHECK (confidence IN (90, 95, 99)),
    -- The run's final quarter: Gi* z-score, p-value, FDR-adjusted p-value (q) and confidence bin; null without a score there.
    z           double precision,
    p           double precision,
    q           double precision,
    bin         smallint         CHECK (bin BETWEEN -3 AND 3),
    -- Mann–Kendall over the quarters' z-scores; null with fewer than 10 quarters with a score.
    trend_z     double precision,
    trend_p     double precision,
    -- The bin of every quarter of the run, in the order of score_runs.periods; null where the unit had no score.
    bins        smallint[]       NOT NULL,
    PRIMARY KEY (run_id, level, code)
);
