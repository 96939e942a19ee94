using Dapper;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Privacy;
using RiskMap.Data.Scoring;
using RiskMap.Data.Visibility;

namespace RiskMap.Data.Rating;

/// <summary>
/// A unit's inputs to the rating of akimats as the caller may see them: every figure only for a unit the caller sees in
/// full (<see cref="SeenScores"/>); for any other unit its name and sight alone.
/// </summary>
public sealed record RatingRow(string Code, string NameKk, string NameRu, string NameEn, string RegionKato, string Sight,
    double? Score, double? ScoreLow, double? ScoreHigh, double? ChangeYear, bool? ClearChangeYear,
    int MeasuresDue, int DoneOnTime, int Overdue)
{
    public bool Detailed => Sight == "full";
}

/// <summary>The regions, or a region's districts, with the rating's inputs from scores and programmes (docs/rating.md); the data delivery's come from the delivery rule.</summary>
public sealed class RatingQueries(NpgsqlDataSource dataSource, SmallAreaSuppression smallAreas)
{
    /// <param name="asOf">The day programme measures are judged on: the quarter's last day, or today if earlier.</param>
    public async Task<IReadOnlyList<RatingRow>> UnitsAsync(long run, Quarter period, EntityLevel level, string? regionKato, DateOnly asOf, AccessScope scope)
    {
        var targetUnit = level == EntityLevel.Region ? "p.region_kato"
            : "CASE t.level WHEN 'district' THEN t.code ELSE (SELECT s.district_kato FROM schools s WHERE s.code = t.code) END";
        var parameters = SeenScores.CompositeParameters(new
        {
            run, period = period.ToString(), region = regionKato, asOf = asOf.ToDateTime(TimeOnly.MinValue),
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
                FROM measures GROUP BY code)
            SELECT u.code, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn, u.region_kato AS RegionKato, u.sight,
                   sc.score, sc.score_low AS ScoreLow, sc.score_high AS ScoreHigh, sc.change_year AS ChangeYear, sc.clear_change_year AS ClearChangeYear,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.due, 0) ELSE 0 END AS MeasuresDue,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.on_time, 0) ELSE 0 END AS DoneOnTime,
                   CASE WHEN u.sight = 'full' THEN COALESCE(e.overdue, 0) ELSE 0 END AS Overdue
            FROM units u
            LEFT JOIN seen_scores sc ON sc.code = u.code
            LEFT JOIN execution e ON e.code = u.code
            ORDER BY u.code
            """, parameters);
        return rows.ToList();
    }
}
