using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>The boundaries are served from memory and revalidated by ETag until boundaries are imported again.</summary>
public class BoundaryCachingTests(RiskMapWebFactory<BoundariesDatabase> app) : IClassFixture<RiskMapWebFactory<BoundariesDatabase>>
{
    private const string Regions = "/api/regions?simplify=0.01";
    private const string Astana = "710000000";

    private static HttpRequestMessage Revalidation(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }

    [Fact]
    public async Task A_revalidated_boundary_answer_is_304_without_a_body_until_boundaries_are_imported_then_the_new_outline_comes()
    {
        var client = app.CreateClient();
        foreach (var url in new[] { Regions, "/api/districts?geometry=none" })
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            var again = await client.SendAsync(Revalidation(url, etag));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        }

        var before = (await client.GetAsync(Regions)).Headers.ETag!;
        var import = await app.ClientAs("steward").PostAsync("/api/imports/boundaries?level=region", AstanaAsASquare());
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);

        HttpResponseMessage? changed = null;
        await Eventually.HoldsAsync(async () =>
        {
            changed = await client.SendAsync(Revalidation(Regions, before));
            return changed.StatusCode == HttpStatusCode.OK;
        }, "the regions to change after the boundary import");
        Assert.NotEqual(before, changed!.Headers.ETag);
        var astana = JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray()
            .Single(feature => feature.GetProperty("id").GetString() == Astana);
        Assert.Equal([71.35, 51.1, 71.5, 51.2], astana.GetProperty("bbox").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal("Astana (squared)", astana.GetProperty("properties").GetProperty("name_en").GetString());
    }

    private static MultipartFormDataContent AstanaAsASquare()
    {
        const string geoJson = $$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature",
              "properties":{"KATO":"{{{Astana}}}","ADM1_KK":"Астана","ADM1_RU":"Астана","ADM1_EN":"Astana (squared)","Year":"2024"},
              "geometry":{"type":"Polygon","coordinates":[[[71.35,51.1],[71.5,51.1],[71.5,51.2],[71.35,51.2],[71.35,51.1]]]}}]}
            """;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(geoJson));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return new MultipartFormDataContent { { file, "file", "astana.geojson" } };
    }
}
