using Dapper;
using Npgsql;
using RiskMap.Core.Geography;

namespace RiskMap.Data.Vintages;

/// <summary>
/// One row of the crosswalk between two vintages: the share of a source unit that lies in a target unit, by area and
/// by pupils of today's schools (null when the source has none).
/// </summary>
public sealed record CrosswalkRow(
    string SourceKato, string SourceNameKk, string SourceNameRu, string SourceNameEn,
    string TargetKato, string TargetNameKk, string TargetNameRu, string TargetNameEn,
    double AreaShare, double? PupilShare);

/// <summary>
/// The crosswalk between boundary vintages (migration 0014): computed in PostGIS by <c>refresh_boundary_crosswalk</c>,
/// kept for every ordered pair of vintages and each level, recomputed in the transaction that changes a vintage's
/// units (an import, a retirement) or today's schools, and deleted with the units it names.
/// </summary>
public sealed class BoundaryCrosswalk(NpgsqlDataSource dataSource)
{
    /// <summary>Recomputes the pairs of <paramref name="vintage"/>, or of every vintage (null: the schools changed).</summary>
    public static Task RefreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int? vintage) =>
        connection.ExecuteAsync("SELECT refresh_boundary_crosswalk(@vintage)", new { vintage }, transaction, commandTimeout: 900);

    /// <summary>Whether both vintages exist.</summary>
    public async Task<bool> KnowsAsync(int from, int to)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM boundary_vintages WHERE vintage IN (@from, @to)", new { from, to }) == (from == to ? 1 : 2);
    }

    /// <summary>The rows from <paramref name="from"/> to <paramref name="to"/> at a level, by source then target code.</summary>
    public async Task<IReadOnlyList<CrosswalkRow>> ReadAsync(int from, int to, EntityLevel level)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<CrosswalkRow>("""
            SELECT x.source_kato AS SourceKato, s.name_kk AS SourceNameKk, s.name_ru AS SourceNameRu, s.name_en AS SourceNameEn,
                   x.target_kato AS TargetKato, t.name_kk AS TargetNameKk, t.name_ru AS TargetNameRu, t.name_en AS TargetNameEn,
                   x.area_share AS AreaShare, x.pupil_share AS PupilShare
            FROM boundary_crosswalk x
            JOIN boundary_units s ON (s.level, s.kato, s.vintage) = (x.level, x.source_kato, x.from_vintage)
            JOIN boundary_units t ON (t.level, t.kato, t.vintage) = (x.level, x.target_kato, x.to_vintage)
            WHERE x.level = @level AND x.from_vintage = @from AND x.to_vintage = @to
            ORDER BY x.source_kato, x.target_kato
            """, new { level = level.ToCode(), from, to })).ToList();
    }
}
