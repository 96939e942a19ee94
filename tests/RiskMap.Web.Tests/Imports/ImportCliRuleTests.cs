using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Imports;

/// <summary>On the command line, findings name the options as the command line takes them and read as sentences.</summary>
public class ImportCliRuleTests(BoundariesDatabase db) : IClassFixture<BoundariesDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> RejectedAsync(params string[] arguments)
    {
        var before = await db.DataFingerprintAsync();
        var (exitCode, _, error) = await RiskMapCli.RunAsync(db.ConnectionString, arguments);
        Assert.True(exitCode == 1, error);
        Assert.Equal(before, await db.DataFingerprintAsync());
        return error;
    }

    [Fact]
    public async Task A_boundary_file_without_a_year_says_to_pass_the_vintage_option()
    {
        var file = _files.Write("regions.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature",
              "properties":{"KATO":"790000000","ADM1_KK":"Облыс","ADM1_RU":"Область","ADM1_EN":"Region"},
              "geometry":{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,41],[60,40]]]}}]}
            """);
        var error = await RejectedAsync("import", "boundaries", file, "--level", "region");
        Assert.Contains("error: field Year: A required column or field is missing. (give the year of the boundaries with --vintage 2024, or name the field holding it with --vintage-field)", error);
    }

    [Fact]
    public async Task An_invalid_polygon_names_the_repair_option_as_the_command_line_takes_it()
    {
        var file = _files.Write("regions.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature",
              "properties":{"KATO":"790000000","ADM1_KK":"Облыс","ADM1_RU":"Область","ADM1_EN":"Region","Year":2024},
              "geometry":{"type":"Polygon","coordinates":[[[60,40],[61,41],[61,40],[60,41],[60,40]]]}}]}
            """);
        var error = await RejectedAsync("import", "boundaries", file, "--level", "region", "--lang", "kk");
        Assert.Contains("Геометрия жарамсыз; --repair арқылы түзетуге болады. (өзін-өзі қиып өту)", error);
    }

    [Fact]
    public async Task A_finding_about_the_whole_file_reads_without_an_empty_place()
    {
        var file = _files.Write("values.csv", "entity_level,entity_code,indicator,period,value\n");
        var error = await RejectedAsync("import", "indicators", file);
        Assert.Contains("error: The file is empty.", error);
        Assert.DoesNotContain("error: :", error);
    }
}
