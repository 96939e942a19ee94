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
    /// <summary>Bumped whenever a step's formula changes; earlier runs keep the version they were made with.</summary>
    public const string CurrentVersion = "riskmap-1.0";

    public string Version { get; init; } = CurrentVersion;

    /// <summary>Counts become rates per this many pupils.</summary>
    public double RatePer { get; init; } = 1_000;

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
}
