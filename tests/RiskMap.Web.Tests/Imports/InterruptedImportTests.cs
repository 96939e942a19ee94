using System.Globalization;
using System.Text;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Imports;

/// <summary>
/// Issue 15, "Import killed": a command-line import killed with SIGKILL in the middle of a large file stores nothing,
/// and its batch is reported interrupted once the lease it no longer renews runs out, instead of running for ever.
/// </summary>
public class InterruptedImportTests(ImportApp app) : IClassFixture<ImportApp>, IDisposable
{
    private const int LeaseSeconds = 3;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string LargeSchoolFile(int rows)
    {
        var csv = new StringBuilder("code,name_ru,name_kk,type,language,settlement,pupils,lat,lon\n");
        for (var i = 0; i < rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"K-{i},Школа {i},{i} мектеп,general,kk,urban,500,{43 + i % 1000 * 0.008:0.0000},{52 + i / 1000 * 0.1:0.0000}\n");
        return csv.ToString();
    }

    private Task<string?> StatusAsync(string fileName) => app.Database.ScalarAsync<string?>(
        "SELECT status FROM import_batches WHERE file_name = @fileName ORDER BY id DESC LIMIT 1", new { fileName });

    [Fact]
    public async Task A_killed_command_line_import_stores_nothing_and_its_batch_is_reported_interrupted_within_the_lease()
    {
        var file = _files.Write("killed-schools.csv", LargeSchoolFile(250_000));
        var before = await app.Database.DataFingerprintAsync();
        var client = await app.ClientAsAsync("steward");

        using var cli = RiskMapCli.Start(app.Database.ConnectionString,
            new Dictionary<string, string> { ["Imports__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture) },
            "import", "schools", file);
        try
        {
            await Eventually.HoldsAsync(async () => cli.HasExited || await StatusAsync("killed-schools.csv") == "running",
                "the command-line import to start its batch");
            Assert.False(cli.HasExited, "The import ended before it could be killed.");
            cli.Kill(entireProcessTree: true);
            await cli.WaitForExitAsync();
        }
        finally
        {
            if (!cli.HasExited) cli.Kill(entireProcessTree: true);
        }
        var killedAt = DateTimeOffset.UtcNow;

        Assert.Equal(before, await app.Database.DataFingerprintAsync());
        string? shown = null;
        await Eventually.HoldsAsync(async () =>
        {
            var log = await Json.GetAsync(client, "/api/imports?limit=5");
            shown = log.EnumerateArray().First(b => b.GetProperty("fileName").GetString() == "killed-schools.csv").GetProperty("status").GetString();
            return shown == "interrupted";
        }, "the killed batch to be shown interrupted", TimeSpan.FromSeconds(30));
        Assert.True(DateTimeOffset.UtcNow - killedAt < TimeSpan.FromSeconds(2 * LeaseSeconds + 5),
            $"The batch was shown interrupted only {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0} s after the kill.");
        Assert.Equal(before, await app.Database.DataFingerprintAsync());
    }
}
