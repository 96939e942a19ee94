using System.Text.Json;
using System.Text.Json.Serialization;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>
/// The scale a methodology 2.0 run was fixed on, as stored in <c>score_runs.level_references</c>: per level code the
/// reference quarters, the class thresholds (read back by <c>score_run_class_thresholds</c>), the level margin, each
/// indicator's goalposts and Empirical Bayes prior (Gamma for a count, Beta for a share), and the dropped indicators with the reason.
/// </summary>
internal static class ScoreRunReferences
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // A statistic of a constant series can be NaN; stored as the string "NaN" rather than failing the run.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <returns>null for a 1.0 run, which has no reference period.</returns>
    public static string? ToJson(IReadOnlyList<LevelReference>? references) => references is null
        ? null
        : JsonSerializer.Serialize(references.ToDictionary(r => r.Level.ToCode(), r => new
        {
            quarters = r.Quarters.Select(q => q.ToString()),
            classThresholds = r.ClassThresholds,
            levelMargin = r.LevelMargin,
            goalposts = r.Goalposts,
            priors = r.Priors.ToDictionary(p => p.Key, p => new { p.Value.Mean, p.Value.Variance, p.Value.HasSignal, p.Value.Alpha, p.Value.Beta }),
            sharePriors = r.SharePriors.ToDictionary(p => p.Key, p => new { p.Value.Mean, p.Value.Variance, p.Value.HasSignal, p.Value.Alpha, p.Value.Beta }),
            dropped = r.Dropped.Select(d => new { d.Indicator, d.Reason }),
        }), Json);
}
