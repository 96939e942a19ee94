using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// The page scripts: minified bundles with source maps by default in a Release build, the modules on request; and each
/// page's style sheets as one, which the browser keeps for good.
/// </summary>
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
        // The entry's own source: the modules it shares with the layers loaded on demand sit in chunks with their own maps.
        Assert.Contains("js/map/app.js\"", await map.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_bundles_off_the_modules_and_style_sheets_themselves_are_served()
    {
        using var modules = app.WithWebHostBuilder(b => b.UseSetting("FrontEnd:Bundles", "false"));
        var client = modules.CreateClient();
        var script = await client.GetStringAsync("/js/map/app.js");
        Assert.Contains("from \"./legend.js\"", script);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/app.css\">", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("/", new[] { ".leaflet-container", ".visually-hidden", ".school-cluster", ".programmes-main", ".profile-view" })]
    [InlineData("/programmes.html", new[] { ".visually-hidden", ".programmes-main" })]
    public async Task A_page_links_one_style_sheet_with_all_its_rules_and_images_which_the_browser_keeps_for_good(
        string address, string[] selectors)
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync(address);

        var href = Assert.Single(Regex.Matches(page, "<link rel=\"stylesheet\" href=\"([^\"]+)\">")).Groups[1].Value;
        Assert.Matches("^/css/pages/[a-z]+-[A-Z0-9]{8}\\.css$", href);
        var sheet = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Contains("immutable", sheet.Headers.CacheControl?.ToString());
        var css = await sheet.Content.ReadAsStringAsync();
        foreach (var selector in selectors) Assert.Contains(selector + "{", css);
        // The school clusters' animations come with their script, not with the page.
        Assert.DoesNotContain(".leaflet-cluster-anim", css);
        foreach (var image in Regex.Matches(css, "url\\(\"\\./([^\"]+)\"\\)").Select(m => m.Groups[1].Value))
        {
            var answer = await client.GetAsync(new Uri(new Uri("http://localhost" + href), image).AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("image/png", answer.Content.Headers.ContentType?.MediaType);
        }
    }
}
