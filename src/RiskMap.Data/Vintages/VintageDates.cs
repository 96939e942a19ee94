using System.Globalization;
using Dapper;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Data.Vintages;

public enum VintageDatesStatus
{
    Set,
    Unknown,
    /// <summary>The days overlap those of another vintage: a quarter would belong to both. Nothing changed.</summary>
    Overlaps,
}

/// <summary>The outcome of setting a vintage's days; for an overlap, the other vintage and its days (yyyy-mm-dd, null open).</summary>
public sealed record VintageDatesOutcome(VintageDatesStatus Status, int? Other = null, string? OtherFrom = null, string? OtherTo = null)
{
    /// <summary>An overlap in words, as the command line and the API give it.</summary>
    public string OverlapText => $"Vintage {Other} is in force from {OtherFrom ?? "?"} to {OtherTo ?? "?"}, which overlaps these dates: " +
                                 "a quarter would belong to both.";
}

/// <summary>
/// The days a vintage was in force: observations of a quarter starting then belong to it. Changing a non-current
/// vintage's days changes the scores' inputs, which queues a recompute as an import does (migration 0017).
/// </summary>
public sealed class VintageDates(NpgsqlDataSource dataSource)
{
    /// <summary>A day as the command line and the API take it, yyyy-mm-dd; null is an open end.</summary>
    public static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        day = parsed;
        return true;
    }

    /// <summary>
    /// Sets the days, refused when they overlap another vintage's. A vintage without days claims none, so
    /// <paramref name="from"/> and <paramref name="to"/> both null clear them and never overlap.
    /// </summary>
    public async Task<VintageDatesOutcome> SetAsync(int vintage, DateOnly? from, DateOnly? to, AuditEntry audit)
    {
        if (from is not null && to is not null && to < from) throw new ArgumentException("The end of a vintage's validity comes before its start.");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await BoundaryVintages.LockAsync(connection, transaction);
        var days = new { vintage, from = from?.ToDateTime(TimeOnly.MinValue), to = to?.ToDateTime(TimeOnly.MinValue) };
        if (!await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM boundary_vintages WHERE vintage = @vintage)", days, transaction))
            return new VintageDatesOutcome(VintageDatesStatus.Unknown);
        if (from is not null || to is not null)
        {
            var other = await connection.QuerySingleOrDefaultAsync<(int Vintage, string? From, string? To)?>("""
                SELECT vintage, valid_from::text, valid_to::text FROM boundary_vintages
                WHERE vintage <> @vintage AND (valid_from IS NOT NULL OR valid_to IS NOT NULL)
                  AND daterange(valid_from, valid_to, '[]') && daterange(@from::date, @to::date, '[]')
                ORDER BY vintage LIMIT 1
                """, days, transaction);
            if (other is { } o) return new VintageDatesOutcome(VintageDatesStatus.Overlaps, o.Vintage, o.From, o.To);
        }
        await connection.ExecuteAsync("UPDATE boundary_vintages SET valid_from = @from, valid_to = @to WHERE vintage = @vintage", days, transaction);
        await AuditLog.WriteAsync(audit with
        {
            Details = new Dictionary<string, object?>(audit.Details) { ["vintage"] = vintage, ["from"] = from?.ToString("O"), ["to"] = to?.ToString("O") },
        }, connection, transaction);
        await transaction.CommitAsync();
        return new VintageDatesOutcome(VintageDatesStatus.Set);
    }
}
