using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using RiskMap.Core.Privacy;

namespace RiskMap.Data.Queries;

/// <summary>
/// The public pattern of withheld counts of each table (indicator and quarter), computed with the disclosure key that
/// migration 0007 generated in the database, read once per process. A pattern is kept while the table's counts stay
/// the same, so repeated requests cost nothing and a changed count (an import) gets a fresh pattern.
/// </summary>
public sealed class CountDisclosure(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<(string Indicator, string Period, int Threshold), (CountCell[] Cells, IReadOnlySet<string> Withheld)> _patterns = new();
    private byte[]? _key;

    /// <summary>The codes withheld from everyone outside their scope (see <see cref="SmallNumberSuppression"/>).</summary>
    public async Task<IReadOnlySet<string>> PublicPatternAsync(string indicator, string period, IReadOnlyList<CountCell> cells, int threshold)
    {
        var key = _key ??= await ReadKeyAsync();
        CountCell[] snapshot = [.. cells.OrderBy(c => c.Code, StringComparer.Ordinal)];
        if (_patterns.TryGetValue((indicator, period, threshold), out var cached) && cached.Cells.SequenceEqual(snapshot)) return cached.Withheld;
        var withheld = new SmallNumberSuppression(key, threshold).Suppress(indicator, period, snapshot);
        _patterns[(indicator, period, threshold)] = (snapshot, withheld);
        return withheld;
    }

    private async Task<byte[]> ReadKeyAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<byte[]>("SELECT key FROM disclosure_key");
    }
}
