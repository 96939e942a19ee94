using System.Diagnostics;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>A standard GIS client, GDAL's OGC API – Features driver, reads the service over HTTP with a bearer token.</summary>
public class GisClientTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
        return await output;
    }

    [Fact]
    public async Task GDAL_lists_the_collections_and_copies_all_224_districts()
    {
        // Schools are listed only to a signed-in caller.
        Assert.DoesNotContain("schools", await RunAsync("ogrinfo", "-ro", "-q", $"OAPIF:{app.BaseUrl}/ogc"));

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        string[] signedIn = ["--config", "GDAL_HTTP_HEADERS", $"Authorization: Bearer {await TestUsers.TokenAsync(http, "analyst")}"];
        var info = await RunAsync("ogrinfo", [.. signedIn, "-ro", "-q", $"OAPIF:{app.BaseUrl}/ogc"]);
        Assert.Contains("regions", info);
        Assert.Contains("districts", info);
        Assert.Contains("schools", info);

        var file = Path.Combine(Path.GetTempPath(), $"riskmap-oapif-{Guid.NewGuid():N}.geojson");
        try
        {
            await RunAsync("ogr2ogr", [.. signedIn, "-f", "GeoJSON", file, $"OAPIF:{app.BaseUrl}/ogc", "districts"]);
            var copied = await RunAsync("ogrinfo", "-ro", "-so", file, "districts");
            Assert.Contains("Feature Count: 224", copied);
            Assert.Contains("name_ru", copied);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
