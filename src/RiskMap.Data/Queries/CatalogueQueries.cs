using Dapper;
using Npgsql;

namespace RiskMap.Data.Queries;

public sealed record IndicatorDefinition(
    string Code, string Domain, string DomainNameKk, string DomainNameRu, string DomainNameEn,
    string NameKk, string NameRu, string NameEn, string Unit, string Direction, string? Denominator, bool IsCount, double Weight);

/// <summary>The indicator catalogue, and what the database holds at a glance.</summary>
public sealed class CatalogueQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<IndicatorDefinition>> IndicatorsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<IndicatorDefinition>("""
            SELECT i.code, i.domain_code AS Domain, d.name_kk AS DomainNameKk, d.name_ru AS DomainNameRu, d.name_en AS DomainNameEn,
                   i.name_kk AS NameKk, i.name_ru AS NameRu, i.name_en AS NameEn, i.unit, i.direction, i.denominator,
                   i.is_count AS IsCount, i.weight
            FROM indicators i JOIN domains d ON d.code = i.domain_code
            ORDER BY d.sort_order, i.sort_order
            """)).ToList();
    }

    public sealed record Overview(int Regions, int Districts, int Schools, int UnassignedSchools, long Observations, bool Demo);

    private const string HoldsDemoData =
        "EXISTS (SELECT 1 FROM schools WHERE source = 'demo') OR EXISTS (SELECT 1 FROM observations WHERE source = 'demo')";

    /// <summary>Whether the database holds the synthetic demo data, which every output must say.</summary>
    public async Task<bool> HoldsDemoDataAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>($"SELECT {HoldsDemoData}");
    }

    public async Task<Overview> OverviewAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Overview>($"""
            SELECT (SELECT count(*) FROM regions)::int AS Regions,
                   (SELECT count(*) FROM districts)::int AS Districts,
                   (SELECT count(*) FROM schools)::int AS Schools,
                   (SELECT count(*) FROM schools WHERE district_kato IS NULL)::int AS UnassignedSchools,
                   (SELECT count(*) FROM observations) AS Observations,
                   {HoldsDemoData} AS Demo
            """);
    }

    /// <summary>Answers when the database is reachable and PostGIS is installed; throws otherwise.</summary>
    public async Task<string> PostgisVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT postgis_lib_version()", cancellationToken: cancellationToken)) ?? "";
    }
}
