using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RiskMap.Core.Access;
using RiskMap.TestSupport;
using RiskMap.Web.Hosting;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.FirstFrame;

/// <summary>
/// The map's first frame, drawn by the server: every district in its public risk level, the same image for every caller
/// (so nothing of a caller's scope is in it), revalidated by an ETag and linked by the map page for the default view.
/// </summary>
public class FirstFrameTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    internal const string Address = "/map/first-frame.svg?view=national";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    internal static async Task<XDocument> FrameAsync(HttpClient client)
    {
        var answer = await client.GetAsync(Address);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/svg+xml", answer.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await answer.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, XElement> DistrictPaths(XDocument frame) =>
        frame.Descendants(Svg + "path").Where(p => p.Attribute("data-kato") is not null).ToDictionary(p => (string)p.Attribute("data-kato")!);

    /// <summary>The palette the map draws with (choropleth.js), from its one home.</summary>
    private static JsonElement Palette() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RiskMapConfiguration.CheckoutRoot()!, "wwwroot", "js", "map", "palette.json"))).RootElement;

    [Fact]
    public async Task The_frame_holds_one_path_per_district_in_the_colour_of_its_public_risk_level()
    {
        var client = app.CreateClient();
        var paths = DistrictPaths(await FrameAsync(client));
        var units = (await Json.GetAsync(client, "/api/scores?level=district")).GetProperty("units").EnumerateArray().ToList();
        var classes = Palette().GetProperty("classes").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Equal(224, paths.Count);
        var classed = units.Where(u => u.GetProperty("class").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(224 - SmallDistricts.Length, classed.Count);
        foreach (var unit in classed)
        {
            var path = paths[unit.GetProperty("code").GetString()!];
            var level = unit.GetProperty("class").GetInt32();
            Assert.Equal(level.ToString(), (string?)path.Attribute("data-level"));
            Assert.Equal(classes[level - 1], (string?)path.Attribute("fill"));
            Assert.Matches("^M\\d+ \\d+l", (string?)path.Attribute("d"));
        }
    }

    [Fact]
    public async Task A_withheld_small_district_is_drawn_in_the_withheld_style()
    {
        var paths = DistrictPaths(await FrameAsync(app.CreateClient()));
        var palette = Palette();

        Assert.All(SmallDistricts, code =>
        {
            var path = paths[code];
            Assert.Equal("suppressed", (string?)path.Attribute("data-level"));
            Assert.Equal(palette.GetProperty("suppressed").GetString(), (string?)path.Attribute("fill"));
            Assert.Equal(palette.GetProperty("suppressedOutline").GetProperty("dashArray").GetString(), (string?)path.Attribute("stroke-dasharray"));
        });
    }

    [Fact]
    public async Task The_frame_holds_shapes_only_no_score_no_school_and_no_text()
    {
        var frame = await FrameAsync(await app.ClientAsAsync(Analyst));
        string[] attributes = ["xmlns", "viewBox", "width", "height", "fill-rule", "stroke-linejoin", "stroke-linecap", "fill-opacity",
            "data-kato", "data-level", "fill", "stroke", "stroke-width", "vector-effect", "stroke-dasharray", "stroke-opacity", "d"];

        Assert.All(frame.Descendants(), e => Assert.Contains(e.Name.LocalName, new[] { "svg", "g", "path" }));
        Assert.All(frame.Descendants().SelectMany(e => e.Attributes()), a => Assert.Contains(a.Name.LocalName, attributes));
        Assert.All(frame.Descendants(), e => Assert.Empty(e.Nodes().OfType<XText>()));
        var districtCodes = (await app.Database.QueryAsync<string>("SELECT kato FROM districts")).ToHashSet();
        Assert.All(frame.Descendants().Attributes("data-kato"), a => Assert.Contains(a.Value, districtCodes));
    }

    [Fact]
    public async Task The_public_a_planner_and_an_analyst_get_the_same_bytes()
    {
        var planner = await app.ClientForNewUserAsync("planner-39-first-frame", Role.Planner, Kostanay);
        var bytes = new List<byte[]>();
        foreach (var client in new[] { app.CreateClient(), planner, await app.ClientAsAsync(Analyst) })
        {
            bytes.Add(await client.GetByteArrayAsync(Address));
        }

        Assert.Equal(bytes[0], bytes[1]);
        Assert.Equal(bytes[0], bytes[2]);
        // The planner sees Kostanay's small districts' levels on the map, yet the frame keeps them withheld.
        var plannerTable = (await Json.GetAsync(planner, "/api/scores?level=district&region=" + Kostanay)).GetProperty("units").EnumerateArray();
        Assert.Contains(plannerTable, u => SmallDistricts.Contains(u.GetProperty("code").GetString()) && u.GetProperty("class").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task The_frame_is_revalidated_by_its_etag_and_is_gzipped_for_clients_that_accept_it()
    {
        var client = app.CreateClient();
        var first = await client.GetAsync(Address);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, Address);
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var gzip = new HttpRequestMessage(HttpMethod.Get, Address);
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var zipped = await client.SendAsync(gzip);
        Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task The_map_page_holds_the_frame_inline_for_the_default_view_only()
    {
        var client = app.CreateClient();
        Assert.Equal(await client.GetStringAsync(Address), InlineFrame(await client.GetStringAsync("/")));
        Assert.Null(InlineFrameOrNull(await client.GetStringAsync("/?classes=quantile")));
    }

    [Fact]
    public async Task The_map_page_with_its_inline_first_frame_is_sent_gzipped_only_to_a_client_that_accepts_it_and_is_the_same_page()
    {
        var client = app.CreateClient();
        var plain = await PrecompressedFrontEndTests.SendAsync(client, "/");
        var gzip = await PrecompressedFrontEndTests.SendAsync(client, "/", "gzip, deflate, br");
        var refused = await PrecompressedFrontEndTests.SendAsync(client, "/", "gzip;q=0");

        var original = await plain.Content.ReadAsByteArrayAsync();
        Assert.Contains("class=\"first-frame\"", System.Text.Encoding.UTF8.GetString(original));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        var gzipped = await gzip.Content.ReadAsByteArrayAsync();
        Assert.True(gzipped.Length < original.Length / 2, $"the map page: {gzipped.Length} bytes gzipped of {original.Length}");
        Assert.Equal(original, PrecompressedFrontEndTests.Decompress(new System.IO.Compression.GZipStream(new MemoryStream(gzipped), System.IO.Compression.CompressionMode.Decompress)));
        foreach (var answer in new[] { plain, gzip, refused })
        {
            Assert.StartsWith("text/html", answer.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Contains("Accept-Encoding", answer.Headers.Vary);
        }
    }

    [Fact]
    public async Task The_address_naming_the_published_run_is_immutable()
    {
        var client = app.CreateClient();
        var etag = (await client.GetAsync(Address)).Headers.ETag!.Tag.Trim('"');
        var named = await client.GetAsync(Address + "&v=" + etag["first-frame-".Length..]);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.True(named.Headers.CacheControl?.Public);
        Assert.Contains("immutable", named.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.DoesNotContain("immutable", (await client.GetAsync(Address + "&v=0-0")).Headers.CacheControl!.Extensions.Select(e => e.Name));
    }

    [Theory]
    [InlineData("region")]
    [InlineData("")]
    public async Task Another_view_is_a_problem(string view)
    {
        var problem = await Json.ProblemAsync(await app.CreateClient().GetAsync($"/map/first-frame.svg?view={view}"), HttpStatusCode.BadRequest);
        Assert.Equal("view", problem.GetProperty("parameter").GetString());
    }

    /// <summary>The SVG the map page holds as its first frame, in a data: address.</summary>
    internal static string InlineFrame(string page) => InlineFrameOrNull(page) ?? throw new Xunit.Sdk.XunitException("The page has no first frame.");

    private static string? InlineFrameOrNull(string page)
    {
        var image = Regex.Match(page, "<img class=\"first-frame\" src=\"data:image/svg\\+xml,([^\"]+)\"");
        return image.Success ? Uri.UnescapeDataString(WebUtility.HtmlDecode(image.Groups[1].Value)) : null;
    }
}
