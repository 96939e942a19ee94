using Dapper;
using Npgsql;
using RiskMap.Core.Indicators;
using RiskMap.Core.Scoring;

namespace RiskMap.Data.Scoring;

/// <summary>The catalogue and weights as a score run reads them, in the order of the stored result arrays.</summary>
internal static class ScoreCatalogue
{
    private sealed record IndicatorRow(string Code, string Domain, string Direction, bool IsCount, double Weight);

    public static async Task<(Catalogue Catalogue, long WeightVersion)> LoadAsync(NpgsqlConnection connection)
    {
        var domains = (await connection.QueryAsync<(string Code, double Weight)>("SELECT code, weight FROM domains ORDER BY sort_order"))
            .Select(d => new DomainSpec(d.Code, d.Weight)).ToList();
        var indicators = (await connection.QueryAsync<IndicatorRow>("""
                SELECT i.code, i.domain_code AS Domain, i.direction, i.is_count AS IsCount, i.weight
                FROM indicators i JOIN domains d ON d.code = i.domain_code
                ORDER BY d.sort_order, i.sort_order
                """))
            .Select(i => new IndicatorSpec(i.Code, i.Domain, i.Direction == "higher_is_better" ? Direction.HigherIsBetter : Direction.HigherIsWorse, i.IsCount, i.Weight))
            .ToList();
        var version = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM weight_versions");
        return (new Catalogue(indicators, domains), version);
    }
}
