using System.Text.Json;
using System.Text.Json.Serialization;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;
using static RiskMap.Core.Tests.Scoring.Synthetic;

namespace RiskMap.Core.Tests.Scoring;

/// <summary>
/// Methodology 2.0 uses every core, yet a run must not depend on how many: a published interval or rank band that
/// changed with the machine's load could not be reproduced.
/// </summary>
public class ScoringParallelismTests
{
    // NaN stays in the comparison (missing indicator scores) instead of failing serialisation.
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public async Task A_run_on_one_thread_and_on_four_gives_every_output_bit_for_bit_the_same()
    {
        var methodology = Version2 with { Replications = 60 };

        var one = await OnThreads(1, () => ScoringEngine.Run(Levels(schools: 400, districts: 12, periods: 6).Input, methodology));
        var four = await OnThreads(4, () => ScoringEngine.Run(Levels(schools: 400, districts: 12, periods: 6).Input, methodology));

        // Every field of every unit, quarter and level, and the references: doubles serialise round-trip exactly.
        Assert.Equal(JsonSerializer.Serialize(one, Exact), JsonSerializer.Serialize(four, Exact));
        Assert.Contains(one.Scores[EntityLevel.School], s => s.Band is { } band && band.High > band.Low);
        Assert.Contains(one.Scores[EntityLevel.School], s => s.Uncertainty is { } u && u.High > u.Low);
    }

    /// <summary>Parallel.For inside the engine runs on the current scheduler: this one admits at most <paramref name="threads"/> at once.</summary>
    private static Task<T> OnThreads<T>(int threads, Func<T> run) =>
        Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.None,
            new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler);
}
