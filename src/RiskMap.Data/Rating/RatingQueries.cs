using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Privacy;
using RiskMap.Core.Rating;
using RiskMap.Data.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Rating;

/// <summary>
/// A unit's inputs to the rating of akimats as the caller may see them: every figure only for a unit the caller sees in
/// full (<see cref="SeenScores"/>); for any other unit its name and sight alone.
/// </summary>
public sealed record RatingRow(string Code, string NameKk, string NameRu, string NameEn, string RegionKato, string Sight,
    double? Score, double? ScoreLow, double? ScoreHigh, double? ChangeYear, bool? ClearChangeYear,
    int MeasuresDue, int DoneOnTime, int Overdue, int QuartersExpected, int QuartersOnTime, int SchoolsExpected, int SchoolsWithData)
{
    public bool Detailed => Sight == "full";
}

/// <summary>The regions, or a region's districts, with the rating's inputs from scores, programmes and imports (docs/rating.md).</summary>
public sealed class RatingQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    /// <param name="periods">The run's quarters: the delivery of the last <see cref="RatingMethod.DeliveryQuarters"/> up to <paramref name="period"/> is judged.</param>
    /// <param name="asOf">The day programme measures are judged on: the quarter's last day, or today if earlier.</param>
    public async Task<IReadOnlyList<RatingRow>> UnitsAsync(long run, IReadOnlyList<string> periods, Quarter period, EntityLevel level, string? regionKato,
        DateOnly asOf, AccessScope scope)
    {
        var delivered = periods.Where(p => Quarter.TryParse(p, out var q) && q.CompareTo(period) <= 0).Order(StringComparer.Ordinal)
            .TakeLast(RatingMethod.DeliveryQuarters).ToArray();
        var lateFrom = delivered.Select(p => { Quarter.TryParse(p, out var q); return RatingMethod.LateFrom(q).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); }).ToArray();
        var schoolUnit = level == EntityLevel.Region ? "s.region_kato" : "s.district_kato";
        var targetUnit = level == EntityLevel.Region ? "p.region_kato"
            : "CASE t.level WHEN 'district' THEN t.code ELSE (SELECT s.district_kato FROM schools s WHERE s.code = t.code) END";
        var parameters = SeenScores.CompositeParameters(new
        {
            run, period = period.ToString(), region = regionKato, asOf = asOf.ToDateTime(TimeOnly.MinValue), delivered, lateFrom,
        }, scope, smallAreas);
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<RatingRow>($"""
            WITH {SeenScores.Ctes(level, ScoreMeasure.Composite)},
            units AS (SELECT u.code, u.name_kk, u.name_ru, u.name_en, u.region_kato, u.sight FROM seen u WHERE @region::text IS NULL OR u.region_kato = @region),
            measures AS (
                SELECT {targetUnit}::text AS code, m.deadline,
                       COALESCE((SELECT min(g.recorded_at) FROM measure_progress g WHERE g.measure_id = m.id AND g.status = 'done'),
                                CASE WHEN m.status = 'done' THEN m.updated_at END)::date AS done_on
                FROM programme_measures m JOIN programme_targets t ON t.id = m.target_id JOIN programmes p ON p.id = t.programme_id
                WHERE m.deadline < @asOf::date),
            execution AS (
                SELECT code, count(*)::int AS due, count(*) FILTER (WHERE done_on <= deadline)::int AS on_time,
                       count(*) FILTER (WHERE done_on IS NULL OR done_on > @asOf::date)::int AS overdue
                FROM measures GROUP BY code),
            schools_of AS (SELECT s.code, {schoolUnit}::text AS unit FROM schools s),
            completeness AS (
                SELECT s.unit AS code, count(*)::int AS expected,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM observations o
                           WHERE o.entity_level = 'school' AND o.entity_code = s.code AND o.period = @period))::int AS with_data
                FROM schools_of s GROUP BY s.unit),
            arrivals AS (
                SELECT s.unit AS code, o.period, max(b.finished_at) AS finished
                FROM observations o JOIN schools_of s ON s.code = o.entity_code JOIN import_batches b ON b.id = o.import_batch_id
                WHERE o.entity_level = 'school' AND o.period = ANY(@delivered::text[])
                GROUP BY s.unit, o.period),
            delivery AS (
                SELECT a.code, count(*)::int AS expected, count(*) FILTER (WHERE a.finished < d.late_from)::int AS on_time
                FROM arrivals a JOIN unnest(@delivered::text[], @lateFrom::timestamptz[]) d (period, late_from) ON d.period = a.period
                GROUP BY a.code)
            SELECT u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, u.sight,
                   sc.score, sc.score_low AS ScoreLow, sc.score_high AS ScoreHigh, sc.change_year AS ChangeYear, sc.clear_change_year AS ClearChangeYear,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.due, 0) ELSE 0 END AS MeasuresDue,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.on_time, 0) ELSE 0 END AS DoneOnTime,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.overdue, 0) ELSE 0 END AS Overdue,
                   CASE WHEN u.sight = 'full' THEN COALESCE(d.expected, 0) ELSE 0 END AS QuartersExpected,
                   CASE WHEN u.sight = 'full' THEN COALESCE(d.on_time, 0) ELSE 0 END AS QuartersOnTime,
                   CASE WHEN u.sight = 'full' THEN COALESCE(c.expected, 0) ELSE 0 END AS SchoolsExpected,
                   CASE WHEN u.sight = 'full' THEN COALESCE(c.with_data, 0) ELSE 0 END AS SchoolsWithData
            FROM units u
            LEFT JOIN seen_scores sc ON sc.code = u.code
            LEFT JOIN execution e ON e.code = u.code
            LEFT JOIN delivery d ON d.code = u.code
            LEFT JOIN completeness c ON c.code = u.code
            ORDER BY u.code
            """, parameters);
        return rows.ToList();
    }
}
