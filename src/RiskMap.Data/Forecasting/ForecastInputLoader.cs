using Dapper;
using Npgsql;
using RiskMap.Core.Forecasting;
using RiskMap.Core.Geography;
using RiskMap.Core.Scoring;
using RiskMap.Data.HotSpots;
using RiskMap.Data.Scoring;

namespace RiskMap.Data.Forecasting;

/// <summary>What the forecasts of one level read: a panel per count indicator and the published composite scores.</summary>
public sealed record LevelForecastInput(EntityLevel Level, IReadOnlyList<Core.Indicators.Quarter> Periods,
    IReadOnlyList<(string Indicator, CountPanel Panel)> Counts, ScorePanel? Scores);

/// <summary>
/// Reads the observations in today's boundaries the way scoring does (<see cref="ScoreInputLoader"/>; districts and
/// regions summed from their schools where they have no value of their own, nothing carried forward: a forecast learns
/// from reported quarters only), the neighbours (queen contiguity for regions and districts; for a school, the other
/// schools of its district, as schools are points) and a run's scores and risk levels.
/// </summary>
public sealed class ForecastInputLoader(NpgsqlDataSource dataSource)
{
    /// <summary>The input with the published run's scores.</summary>
    public async Task<IReadOnlyList<LevelForecastInput>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var run = await connection.ExecuteScalarAsync<long?>("SELECT run_id FROM published_score_run");
        return await LoadAsync(connection, run, cancellationToken);
    }

    /// <summary>The input with the scores of <paramref name="run"/> (none without a run), read from the database.</summary>
    private static async Task<IReadOnlyList<LevelForecastInput>> LoadAsync(NpgsqlConnection connection, long? run, CancellationToken cancellationToken)
    {
        var (catalogue, _) = await ScoreCatalogue.LoadAsync(connection);
        var input = await ScoreInputLoader.LoadAsync(connection, catalogue, cancellationToken);
        return await BuildAsync(connection, input, run, null);
    }

    /// <summary>
    /// The input of a run being published, on its connection and inside its transaction, from what the run already
    /// holds: the observations as loaded (<see cref="Unscored"/>, taken before scoring filled the gaps) and its scores,
    /// rather than reading both again.
    /// </summary>
    public static Task<IReadOnlyList<LevelForecastInput>> OfRunAsync(NpgsqlConnection connection, ScoringInput unscored, long run,
        ScoringResult result) => BuildAsync(connection, unscored, run, result.Scores);

    /// <summary>A copy of the observations as loaded, for the forecasts: scoring carries values forward in place, a
    /// forecast learns from reported quarters only.</summary>
    public static ScoringInput Unscored(ScoringInput input) =>
        input with { Schools = Copy(input.Schools), Districts = Copy(input.Districts), Regions = Copy(input.Regions) };

    private static LevelData Copy(LevelData data)
    {
        var copy = new LevelData(data.Codes, data.Parents, data.Pupils, data.Indicators, data.Periods);
        data.Values.CopyTo(copy.Values, 0);
        data.Denominators.CopyTo(copy.Denominators, 0);
        data.Age.CopyTo(copy.Age, 0);
        return copy;
    }

    private static async Task<IReadOnlyList<LevelForecastInput>> BuildAsync(NpgsqlConnection connection, ScoringInput input, long? run,
        IReadOnlyDictionary<EntityLevel, IReadOnlyList<UnitScore>>? scored)
    {
        var catalogue = input.Catalogue;
        var isCount = catalogue.Indicators.Select(i => i.IsCount).ToArray();
        input.Districts.AggregateFrom(input.Schools, isCount);
        input.Regions.AggregateFrom(input.Districts, isCount);

        var result = new List<LevelForecastInput>();
        foreach (var (level, data) in new[] { (EntityLevel.School, input.Schools), (EntityLevel.District, input.Districts), (EntityLevel.Region, input.Regions) })
        {
            var neighbours = level == EntityLevel.School ? SameParent(data) : Neighbours(data, await QueenContiguity.OfAsync(connection, level));
            var counts = new List<(string, CountPanel)>();
            for (var i = 0; i < catalogue.Indicators.Count; i++)
            {
                if (!isCount[i]) continue;
                var values = new double[data.Units * data.Periods];
                for (var u = 0; u < data.Units; u++)
                    for (var t = 0; t < data.Periods; t++)
                        values[u * data.Periods + t] = data.Values[data.Cell(t, i, u)];
                counts.Add((catalogue.Indicators[i].Code, new CountPanel(data.Codes, input.Periods, values, data.Pupils, neighbours)));
            }
            var scores = run is { } id ? await ScoresAsync(connection, id, level, data, input.Periods, scored?[level]) : null;
            result.Add(new LevelForecastInput(level, input.Periods, counts, scores));
        }
        return result;
    }

    private static int[][] SameParent(LevelData data)
    {
        var byParent = Enumerable.Range(0, data.Units).Where(u => data.Parents[u] is not null).GroupBy(u => data.Parents[u]!)
            .ToDictionary(g => g.Key, g => g.ToArray());
        return [.. Enumerable.Range(0, data.Units).Select(u =>
            data.Parents[u] is { } p ? byParent[p].Where(other => other != u).ToArray() : [])];
    }

    private static int[][] Neighbours(LevelData data, IReadOnlyDictionary<string, string[]> contiguity) =>
        [.. data.Codes.Select(code => contiguity.TryGetValue(code, out var touching)
            ? touching.Select(n => data.TryGetUnit(n, out var j) ? j : -1).Where(j => j >= 0).ToArray()
            : [])];

    /// <param name="scored">The run's scores in memory; null: read them from the database.</param>
    private static async Task<ScorePanel?> ScoresAsync(NpgsqlConnection connection, long run, EntityLevel level, LevelData data,
        IReadOnlyList<Core.Indicators.Quarter> periods, IReadOnlyList<UnitScore>? scored)
    {
        var thresholds = await connection.ExecuteScalarAsync<double[]>("SELECT score_run_class_thresholds(@run, @level)",
            new { run, level = level.ToCode() });
        if (thresholds is not { Length: 4 }) return null;
        var periodIndex = periods.Select((p, i) => (p.ToString(), i)).ToDictionary(p => p.Item1, p => p.i);
        var scores = new double[data.Units * periods.Count];
        var levels = new int[scores.Length];
        Array.Fill(scores, double.NaN);
        var rows = scored?.Select(s => (s.Code, Period: s.Period.ToString(), s.Score, Class: (short?)s.Class))
            ?? await connection.QueryAsync<(string Code, string Period, double? Score, short? Class)>(
                "SELECT code, period, score, class FROM score_results WHERE run_id = @run AND level = @level",
                new { run, level = level.ToCode() });
        foreach (var row in rows)
        {
            if (!data.TryGetUnit(row.Code, out var u) || !periodIndex.TryGetValue(row.Period, out var t)) continue;
            scores[u * periods.Count + t] = row.Score ?? double.NaN;
            levels[u * periods.Count + t] = row.Class ?? 0;
        }
        // thresholds[2] is the lower bound of level 4 (RiskClasses.ByThresholds).
        return new ScorePanel(data.Codes, periods.Count, scores, levels, thresholds[2]);
    }
}
