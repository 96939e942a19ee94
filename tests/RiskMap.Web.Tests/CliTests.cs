using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The command line (<c>riskmap import …</c>) runs the same importers against the configured database.</summary>
public class CliTests(BoundariesDatabase db) : IClassFixture<BoundariesDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RiskMapCli.RunAsync(db.ConnectionString, arguments);

    [Fact]
    public async Task A_good_file_is_imported_and_counted()
    {
        var file = _files.Write("schools.csv", "code,name_ru,name_kk,type,language,settlement,pupils,lat,lon\nC-1,Школа,Мектеп,general,kk,urban,300,51.13,71.43\n");
        var (exitCode, output, error) = await RunAsync("import", "schools", file, "--source", "cli-test");
        Assert.True(exitCode == 0, error);
        Assert.Contains("1 new", output);
        Assert.Equal("cli-test", await db.ScalarAsync<string>("SELECT source FROM schools WHERE code = 'C-1'"));
    }

    [Fact]
    public async Task A_bad_file_exits_1_naming_row_and_field_in_the_chosen_language_and_stores_nothing()
    {
        var before = await db.DataFingerprintAsync();
        var file = _files.Write("bad.csv", "code,name_ru,name_kk,type,language,settlement,pupils,lat,lon\nC-2,Школа,Мектеп,general,kk,urban,many,51.13,71.43\n");
        var (exitCode, _, error) = await RunAsync("import", "schools", file, "--lang", "kk");
        Assert.Equal(1, exitCode);
        Assert.Contains("row 2", error);
        Assert.Contains("field pupils", error);
        Assert.Contains("Мән сан емес.", error);
        Assert.Equal(before, await db.DataFingerprintAsync());
    }

    [Fact]
    public async Task Wrong_usage_exits_2_with_help()
    {
        var (exitCode, _, error) = await RunAsync("import", "pupils", "x.csv");
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", error);
    }
}
