using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using RiskMap.Core.Access;
using RiskMap.Core.Localization;
using RiskMap.TestSupport;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Hosting;
using SkiaSharp;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.MapImages;

/// <summary>
/// Map images drawn by the server, compared structurally: their size, a district's pixel in its class colour, the legend's
/// colours, what a caller may see (a planner's image of another region is the public's; by a domain, districts outside
/// the scope carry no class), a withheld district drawn withheld, the title in the language asked for, and the audit.
/// </summary>
public class MapImageTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Png = MapImageProbe.Png;

    private static JsonElement Palette() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RiskMapConfiguration.CheckoutRoot()!, "wwwroot", "js", "map", "palette.json"))).RootElement;

    private static IReadOnlyList<SKColor> ClassColours() =>
        [.. Palette().GetProperty("classes").EnumerateArray().Select(c => SKColor.Parse(c.GetString()))];

    /// <summary>A colour as the map fills it: at the palette's fill opacity over the white background.</summary>
    private static SKColor Filled(SKColor colour)
    {
        var opacity = Palette().GetProperty("fillOpacity").GetDouble();
        byte Blend(byte c) => (byte)Math.Round(c * opacity + 255 * (1 - opacity));
        return new SKColor(Blend(colour.Red), Blend(colour.Green), Blend(colour.Blue));
    }

    private static Task<SKBitmap> PngAsync(HttpClient client, string query) => MapImageProbe.PngAsync(client, query);

    private Task<(int X, int Y)> PixelOfAsync(string kato, MapImageRequest request, AccessScope scope) => MapImageProbe.PixelOfAsync(app, kato, request, scope);

    private static MapImageRequest Request(string? region = null, string? district = null, string? domain = null, int width = 1600, int height = 1000) =>
        MapImageRequest.Parse(null, region, district, null, null, domain, null, "en", null, width.ToString(), height.ToString());

    private static void AssertColour(SKColor expected, SKColor actual)
    {
        Assert.True(Math.Abs(expected.Red - actual.Red) <= 2 && Math.Abs(expected.Green - actual.Green) <= 2 && Math.Abs(expected.Blue - actual.Blue) <= 2,
            $"expected {expected}, found {actual}");
    }

    [Fact]
    public async Task The_national_district_image_has_the_asked_size_and_a_large_district_in_its_class_colour()
    {
        var client = app.CreateClient();
        using var image = await PngAsync(client, "level=district&width=1600&height=1000&lang=en");
        var units = (await Json.GetAsync(client, "/api/scores?level=district")).GetProperty("units").EnumerateArray().ToList();
        // The largest district with a class: its interior point lies far from any outline at the country's scale.
        var largest = await app.Database.ScalarAsync<string>("SELECT kato FROM districts ORDER BY area_km2 DESC LIMIT 1");
        var level = units.Single(u => u.GetProperty("code").GetString() == largest).GetProperty("class").GetInt32();
        var (x, y) = await PixelOfAsync(largest, Request(), AccessScope.Public);

        Assert.Equal((1600, 1000), (image.Width, image.Height));
        AssertColour(Filled(ClassColours()[level - 1]), image.GetPixel(x, y));
    }

    [Fact]
    public async Task The_legend_shows_every_class_colour_in_the_lower_left_corner()
    {
        using var image = await PngAsync(app.CreateClient(), "width=1000&height=800");
        // The map fills at less than full opacity, so a class's own colour is found only in the legend's swatches.
        var found = ClassColours().ToDictionary(c => c, _ => 0);
        for (var y = image.Height / 2; y < image.Height; y++)
        for (var x = 0; x < image.Width / 2; x++)
            if (found.ContainsKey(image.GetPixel(x, y).WithAlpha(255))) found[image.GetPixel(x, y).WithAlpha(255)]++;

        Assert.All(found, pair => Assert.True(pair.Value >= 50, $"{pair.Key}: {pair.Value} pixels"));
    }

    [Fact]
    public async Task A_planners_image_of_another_region_is_the_publics()
    {
        using var planner = await PngAsync(await app.ClientAsAsync(Planner75), $"region={Astana}&width=900&height=700");
        using var anonymous = await PngAsync(app.CreateClient(), $"region={Astana}&width=900&height=700");

        Assert.Equal(anonymous.Bytes, planner.Bytes);
    }

    [Fact]
    public async Task By_a_domain_a_planner_sees_classes_in_the_own_region_only()
    {
        var client = await app.ClientAsAsync(Planner75);
        var domain = (await Json.GetAsync(client, "/api/indicators")).EnumerateArray().First().GetProperty("domain").GetString()!;
        var units = (await Json.GetAsync(client, $"/api/scores?level=district&region={Almaty}&domain={domain}")).GetProperty("units").EnumerateArray();
        var own = units.Single(u => u.GetProperty("code").GetString() == AlmatyDistrict).GetProperty("class").GetInt32();
        using var ownImage = await PngAsync(client, $"district={AlmatyDistrict}&domain={domain}&width=800&height=600");
        using var otherImage = await PngAsync(client, $"district={AstanaDistrict}&domain={domain}&width=800&height=600");
        var scope = AccessScope.For(Planner75, Role.Planner, Almaty);
        var (ox, oy) = await PixelOfAsync(AlmatyDistrict, Request(district: AlmatyDistrict, domain: domain, width: 800, height: 600), scope);
        var (ax, ay) = await PixelOfAsync(AstanaDistrict, Request(district: AstanaDistrict, domain: domain, width: 800, height: 600), scope);

        AssertColour(Filled(ClassColours()[own - 1]), ownImage.GetPixel(ox, oy));
        AssertColour(Filled(SKColor.Parse(Palette().GetProperty("outside").GetString())), otherImage.GetPixel(ax, ay));
    }

    [Fact]
    public async Task A_withheld_small_district_is_white_in_its_own_close_up()
    {
        var district = SmallDistricts[0];
        using var image = await PngAsync(await app.ClientAsAsync(Planner71), $"district={district}&width=800&height=600");
        var (x, y) = await PixelOfAsync(district, Request(district: district, width: 800, height: 600), AccessScope.For(Planner71, Role.Planner, Astana));

        AssertColour(SKColors.White, image.GetPixel(x, y));
    }

    [Theory]
    [InlineData("kk", "Жиынтық балл", "аудандар бойынша", "Шекаралар: geokz")]
    [InlineData("ru", "Сводный балл", "по районам", "Границы: geokz")]
    [InlineData("en", "Composite score", "by district", "Boundaries: geokz")]
    public async Task The_svg_writes_its_title_and_attribution_as_text_in_the_language(string lang, string measure, string level, string attribution)
    {
        var answer = await app.CreateClient().GetAsync($"/api/maps/image.svg?lang={lang}&width=800&height=500");
        Assert.Equal("image/svg+xml", answer.Content.Headers.ContentType?.MediaType);
        var text = string.Concat(XDocument.Parse(await answer.Content.ReadAsStringAsync()).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + "\n"));

        Assert.Contains(measure, text);
        Assert.Contains(level, text);
        Assert.Contains($"{attribution} © Alexander Rodionov, CC BY 4.0", text);
        Assert.Contains(Capitalised(RiskMap.Web.Features.Exports.ExportTexts.Demo(Languages.FromCode(lang))), text);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [Theory]
    [InlineData("width=5000", "width")]
    [InlineData("height=10", "height")]
    [InlineData("level=school", "level")]
    [InlineData("lang=de", "lang")]
    [InlineData("region=750000000&district=751110000", "district")]
    [InlineData("hotspots=all", "hotspots")]
    [InlineData("targets=programme", "targets")]
    public async Task Bad_parameters_are_problems(string query, string parameter)
    {
        var answer = await app.CreateClient().GetAsync($"{Png}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(parameter, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_may_not_colour_by_a_domain_as_with_the_score_table()
    {
        var image = await app.CreateClient().GetAsync($"{Png}?domain=violence");
        var table = await app.CreateClient().GetAsync("/api/scores?domain=violence");

        Assert.Equal(HttpStatusCode.Forbidden, image.StatusCode);
        Assert.Equal(table.StatusCode, image.StatusCode);
    }

    [Fact]
    public async Task Every_image_is_audited_like_an_export_even_from_the_cache()
    {
        var client = await app.ClientAsAsync(Analyst);
        const string Query = "width=640&height=480&lang=ru";
        var before = await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'export' AND target LIKE 'map-image%'");
        await PngAsync(client, Query);
        await PngAsync(client, Query);

        var entries = await app.Database.QueryAsync<(string User, string Target)>(
            "SELECT actor, target FROM audit_log WHERE action = 'export' AND target LIKE 'map-image%' ORDER BY id DESC LIMIT 2");
        Assert.Equal(before + 2, await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'export' AND target LIKE 'map-image%'"));
        Assert.All(entries, e => Assert.Equal(Analyst, e.User));
    }

    [Fact]
    public async Task TileJson_and_the_OGC_district_collection_link_to_the_image()
    {
        var client = app.CreateClient();
        var tileJson = (await Json.GetAsync(client, "/tiles/districts.json")).GetProperty("map_image").GetString()!;
        var ogc = (await Json.GetAsync(client, "/ogc/collections/districts")).GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("rel").GetString() == MapImageEndpoints.MapRelation);

        Assert.EndsWith("/api/maps/image.png?level=district", tileJson);
        Assert.Equal(tileJson, ogc.GetProperty("href").GetString());
        Assert.Equal("image/png", ogc.GetProperty("type").GetString());
        using var image = await PngAsync(client, "level=district");
        Assert.Equal((1600, 1000), (image.Width, image.Height));
    }
}
