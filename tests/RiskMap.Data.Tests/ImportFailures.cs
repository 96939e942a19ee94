using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>Runs an import that must be refused and checks that it changed nothing and was logged as failed.</summary>
internal static class ImportFailures
{
    public static async Task<IReadOnlyList<ImportIssue>> RejectedAsync(TestDatabase db, ImportKind kind, string path, ImportOptions? options = null)
    {
        var before = await db.DataFingerprintAsync();
        var failed = await Assert.ThrowsAsync<ImportFailedException>(() => db.ImportAsync(kind, path, options));
        Assert.Equal(before, await db.DataFingerprintAsync());
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM import_batches WHERE id = @id", new { id = failed.BatchId }));
        Assert.Contains(failed.Issues, i => !i.IsWarning);
        return failed.Issues;
    }
}
