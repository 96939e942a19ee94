using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Dapper;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Data.Access;

namespace RiskMap.Data.Scoring;

/// <param name="Classes">The risk classes listed (null: every unit with a score).</param>
/// <param name="Top">At most this many units (null: all).</param>
/// <param name="Geometry">Also read each unit's geometry as GeoJSON (boundaries simplified to about 100 m).</param>
public sealed record HotspotFilter(
    EntityLevel Level, string Period, string? RegionKato, string? DistrictKato, ScoreMeasure Measure, IReadOnlySet<int>? Classes, int? Top,
    bool Geometry = false);

/// <param name="Reasons">The three indicators that add most to the measure, in score points, the largest first.</param>
public sealed record Hotspot(UnitScoreView Unit, IReadOnlyList<Contribution> Reasons, [property: JsonIgnore] string? Geometry = null);

/// <param name="Domains">The run's domain codes, in the order of each unit's domain scores.</param>
/// <param name="Units">Read from the database as they are enumerated (once), so a list of any length takes bounded memory.</param>
public sealed record HotspotList(
    long Run, string MethodologyVersion, string Level, string Period, string Measure, IReadOnlyList<double> Thresholds,
    IReadOnlyList<string> Domains, IAsyncEnumerable<Hotspot> Units);

public sealed partial class ScoreQueries
{
    /// <returns>null when the run is unknown; throws <see cref="ArgumentException"/> for a domain or indicator the run lacks.</returns>
    /// <remarks>Only units in the caller's scope are read, with the run's fixed class thresholds; riskiest first.</remarks>
    public async Task<HotspotList?> HotspotsAsync(long run, HotspotFilter filter, AccessScope scope)
    {
        RunInfo? info;
        await using (var connection = await dataSource.OpenConnectionAsync()) info = await RunAsync(connection, run);
        if (info is null) return null;
        var parameters = ScopeFilter.Parameters(new
        {
            run, level = filter.Level.ToCode(), period = filter.Period, regionKato = filter.RegionKato, districtKato = filter.DistrictKato,
            index = MeasureIndex(info, filter.Measure), top = filter.Top,
        }, scope);
        // Without a class filter the first N rows are the list (units without a score come last and are skipped).
        var limit = filter.Classes is null && filter.Top is not null ? " LIMIT @top" : "";
        // Boundaries simplified to about 100 m; a school's point stays as it is.
        var geometry = filter.Geometry ? ", ST_AsGeoJSON(ST_SimplifyPreserveTopology(u.geom, 0.001), 5) AS Geometry" : "";
        return new HotspotList(run, info.MethodologyVersion, filter.Level.ToCode(), filter.Period, filter.Measure.ToString(), info.ClassThresholds,
            info.DomainCodes, ReadAsync(RankedSql(filter.Level, filter.Measure, inScopeOnly: true, geometry) + limit, parameters, info, filter));
    }

    private async IAsyncEnumerable<Hotspot> ReadAsync(string sql, DynamicParameters parameters, RunInfo info, HotspotFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var listed = 0;
        // Classes fall with the rank, so the rows after the first N of the listed classes are never needed: leaving the
        // loop early ends the query.
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(sql, parameters).WithCancellation(cancellationToken))
        {
            if (filter.Top is { } top && listed >= top) yield break;
            var unit = Measured(row, info, filter.Measure, info.ClassThresholds);
            if (unit.Class is not { } riskClass || (filter.Classes is { } classes && !classes.Contains(riskClass))) continue;
            listed++;
            yield return new Hotspot(unit, Reasons(row, info, filter.Measure), row.Geometry);
        }
    }

    /// <summary>What adds most to the measure: of all indicators for the composite, of the domain's for a domain, the indicator itself for one.</summary>
    private static List<Contribution> Reasons(Row row, RunInfo info, ScoreMeasure measure) => Contributions(row, info)
        .Where(c => measure.Kind switch { "domain" => c.Domain == measure.Code, "indicator" => c.Indicator == measure.Code, _ => true })
        .Take(3)
        .ToList();
}
