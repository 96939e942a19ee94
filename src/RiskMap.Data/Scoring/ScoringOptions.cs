using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>The "Scoring" configuration section: the method's settings, the schedule and how many runs are kept.</summary>
public sealed class ScoringOptions
{
    public Methodology Methodology { get; set; } = new();

    /// <summary>
    /// Forecasts and their backtest are published with every run (docs/forecasting.md). Off only where runs are made to
    /// test something else: the backtest is most of a run's time.
    /// </summary>
    public bool Forecasts { get; set; } = true;

    /// <summary>Cron expression (minute hour day month weekday, in <see cref="TimeZone"/>) of the regular recompute; default nightly at 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    public string TimeZone { get; set; } = "Asia/Almaty";

    /// <summary>A recompute follows new imports once no import has finished for this long, so a batch of uploads makes one run.</summary>
    public int ImportDebounceSeconds { get; set; } = 120;

    /// <summary>How often the scheduler looks for new imports.</summary>
    public int ImportCheckSeconds { get; set; } = 30;

    /// <summary>Runs kept for comparison; older ones are deleted, never the published one.</summary>
    public int KeepRuns { get; set; } = 20;

    /// <summary>A recompute the database interrupted is tried again after this long, then after twice as long each time…</summary>
    public double RetryFirstSeconds { get; set; } = 2;

    /// <summary>…but never waits longer than this between tries while the database stays unreachable.</summary>
    public double RetryMaxSeconds { get; set; } = 60;
}
