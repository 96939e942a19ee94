using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>
/// The front end goes out compressed to a browser that accepts it (brotli first, else gzip) and plain to a client that
/// does not, the same bytes either way; and the map page names the chunks its bundle imports, so they load beside it.
/// </summary>
[Collection(DemoAppCollection.Name)]
public class PrecompressedFrontEndTests(DemoApp app)
{
    [Theory]
    [InlineData("/js/map/app.js", "text/javascript")]
    [InlineData("/lib/leaflet/leaflet.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    public async Task A_script_or_style_sheet_is_sent_compressed_only_to_a_client_that_accepts_it_and_is_the_same_after_decompression(
        string address, string contentType)
    {
        var client = app.CreateClient();
        var plain = await SendAsync(client, address);
        var brotli = await SendAsync(client, address, "gzip, deflate, br");
        var gzip = await SendAsync(client, address, "gzip");
        var refused = await SendAsync(client, address, "br;q=0, gzip;q=0");

        var original = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        Assert.Equal(original, await refused.Content.ReadAsByteArrayAsync());

        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        var brotliBytes = await brotli.Content.ReadAsByteArrayAsync();
        Assert.True(brotliBytes.Length < original.Length / 2, $"{address}: {brotliBytes.Length} bytes brotli of {original.Length}");
        Assert.Equal(original, Decompress(new BrotliStream(new MemoryStream(brotliBytes), CompressionMode.Decompress)));
        Assert.Equal(original, Decompress(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));

        foreach (var answer in new[] { plain, brotli, gzip, refused })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.StartsWith(contentType, answer.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Contains("Accept-Encoding", answer.Headers.Vary);
        }
        Assert.NotEqual(plain.Headers.ETag, brotli.Headers.ETag);
    }

    [Fact]
    public async Task The_map_page_preloads_the_chunks_its_bundle_imports_and_no_lazily_loaded_page()
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/");
        var script = await client.GetStringAsync("/js/map/app.js");

        var preloaded = Regex.Matches(page, "<link rel=\"modulepreload\" href=\"(/js/chunks/[^\"]+)\">")
            .Select(m => m.Groups[1].Value).ToList();
        // Static imports: `from"…"`, and `import"…"` for a module imported for its effects alone (not `import(…)`).
        var imported = Regex.Matches(script, "(?:from|import)\"\\.\\./chunks/([^\"]+)\"")
            .Select(m => "/js/chunks/" + m.Groups[1].Value).ToList();
        Assert.NotEmpty(imported);
        Assert.Equal(imported.Order(), preloaded.Order());
        Assert.DoesNotContain(preloaded, chunk => chunk.Contains("programme", StringComparison.Ordinal));
        foreach (var chunk in preloaded)
        {
            var answer = await client.GetAsync(chunk);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("immutable", answer.Headers.CacheControl?.ToString());
        }
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string address, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    internal static byte[] Decompress(Stream compressed)
    {
        using var plain = new MemoryStream();
        using (compressed) compressed.CopyTo(plain);
        return plain.ToArray();
    }
}
