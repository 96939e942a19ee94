using System.Net;
using System.Net.Http.Headers;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>Uploads of the real boundary files, as the steward's browser or script sends them.</summary>
internal static class VintageUploads
{
    public static async Task<long> UploadAsync(HttpClient steward, string file, string query)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(GeoData.File(file)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        var form = new MultipartFormDataContent { { content, "file", file } };
        var result = await Json.ReadAsync(await steward.PostAsync($"/api/imports/boundaries?{query}", form), HttpStatusCode.Created);
        return result.GetProperty("batchId").GetInt64();
    }

    /// <summary>The 2018 regions and districts, as the steward imported them.</summary>
    public static async Task Upload2018Async(HttpClient steward)
    {
        await UploadAsync(steward, "kz_adm1_2018.geojson", "level=region");
        await UploadAsync(steward, "kz_adm2_2018.geojson", "level=district");
    }
}
