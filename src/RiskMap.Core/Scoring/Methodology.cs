using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

public enum NormalisationMethod
{
    MinMax,
    ZScore,
}

public enum ClassificationMethod
{
    FixedThresholds,
    Quantiles,
}

/// <summary>
/// Every choice of the composite risk score, with the defaults that docs/methodology.md explains. A score run
/// records the whole object, so a published score can always be traced to how it was made.
/// </summary>
public sealed record Methodology
{
    /// <summary>Scales rebuilt every quarter (docs/methodology-1.0.md); still selectable.</summary>
    public const string Version1 = "riskmap-1.0";

    /// <summary>Fixed goalposts, rare events over four quarters and uncertainty from the data (docs/methodology.md).</summary>
    public const string Version2 = "riskmap-2.0";

    /// <summary>The default; bumped whenever a step's formula changes. Earlier runs keep the version they were made with.</summary>
    public const string CurrentVersion = Version2;

    public string Version { get; init; } = CurrentVersion;

    /// <summary>Counts become rates per this many pupils.</summary>
    public double RatePer { get; init; } = PupilRate.Per;

    /// <summary>An indicator missing in a quarter takes its latest value from up to this many quarters back, marked out of date.</summary>
    public int LookbackQuarters { get; init; } = 4;

    public double SkewnessThreshold { get; init; } = 2.0;

    public double KurtosisThreshold { get; init; } = 3.5;

    public int MaxWinsorised { get; init; } = 5;

    public NormalisationMethod Normalisation { get; init; } = NormalisationMethod.MinMax;

    public ClassificationMethod Classification { get; init; } = ClassificationMethod.FixedThresholds;

    /// <summary>Lower bounds of low, medium, high and very high on the 0–10 scale; below the first is very low.</summary>
    public IReadOnlyList<double> ClassThresholds { get; init; } = [2.0, 3.5, 5.0, 6.5];

    /// <summary>Units whose reliability (0–10, higher is better) falls below this are flagged.</summary>
    public double ReliabilityThreshold { get; init; } = 6.0;

    public int Replications { get; init; } = 200;

    /// <summary>Each weight is multiplied by a factor drawn uniformly from 1 ± this in every replication.</summary>
    public double WeightPerturbation { get; init; } = 0.25;

    public int Seed { get; init; } = 20240101;

    // Settings of riskmap-2.0 only; 1.0 ignores them.

    /// <summary>First quarter of the reference period (like <c>2024Q1</c>); null: the first quarter of the input.</summary>
    public string? ReferenceFrom { get; init; }

    /// <summary>Quarters in the reference period that fixes bounds, outlier treatment, Empirical Bayes priors and level thresholds.</summary>
    public int ReferenceQuarters { get; init; } = 4;

    /// <summary>
    /// Indicators scored over the last <see cref="RollingQuarters"/> quarters: a count on its events over the window's
    /// population, any other indicator on the denominator-weighted mean of the window's values. Rare counts, and the
    /// school shares whose quarter-to-quarter changes are mostly noise.
    /// </summary>
    public IReadOnlyList<string> RollingIndicators { get; init; } =
    [
        "suicides", "suicide_attempts", "self_harm_referrals", "sexual_offences_against_minors",
        "screening_high_risk_share", "chronic_absence_share", "extracurricular_share",
    ];

    public int RollingQuarters { get; init; } = 4;

    /// <summary>
    /// Non-count indicators that are percentages of the pupils (of the observation's denominator, else the unit's
    /// pupils): each is modelled as a beta-binomial, scored on its posterior mean and redrawn from its Beta posterior
    /// in the Monte Carlo, like a count from its Gamma posterior.
    /// </summary>
    public IReadOnlyList<string> ShareIndicators { get; init; } = ["screening_high_risk_share", "chronic_absence_share", "extracurricular_share"];

    /// <summary>A unit is scored on a count only when the pooled rate times its population reaches this many events.</summary>
    public double MinimumExpectedCount { get; init; } = 0.5;

    /// <summary>The Empirical Bayes prior's coefficient of variation never falls below this, so its variance is never 0.</summary>
    public double MinimumPriorCv { get; init; } = 0.05;
}
