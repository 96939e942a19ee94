using Dapper;
using Npgsql;
using RiskMap.Data.Access;

namespace RiskMap.Data.Vintages;

/// <summary>The days a vintage was in force: observations of a quarter starting then belong to it.</summary>
public sealed class VintageDates(NpgsqlDataSource dataSource)
{
    /// <returns>False when there is no such vintage.</returns>
    public async Task<bool> SetAsync(int vintage, DateOnly? from, DateOnly? to, AuditEntry audit)
    {
        if (from is not null && to is not null && to < from) throw new ArgumentException("The end of a vintage's validity comes before its start.");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = await connection.ExecuteAsync("UPDATE boundary_vintages SET valid_from = @from, valid_to = @to WHERE vintage = @vintage",
            new { vintage, from = from?.ToDateTime(TimeOnly.MinValue), to = to?.ToDateTime(TimeOnly.MinValue) }, transaction);
        if (changed == 0) return false;
        await AuditLog.WriteAsync(audit with
        {
            Details = new Dictionary<string, object?>(audit.Details) { ["vintage"] = vintage, ["from"] = from?.ToString("O"), ["to"] = to?.ToString("O") },
        }, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }
}
