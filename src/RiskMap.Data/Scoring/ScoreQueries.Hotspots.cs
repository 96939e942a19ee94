using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Dapper;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Scoring;

/// <param name="Classes">The risk classes listed (null: every unit with a score).</param>
/// <param name="Top">At most this many units (null: all).</param>
/// <param name="Geometry">Also read each unit's geometry as GeoJSON (boundaries simplified to about 100 m).</param>
/// <param name="QuantileClasses">Class by the quintiles of the level's score table (as the map shows them), not the run's thresholds.</param>
public sealed record HotspotFilter(
    EntityLevel Level, string Period, string? RegionKato, string? DistrictKato, ScoreMeasure Measure, IReadOnlySet<int>? Classes, int? Top,
    bool Geometry = false, bool QuantileClasses = false);

/// <param name="Reasons">The three indicators that add most to the measure, in score points, the largest first.</param>
public sealed record Hotspot(UnitScoreView Unit, IReadOnlyList<Contribution> Reasons, [property: JsonIgnore] string? Geometry = null);

/// <param name="Classification">"fixed" or "quantile", as <see cref="ScoreTable.Classification"/>; Thresholds are its class bounds.</param>
/// <param name="Domains">The run's domain codes, in the order of each unit's domain scores.</param>
/// <param name="Units">Read from the database as they are enumerated (once), so a list of any length takes bounded memory.</param>
public sealed record HotspotList(
    long Run, string MethodologyVersion, string Level, string Period, string Measure, string Classification, IReadOnlyList<double> Thresholds,
    IReadOnlyList<string> Domains, IAsyncEnumerable<Hotspot> Units);

public sealed partial class ScoreQueries
{
    /// <returns>null when the run is unknown; throws <see cref="ArgumentException"/> for a domain or indicator the run lacks.</returns>
    /// <remarks>
    /// Only units the caller sees in full, classed by the run's thresholds or, with quantile classes, by the quintiles the
    /// map's table of the level cuts (<see cref="TableAsync"/>); riskiest first as the table orders its detailed units: by the
    /// published risk level (a 2.0 level may be kept while the score has moved), then by rank.
    /// </remarks>
    public async Task<HotspotList?> HotspotsAsync(long run, HotspotFilter filter, AccessScope scope)
    {
        RunInfo? info;
        DynamicParameters parameters;
        double[]? quantiles = null;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            info = await RunAsync(connection, run, filter.Level);
            if (info is null) return null;
            parameters = Parameters(run, filter.Period, info, filter.Measure, scope);
            if (filter.QuantileClasses) quantiles = await QuantileThresholdsAsync(connection, filter.Level, filter.Measure, parameters);
        }
        parameters.AddDynamicParams(new { regionKato = filter.RegionKato, districtKato = filter.DistrictKato, top = filter.Top, classes = filter.Classes?.ToArray() });
        // Boundaries simplified to about 100 m; a school's point stays as it is.
        var geometry = filter.Geometry
            ? $", (SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(g.geom, 0.001), 5) FROM ({SeenUnits.Geometries(filter.Level)}) g WHERE g.code = s.code) AS Geometry"
            : "";
        var sql = $"""
            WITH {SeenScores.Ctes(filter.Level, filter.Measure)}
            SELECT {Columns}{geometry} FROM seen_scores s
            WHERE s.detailed AND s.class IS NOT NULL
              AND (@regionKato::text IS NULL OR s.region_kato = @regionKato) AND (@districtKato::text IS NULL OR s.district_kato = @districtKato)
              AND (@classes::int[] IS NULL OR s.class = ANY(@classes))
            ORDER BY s.class DESC, s.rank, s.code
            LIMIT @top
            """;
        return new HotspotList(run, info.MethodologyVersion, filter.Level.ToCode(), filter.Period, filter.Measure.ToString(),
            filter.QuantileClasses ? "quantile" : "fixed", quantiles ?? info.ClassThresholds,
            info.DomainCodes, ReadAsync(sql, parameters, info, filter.Measure));
    }

    private async IAsyncEnumerable<Hotspot> ReadAsync(string sql, DynamicParameters parameters, RunInfo info, ScoreMeasure measure,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(sql, parameters).WithCancellation(cancellationToken))
            yield return new Hotspot(View(row, info), Reasons(row, info, measure), row.Geometry);
    }

    /// <summary>What adds most to the measure: of all indicators for the composite, of the domain's for a domain, the indicator itself for one.</summary>
    private static List<Contribution> Reasons(Row row, RunInfo info, ScoreMeasure measure) => Contributions(row, info)
        .Where(c => measure.Kind switch { ScoreMeasure.DomainKind => c.Domain == measure.Code, ScoreMeasure.IndicatorKind => c.Indicator == measure.Code, _ => true })
        .Take(3)
        .ToList();
}
