using System.Net;
using Microsoft.AspNetCore.Hosting;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The page scripts: minified bundles with source maps by default in a Release build, the modules on request.</summary>
[Collection(DemoAppCollection.Name)]
public class FrontEndBundleTests(DemoApp app)
{
    [Fact]
    public async Task The_map_script_is_a_minified_bundle_with_its_source_map()
    {
        var client = app.CreateClient();
        var script = await client.GetStringAsync("/js/map/app.js");

        Assert.DoesNotContain("from \"./legend.js\"", script);
        Assert.EndsWith("//# sourceMappingURL=app.js.map", script.TrimEnd());
        Assert.True(script.Split('\n').Length < 10, "a minified bundle is a few long lines");
        var map = await client.GetAsync("/js/map/app.js.map");
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Contains("js/map/legend.js", await map.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_bundles_off_the_modules_themselves_are_served()
    {
        using var modules = app.WithWebHostBuilder(b => b.UseSetting("FrontEnd:Bundles", "false"));
        var script = await modules.CreateClient().GetStringAsync("/js/map/app.js");
        Assert.Contains("from \"./legend.js\"", script);
    }
}
