using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Core.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Scoring;

/// <summary>
/// Reads a score run (the published one or, for comparison, any kept run) as the caller may see it: every row comes from
/// <see cref="SeenScores"/>, already cut to the caller's sight.
/// </summary>
public sealed partial class ScoreQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    // Dapper fills arrays (text[], float8[]) through properties, not through record constructors.
    private sealed class Row
    {
        public string Code { get; init; } = null!;
        public string NameKk { get; init; } = null!;
        public string NameRu { get; init; } = null!;
        public string? NameEn { get; init; }
        public string? RegionKato { get; init; }
        public string? DistrictKato { get; init; }
        public string Period { get; init; } = null!;
        public bool Detailed { get; init; }
        public bool Suppressed { get; init; }
        public double? Score { get; init; }
        public int? Class { get; init; }
        public double[]? DomainScores { get; init; }
        public double[]? Contributions { get; init; }
        public double Reliability { get; init; }
        public bool LowReliability { get; init; }
        public double? ChangeQuarter { get; init; }
        public double? ChangeYear { get; init; }
        public int? Rank { get; init; }
        public int? RankAmong { get; init; }
        public int? RankMedian { get; init; }
        public int? RankLow { get; init; }
        public int? RankHigh { get; init; }
        public double? ScoreLow { get; init; }
        public double? ScoreHigh { get; init; }
        public double? HighRiskProbability { get; init; }
        public bool? ClearChangeQuarter { get; init; }
        public bool? ClearChangeYear { get; init; }
        public double? LevelHeldWithin { get; init; }
        public string? Geometry { get; init; }
    }

    private sealed class RunInfo
    {
        public long Id { get; init; }
        public string MethodologyVersion { get; init; } = null!;
        public string[] IndicatorCodes { get; init; } = null!;
        public string[] DomainCodes { get; init; } = null!;
        public string[] Periods { get; init; } = null!;
        public string[] IndicatorDomains { get; init; } = null!;
        public double[] ClassThresholds { get; init; } = null!;
    }

    /// <summary>The columns of <c>seen_scores</c> as <see cref="Row"/> reads them.</summary>
    private const string Columns = """
        s.code, s.name_kk AS NameKk, s.name_ru AS NameRu, s.name_en AS NameEn, s.region_kato AS RegionKato, s.district_kato AS DistrictKato,
        s.period, s.detailed, s.suppressed, s.score, s.class, s.domain_scores AS DomainScores, s.contributions, s.reliability,
        s.low_reliability AS LowReliability, s.change_quarter AS ChangeQuarter, s.change_year AS ChangeYear, s.rank, s.rank_among AS RankAmong,
        s.rank_median AS RankMedian, s.rank_low AS RankLow, s.rank_high AS RankHigh, s.score_low AS ScoreLow, s.score_high AS ScoreHigh,
        s.high_risk_probability AS HighRiskProbability, s.clear_change_quarter AS ClearChangeQuarter, s.clear_change_year AS ClearChangeYear,
        s.level_held_within AS LevelHeldWithin
        """;

    public async Task<IReadOnlyList<string>> PeriodsAsync(long run)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await RunAsync(connection, run, EntityLevel.Region))?.Periods ?? [];
    }

    /// <returns>null when the run is unknown; throws <see cref="ArgumentException"/> for a domain or indicator the run lacks.</returns>
    /// <remarks>
    /// Every unit of the level is ranked before the region or district filter, so a region's view keeps the caller's ranks.
    /// Quantile classes are cut from what the caller sees of the measure (<see cref="SeenScores.ClassBasis"/>).
    /// </remarks>
    public async Task<ScoreTable?> TableAsync(long run, EntityLevel level, string period, string? regionKato, string? districtKato,
        ScoreMeasure measure, bool quantileClasses, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var info = await RunAsync(connection, run, level);
        if (info is null) return null;
        var parameters = Parameters(run, period, info, measure, scope);
        var quantiles = quantileClasses ? await QuantileThresholdsAsync(connection, level, measure, parameters) : null;
        parameters.Add("regionKato", regionKato);
        parameters.Add("districtKato", districtKato);
        var rows = await connection.QueryAsync<Row>($"""
            WITH {SeenScores.Ctes(level, measure)}
            SELECT {Columns} FROM seen_scores s
            WHERE (@regionKato::text IS NULL OR s.region_kato = @regionKato) AND (@districtKato::text IS NULL OR s.district_kato = @districtKato)
            """, parameters);
        var units = rows.Select(r => View(r, info))
            // A unit shown by its class only must not give its rank away by its place in the list: riskiest class first,
            // then within a class the detailed units by rank and the others by code (as HotspotsAsync orders its units; under
            // 2.0 a kept level can put a unit before one with a higher score).
            // Units without a class (withheld, or no data) come last, by code.
            .OrderBy(u => u.Class is null).ThenByDescending(u => u.Class).ThenBy(u => !u.Detailed).ThenBy(u => u.Detailed ? u.Rank : 0).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        return new ScoreTable(run, info.MethodologyVersion, level.ToCode(), period, measure.ToString(),
            quantileClasses ? "quantile" : "fixed", quantiles ?? info.ClassThresholds, units);
    }

    /// <summary>
    /// One unit in the view the map shows: the measure's score and class in <paramref name="period"/> (null: the run's
    /// latest quarter), with the same classes as the map's table of the level, and the measure's history with each
    /// quarter's class. Contributions exist for the latest quarter only and, for a domain or an indicator, are those of
    /// its indicators.
    /// </summary>
    /// <returns>Null when the run is unknown, the unit has no score in it or, for a school, lies outside the caller's scope;
    /// throws <see cref="ArgumentException"/> for a domain or indicator the run lacks or a quarter it does not cover.</returns>
    public async Task<UnitProfile?> ProfileAsync(long run, EntityLevel level, string code, string? period, ScoreMeasure measure,
        bool quantileClasses, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var info = await RunAsync(connection, run, level);
        if (info is null) return null;
        var shownPeriod = period ?? info.Periods.LastOrDefault();
        if (shownPeriod is null || !info.Periods.Contains(shownPeriod))
            throw new ArgumentException($"Score run {run} has no quarter {shownPeriod}; it covers {string.Join(", ", info.Periods)}.", nameof(period));
        // Quantile classes are cut per quarter, as the map's table of each quarter cuts them.
        var quarters = quantileClasses ? info.Periods.Select(p => (string?)p).ToList() : [null];
        var rows = new List<Row>();
        foreach (var quarter in quarters)
        {
            var parameters = Parameters(run, quarter, info, measure, scope);
            if (quarter is not null) await QuantileThresholdsAsync(connection, level, measure, parameters);
            parameters.Add("code", code);
            rows.AddRange(await connection.QueryAsync<Row>($"""
                WITH {SeenScores.Ctes(level, measure, everyQuarter: quarter is null)}
                SELECT {Columns} FROM seen_scores s WHERE s.code = @code ORDER BY s.period
                """, parameters));
        }
        if (rows.FirstOrDefault(r => r.Period == shownPeriod) is not { } shown) return null;
        return new UnitProfile(run, level.ToCode(), View(shown, info), shown.Period, measure.ToString(), quantileClasses ? "quantile" : "fixed",
            Contributions(shown, info).Where(c => Explains(c, measure)).ToList(),
            rows.Select(r => new HistoryPoint(r.Period, r.Score, r.Class, r.Rank ?? 0, r.Reliability)).ToList());
    }

    /// <summary>Quintile bounds of the measure among what the caller sees of the level in the parameters' quarter, set as the parameters' thresholds.</summary>
    private static async Task<double[]> QuantileThresholdsAsync(NpgsqlConnection connection, EntityLevel level, ScoreMeasure measure, DynamicParameters parameters)
    {
        double[] thresholds = [.. RiskClasses.ShownQuantileThresholds(
            await connection.QueryAsync<double>($"WITH {SeenScores.Ctes(level, measure)} {SeenScores.ClassBasis(measure)}", parameters))];
        parameters.Add("thresholds", thresholds);
        return thresholds;
    }

    /// <summary>Whether a contribution to the composite explains the measure: every one for the composite, its own for a domain or an indicator.</summary>
    private static bool Explains(Contribution contribution, ScoreMeasure measure) => measure.Kind switch
    {
        ScoreMeasure.DomainKind => contribution.Domain == measure.Code,
        ScoreMeasure.IndicatorKind => contribution.Indicator == measure.Code,
        _ => true,
    };

    /// <summary>The parameters of <see cref="SeenScores"/>.</summary>
    /// <remarks>The thresholds are added by name, so a query can replace them (Dapper lets a named parameter override a template's).</remarks>
    private DynamicParameters Parameters(long run, string? period, RunInfo info, ScoreMeasure measure, AccessScope scope)
    {
        var parameters = SeenUnits.Parameters(new { run, period, index = MeasureIndex(info, measure) }, scope, smallAreas);
        parameters.Add("thresholds", null, System.Data.DbType.Object);
        return parameters;
    }

    /// <summary>The measure's position in the run's domain or indicator arrays (1-based, as in SQL); 1 for the composite.</summary>
    private static int MeasureIndex(RunInfo info, ScoreMeasure measure)
    {
        var index = measure.Kind switch
        {
            ScoreMeasure.DomainKind => Array.IndexOf(info.DomainCodes, measure.Code) + 1,
            ScoreMeasure.IndicatorKind => Array.IndexOf(info.IndicatorCodes, measure.Code) + 1,
            _ => 1,
        };
        return index > 0 ? index : throw new ArgumentException($"Score run {info.Id} has no {measure.Kind} '{measure.Code}'.", nameof(measure));
    }

    /// <summary>Each indicator's contribution to the composite in score points, the largest first; none where the caller sees none.</summary>
    private static IEnumerable<Contribution> Contributions(Row row, RunInfo info) => (row.Contributions ?? [])
        .Select((points, i) => new Contribution(info.IndicatorCodes[i], info.IndicatorDomains[i], points))
        .Where(c => c.Points > 0)
        .OrderByDescending(c => c.Points);

    /// <summary>The run's codes and quarters, with its fixed class thresholds of <paramref name="level"/>.</summary>
    private static async Task<RunInfo?> RunAsync(NpgsqlConnection connection, long run, EntityLevel level) =>
        await connection.QuerySingleOrDefaultAsync<RunInfo>($"""
            SELECT r.id, r.methodology_version AS MethodologyVersion, r.indicator_codes AS IndicatorCodes, r.domain_codes AS DomainCodes, r.periods,
                   ARRAY(SELECT COALESCE(i.domain_code, '') FROM unnest(r.indicator_codes) WITH ORDINALITY c(code, n)
                         LEFT JOIN indicators i ON i.code = c.code ORDER BY c.n) AS IndicatorDomains,
                   {SeenScores.RunThresholds(level)} AS ClassThresholds
            FROM score_runs r WHERE r.id = @run AND r.status = 'succeeded'
            """, new { run });

    private static UnitScoreView View(Row r, RunInfo info) => new(
        r.Code, r.NameKk, r.NameRu, r.NameEn, r.RegionKato, r.DistrictKato, r.Score, r.Class,
        r.DomainScores is { } scores
            ? info.DomainCodes.Select((d, j) => (d, j)).ToDictionary(p => p.d, p => p.j < scores.Length && !double.IsNaN(scores[p.j]) ? scores[p.j] : (double?)null)
            : new Dictionary<string, double?>(),
        r.Reliability, r.LowReliability, r.ChangeQuarter, r.ChangeYear, r.Rank ?? 0,
        r.RankMedian is { } median ? new RankBandView(median, r.RankLow ?? median, r.RankHigh ?? median) : null,
        r.Detailed, r.Suppressed, r.RankAmong,
        r.ScoreLow is { } low && r.ScoreHigh is { } high ? new ScoreIntervalView(low, high) : null,
        r.HighRiskProbability, r.ClearChangeQuarter, r.ClearChangeYear, LevelHeldWithin: r.LevelHeldWithin);
}
