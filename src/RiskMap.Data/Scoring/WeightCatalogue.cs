using System.Text.Json;
using Dapper;
using Npgsql;

namespace RiskMap.Data.Scoring;

public sealed record WeightedIndicator(string Code, string Domain, double Weight);

public sealed record WeightedDomain(string Code, double Weight);

/// <param name="CreatedBy">Who changed the weights; null where the reader may not see staff usernames.</param>
public sealed record WeightVersion(long Id, DateTimeOffset CreatedAt, string? CreatedBy, string Note);

public sealed record Weights(long Version, IReadOnlyList<WeightedIndicator> Indicators, IReadOnlyList<WeightedDomain> Domains, IReadOnlyList<WeightVersion> History);

/// <summary>A change of weights that cannot be stored: an unknown code or a weight outside 0–100.</summary>
public sealed class InvalidWeightsException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The indicator and domain weights. Every change is a new version, recorded with who made it and a copy of all
/// weights, so any score run can be traced to the weights it used.
/// </summary>
public sealed class WeightCatalogue(NpgsqlDataSource dataSource)
{
    public const double MaxWeight = 100;

    public async Task<Weights> GetAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var indicators = await connection.QueryAsync<WeightedIndicator>("""
            SELECT i.code, i.domain_code AS Domain, i.weight FROM indicators i JOIN domains d ON d.code = i.domain_code
            ORDER BY d.sort_order, i.sort_order
            """);
        var domains = await connection.QueryAsync<WeightedDomain>("SELECT code, weight FROM domains ORDER BY sort_order");
        var history = (await connection.QueryAsync<(long Id, DateTime CreatedAt, string CreatedBy, string Note)>(
                "SELECT id, created_at, created_by, note FROM weight_versions ORDER BY id DESC LIMIT 50"))
            .Select(v => new WeightVersion(v.Id, new DateTimeOffset(DateTime.SpecifyKind(v.CreatedAt, DateTimeKind.Utc)), v.CreatedBy, v.Note))
            .ToList();
        return new Weights(history[0].Id, indicators.ToList(), domains.ToList(), history);
    }

    /// <summary>Changes the named weights (others stay) and records a new version, all in one transaction.</summary>
    public async Task<Weights> UpdateAsync(IReadOnlyDictionary<string, double> indicators, IReadOnlyDictionary<string, double> domains, string changedBy, string note)
    {
        foreach (var (field, weights) in new[] { ("indicators", indicators), ("domains", domains) })
        {
            foreach (var (code, weight) in weights)
            {
                if (!double.IsFinite(weight) || weight < 0 || weight > MaxWeight)
                    throw new InvalidWeightsException($"{field}.{code}", $"Weight of {code} must be a number from 0 to {MaxWeight}.");
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ApplyAsync(connection, transaction, "indicators", indicators);
        await ApplyAsync(connection, transaction, "domains", domains);
        if (await connection.ExecuteScalarAsync<bool>("SELECT NOT EXISTS (SELECT 1 FROM domains WHERE weight > 0)", transaction: transaction))
            throw new InvalidWeightsException("domains", "At least one domain needs a weight above 0.");
        await connection.ExecuteAsync("""
            INSERT INTO weight_versions (created_by, note, weights)
            SELECT @changedBy, @note, jsonb_build_object('indicators', (SELECT jsonb_object_agg(code, weight) FROM indicators),
                                                          'domains', (SELECT jsonb_object_agg(code, weight) FROM domains))
            """, new { changedBy, note }, transaction);
        await transaction.CommitAsync();
        return await GetAsync();
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyDictionary<string, double> weights)
    {
        if (weights.Count == 0) return;
        // The table name is one of two constants; codes and weights travel as parameters.
        var updated = await connection.ExecuteAsync($"""
            UPDATE {table} t SET weight = w.value::float8
            FROM jsonb_each_text(@weights::jsonb) AS w(code, value)
            WHERE t.code = w.code
            """, new { weights = JsonSerializer.Serialize(weights) }, transaction);
        if (updated != weights.Count)
        {
            var known = (await connection.QueryAsync<string>($"SELECT code FROM {table}", transaction: transaction)).ToHashSet();
            var unknown = weights.Keys.First(k => !known.Contains(k));
            throw new InvalidWeightsException($"{table}.{unknown}", $"There is no {table[..^1]} '{unknown}'.");
        }
    }
}
