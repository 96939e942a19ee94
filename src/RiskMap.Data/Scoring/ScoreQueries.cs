using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Privacy;
using RiskMap.Core.Scoring;
using RiskMap.Data.Access;

namespace RiskMap.Data.Scoring;

public sealed record RankBandView(int Median, int Low, int High);

/// <param name="Detailed">False where the unit lies outside the caller's scope: then only its class is shown.</param>
/// <param name="Suppressed">True where even the class is withheld from the caller: too few pupils (<see cref="SmallAreaSuppression"/>).</param>
public sealed record UnitScoreView(
    string Code, string NameKk, string NameRu, string? NameEn, string? RegionKato, string? DistrictKato,
    double? Score, int? Class, IReadOnlyDictionary<string, double?> DomainScores, double Reliability, bool LowReliability,
    double? ChangeQuarter, double? ChangeYear, int Rank, RankBandView? RankBand, bool Detailed = true, bool Suppressed = false)
{
    /// <summary>What the public sees of a unit: names, class and reliability; no score, domain scores, rank or trend.</summary>
    public UnitScoreView ClassOnly() => this with
    {
        Score = null, DomainScores = new Dictionary<string, double?>(), ChangeQuarter = null, ChangeYear = null, Rank = 0, RankBand = null, Detailed = false,
    };

    /// <summary>What the public sees of a unit with too few pupils: not even its class.</summary>
    public UnitScoreView Withheld() => ClassOnly() with { Class = null, Suppressed = true };
}

/// <summary>What a score table ranks and colours by: the composite, one domain's score, or one indicator's score.</summary>
public sealed record ScoreMeasure(string Kind, string? Code)
{
    public static readonly ScoreMeasure Composite = new("composite", null);

    public override string ToString() => Code is null ? Kind : $"{Kind}:{Code}";
}

/// <param name="Measure">"composite", "domain:violence" or "indicator:suicides": what score, class and rank are of.</param>
/// <param name="Classification">"fixed" (the run's thresholds) or "quantile" (quintiles of this level and quarter, for exploring).</param>
/// <param name="Thresholds">Lower bounds of classes 2–5 on the 0–10 scale.</param>
public sealed record ScoreTable(
    long Run, string MethodologyVersion, string Level, string Period, string Measure, string Classification, IReadOnlyList<double> Thresholds,
    IReadOnlyList<UnitScoreView> Units);

public sealed record Contribution(string Indicator, string Domain, double Points);

public sealed record HistoryPoint(string Period, double? Score, int? Class, int Rank, double Reliability);

public sealed record UnitProfile(long Run, string Level, UnitScoreView Latest, string Period, IReadOnlyList<Contribution> Contributions, IReadOnlyList<HistoryPoint> History);

public sealed record ScoreRunView(
    long Id, string MethodologyVersion, string Trigger, string RequestedBy, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    double? DurationSeconds, long InputWatermark, long WeightVersionId, IReadOnlyList<string> Periods, int ResultCount, string? Error, bool Published);

