using Dapper;
using Npgsql;

namespace RiskMap.Data.Vintages;

public sealed record VintageSummary(int Vintage, bool IsCurrent, string? ValidFrom, string? ValidTo, int Regions, int Districts);

public sealed class VintageQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every vintage with its units that are not retired, newest first (dates as yyyy-mm-dd).</summary>
    public async Task<IReadOnlyList<VintageSummary>> ListAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<VintageSummary>("""
            SELECT v.vintage AS Vintage, v.is_current AS IsCurrent, v.valid_from::text AS ValidFrom, v.valid_to::text AS ValidTo,
                   count(*) FILTER (WHERE u.level = 'region')::int AS Regions, count(*) FILTER (WHERE u.level = 'district')::int AS Districts
            FROM boundary_vintages v
            LEFT JOIN boundary_units u ON u.vintage = v.vintage AND u.retired_at IS NULL
            GROUP BY v.vintage ORDER BY v.vintage DESC
            """)).ToList();
    }
}