/// <summary>Reads the published score run (or, for comparison, any kept run).</summary>
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
        public double? Score { get; init; }
        public short? Class { get; init; }
        public double[] DomainScores { get; init; } = null!;
        public double[] Contributions { get; init; } = null!;
        public double Reliability { get; init; }
        public bool LowReliability { get; init; }
        public double? ChangeQuarter { get; init; }
        public double? ChangeYear { get; init; }
        public int Rank { get; init; }
        public int? RankMedian { get; init; }
        public int? RankLow { get; init; }
        public int? RankHigh { get; init; }
        public bool InScope { get; init; }
        public long? Pupils { get; init; }
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

    /// <summary>Units, names and the pupils of regions and districts per level, so one query shape serves all three levels.</summary>
    private static string Units(EntityLevel level) => level switch
    {
        EntityLevel.Region => $"SELECT kato AS code, name_kk, name_ru, name_en, kato AS region_kato, NULL::text AS district_kato, p.pupils, geom FROM regions LEFT JOIN ({SmallAreaFilter.PupilsPerUnit("region")}) p ON p.code = kato",
        EntityLevel.District => $"SELECT kato AS code, name_kk, name_ru, name_en, region_kato, kato AS district_kato, p.pupils, geom FROM districts LEFT JOIN ({SmallAreaFilter.PupilsPerUnit("district")}) p ON p.code = kato",
        _ => "SELECT code, name_kk, name_ru, NULL::text AS name_en, region_kato, district_kato, NULL::bigint AS pupils, geom FROM schools",
    };

    private static readonly string InScope = ScopeFilter.Covers("u.region_kato", "u.district_kato") + " AS InScope";

    private static string Select(EntityLevel level) => $"""
        SELECT {InScope}, u.pupils, u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, u.district_kato AS DistrictKato,
               r.period, r.score, r.class, r.domain_scores AS DomainScores, r.contributions, r.reliability, r.low_reliability AS LowReliability,
               r.change_quarter AS ChangeQuarter, r.change_year AS ChangeYear, r.rank, r.rank_median AS RankMedian, r.rank_low AS RankLow, r.rank_high AS RankHigh
        FROM score_results r JOIN ({Units(level)}) u ON u.code = r.code
        WHERE r.run_id = @run AND r.level = @level
        """;

    public async Task<long?> PublishedRunAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT run_id FROM published_score_run");
    }

    public async Task<IReadOnlyList<string>> PeriodsAsync(long run)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await RunAsync(connection, run))?.Periods ?? [];
    }

    /// <returns>null when the run is unknown; throws <see cref="ArgumentException"/> for a domain or indicator the run lacks.</returns>
    /// <remarks>
    /// School-level rows outside the caller's scope are not read at all (nor any row, with <paramref name="inScopeOnly"/>);
    /// region and district rows outside it keep only their class (<see cref="UnitScoreView.ClassOnly"/>), or not even
    /// that with too few pupils (<see cref="UnitScoreView.Withheld"/>).
    /// </remarks>
    public async Task<ScoreTable?> TableAsync(long run, EntityLevel level, string period, string? regionKato, string? districtKato,
        ScoreMeasure measure, bool quantileClasses, AccessScope scope, bool inScopeOnly = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var info = await RunAsync(connection, run);
        if (info is null) return null;
        var index = MeasureIndex(info, measure);
        var value = MeasureValue(measure);
        var rows = (await connection.QueryAsync<Row>(RankedSql(level, measure, level == EntityLevel.School || inScopeOnly, ""),
            ScopeFilter.Parameters(new { run, level = level.ToCode(), period, regionKato, districtKato, index }, scope))).ToList();

        var thresholds = !quantileClasses ? info.ClassThresholds
            : RiskClasses.QuantileThresholds(await connection.QueryAsync<double>($"""
                SELECT v FROM (SELECT {value} AS v FROM score_results r WHERE r.run_id = @run AND r.level = @level AND r.period = @period) x
                WHERE v IS NOT NULL
                """, new { run, level = level.ToCode(), period, index }));
        var units = rows.Select(r =>
        {
            var view = Measured(r, info, measure, thresholds);
            return AsSeen(view, r);
        })
            // A unit shown by its class only must not give its rank away by its place in the list: riskiest class first,
            // then within a class the detailed units by rank and the others by code (for detailed units this is rank order).
            // Withheld units have no class: they sit with the units without data, by code.
            .OrderBy(u => u.Class is null).ThenByDescending(u => u.Class).ThenBy(u => !u.Detailed).ThenBy(u => u.Detailed ? u.Rank : 0).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        return new ScoreTable(run, info.MethodologyVersion, level.ToCode(), period, measure.ToString(),
            quantileClasses ? "quantile" : "fixed", thresholds, units);
    }

    /// <summary>The measure's position in the run's domain or indicator arrays (1-based, as in SQL); 1 for the composite.</summary>
    private static int MeasureIndex(RunInfo info, ScoreMeasure measure)
    {
        var index = measure.Kind switch
        {
            "domain" => Array.IndexOf(info.DomainCodes, measure.Code) + 1,
            "indicator" => Array.IndexOf(info.IndicatorCodes, measure.Code) + 1,
            _ => 1,
        };
        return index > 0 ? index : throw new ArgumentException($"Score run {info.Id} has no {measure.Kind} '{measure.Code}'.", nameof(measure));
    }

    // NaN marks a missing score.
    private static string MeasureValue(ScoreMeasure measure) => measure.Kind switch
    {
        "domain" => "NULLIF(r.domain_scores[@index], 'NaN')",
        "indicator" => "NULLIF(r.indicator_scores[@index], 'NaN')::float8",
        _ => "r.score",
    };

    /// <summary>
    /// Units of a level in a quarter by the measure (@index), riskiest first, filtered by @regionKato and @districtKato and,
    /// if asked, the caller's scope. Every unit of the level in that quarter is measured and ranked before the filter, so a
    /// region's view keeps the national ranks and classes.
    /// </summary>
    private static string RankedSql(EntityLevel level, ScoreMeasure measure, bool inScopeOnly, string extraColumns) => $"""
        WITH measured AS (SELECT r.*, {MeasureValue(measure)} AS value FROM score_results r WHERE r.run_id = @run AND r.level = @level AND r.period = @period),
             ranked AS (SELECT m.*, CASE WHEN value IS NULL THEN 0 ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END AS value_rank FROM measured m)
        SELECT {InScope}, u.pupils, u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, u.district_kato AS DistrictKato,
               r.period, r.value AS Score, r.class, r.domain_scores AS DomainScores, r.contributions, r.reliability, r.low_reliability AS LowReliability,
               r.change_quarter AS ChangeQuarter, r.change_year AS ChangeYear, r.value_rank::int AS Rank,
               r.rank_median AS RankMedian, r.rank_low AS RankLow, r.rank_high AS RankHigh{extraColumns}
        FROM ranked r JOIN ({Units(level)}) u ON u.code = r.code
        WHERE (@regionKato::text IS NULL OR u.region_kato = @regionKato)
          AND (@districtKato::text IS NULL OR u.district_kato = @districtKato)
          {(inScopeOnly ? "AND " + ScopeFilter.Covers("u.region_kato", "u.district_kato") : "")}
        ORDER BY r.value_rank = 0, r.value_rank, u.code
        """;

    /// <summary>Each indicator's contribution to the composite in score points, the largest first; indicators adding nothing are left out.</summary>
    private static IEnumerable<Contribution> Contributions(Row row, RunInfo info) => row.Contributions
        .Select((points, i) => new Contribution(info.IndicatorCodes[i], info.IndicatorDomains[i], points))
        .Where(c => c.Points > 0)
        .OrderByDescending(c => c.Points);

    /// <summary>A unit as the measure scores it, classed by the thresholds; trends and rank bands belong to the composite.</summary>
    private static UnitScoreView Measured(Row row, RunInfo info, ScoreMeasure measure, IReadOnlyList<double> thresholds)
    {
        var view = View(row, info) with { Class = Classify(row.Score, thresholds) };
        return measure == ScoreMeasure.Composite ? view : view with { ChangeQuarter = null, ChangeYear = null, RankBand = null };
    }

    private static int? Classify(double? score, IReadOnlyList<double> thresholds) =>
        score is { } value ? (int)RiskClasses.ByThresholds(value, thresholds) : null;

    /// <returns>
    /// Null when the unit has no score in the run or, for a school, lies outside the caller's scope. A region or
    /// district outside the scope keeps its classes only: no scores, contributions or ranks; with too few pupils, not
    /// even its classes.
    /// </returns>
    public async Task<UnitProfile?> ProfileAsync(long run, EntityLevel level, string code, AccessScope scope)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var info = await RunAsync(connection, run);
        if (info is null) return null;
        var schoolFilter = level == EntityLevel.School ? " AND " + ScopeFilter.Covers("u.region_kato", "u.district_kato") : "";
        var rows = (await connection.QueryAsync<Row>(Select(level) + schoolFilter + " AND r.code = @code ORDER BY r.period",
            ScopeFilter.Parameters(new { run, level = level.ToCode(), code }, scope))).ToList();
        if (rows.Count == 0) return null;
        var latest = rows[^1];
        if (!latest.InScope)
        {
            var seen = AsSeen(View(latest, info), latest);
            return new UnitProfile(run, level.ToCode(), seen, latest.Period, [],
                rows.Select(r => new HistoryPoint(r.Period, null, seen.Suppressed ? null : r.Class, 0, r.Reliability)).ToList());
        }
        var contributions = Contributions(latest, info).ToList();
        var history = rows.Select(r => new HistoryPoint(r.Period, r.Score, r.Class, r.Rank, r.Reliability)).ToList();
        return new UnitProfile(run, level.ToCode(), View(latest, info), latest.Period, contributions, history);
    }

    public async Task<IReadOnlyList<ScoreRunView>> RunsAsync(int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<ScoreRunRow>(RunSelect + " ORDER BY r.id DESC LIMIT @limit", new { limit })).Select(ToView).ToList();
    }

    public async Task<ScoreRunView?> FindRunAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(RunSelect + " WHERE r.id = @id", new { id });
        return row is null ? null : ToView(row);
    }

    private sealed class ScoreRunRow
    {
        public long Id { get; init; }
        public string MethodologyVersion { get; init; } = null!;
        public string Trigger { get; init; } = null!;
        public string RequestedBy { get; init; } = null!;
        public string Status { get; init; } = null!;
        public DateTime StartedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public long InputWatermark { get; init; }
        public long WeightVersionId { get; init; }
        public string[] Periods { get; init; } = null!;
        public int ResultCount { get; init; }
        public string? Error { get; init; }
        public bool Published { get; init; }
    }

    private const string RunSelect = """
        SELECT r.id, r.methodology_version AS MethodologyVersion, r.trigger, r.requested_by AS RequestedBy, r.status,
               r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.input_watermark AS InputWatermark,
               r.weight_version_id AS WeightVersionId, r.periods, r.result_count AS ResultCount, r.error,
               EXISTS (SELECT 1 FROM published_score_run p WHERE p.run_id = r.id) AS Published
        FROM score_runs r
        """;

    private static ScoreRunView ToView(ScoreRunRow r)
    {
        var started = new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc));
        DateTimeOffset? finished = r.FinishedAt is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null;
        return new ScoreRunView(r.Id, r.MethodologyVersion, r.Trigger, r.RequestedBy, r.Status, started, finished,
            finished is { } end ? Math.Round((end - started).TotalSeconds, 3) : null,
            r.InputWatermark, r.WeightVersionId, r.Periods, r.ResultCount, r.Error, r.Published);
    }

    private static async Task<RunInfo?> RunAsync(NpgsqlConnection connection, long run) =>
        await connection.QuerySingleOrDefaultAsync<RunInfo>("""
            SELECT r.id, r.methodology_version AS MethodologyVersion, r.indicator_codes AS IndicatorCodes, r.domain_codes AS DomainCodes, r.periods,
                   ARRAY(SELECT COALESCE(i.domain_code, '') FROM unnest(r.indicator_codes) WITH ORDINALITY c(code, n)
                         LEFT JOIN indicators i ON i.code = c.code ORDER BY c.n) AS IndicatorDomains,
                   ARRAY(SELECT jsonb_array_elements_text(r.methodology -> 'classThresholds')::float8) AS ClassThresholds
            FROM score_runs r WHERE r.id = @run AND r.status = 'succeeded'
            """, new { run });

    /// <summary>The unit as the caller may see it: in full in their scope, else its class only, or not even that.</summary>
    private UnitScoreView AsSeen(UnitScoreView view, Row r) =>
        smallAreas.WithholdsClass(r.Pupils ?? 0, r.InScope) ? view.Withheld() : r.InScope ? view : view.ClassOnly();

    private static UnitScoreView View(Row r, RunInfo info) => new(
        r.Code, r.NameKk, r.NameRu, r.NameEn, r.RegionKato, r.DistrictKato, r.Score, r.Class,
        info.DomainCodes.Select((d, j) => (d, j)).ToDictionary(p => p.d, p => p.j < r.DomainScores.Length && !double.IsNaN(r.DomainScores[p.j]) ? r.DomainScores[p.j] : (double?)null),
        r.Reliability, r.LowReliability, r.ChangeQuarter, r.ChangeYear, r.Rank,
        r.RankMedian is { } median ? new RankBandView(median, r.RankLow ?? median, r.RankHigh ?? median) : null);
}
