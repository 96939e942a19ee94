using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskMap.Web.Tests.Programmes;

/// <summary>The programme tests' shared demo app (one database), and the requests they repeat.</summary>
[CollectionDefinition(Name)]
public sealed class ProgrammeAppCollection : ICollectionFixture<ScoredDemoApp>
{
    public const string Name = "programmes";
}

internal static class ProgrammeClient
{
    public const string Almaty = "750000000";
    public const string Almaly = "751110000";
    public const string Astana = "710000000";

    public static async Task<JsonElement> CreateAsync(HttpClient client, string title = "Алматы: кризисная программа 2025", string start = "2025Q1", string end = "2025Q4") =>
        await Json.ReadAsync(await client.PostAsJsonAsync("/api/programmes", new { title, startQuarter = start, endQuarter = end, description = "По итогам совещания" }),
            HttpStatusCode.Created);

    public static async Task<JsonElement> AddTargetAsync(HttpClient client, long programme, string level, string code) =>
        await Json.ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{programme}/targets", new { level, code }), HttpStatusCode.Created);

    public static object Measure(string deadline = "2025-06-30", string code = "anti_bullying_kiva", string status = "planned", decimal funding = 12_500_000m) => new
    {
        measureCode = code, responsible = "Управление образования, акимат Алмалинского района", deadline, fundingAmount = funding,
        fundingSource = "Местный бюджет", status,
    };

    public static async Task<JsonElement> AddMeasureAsync(HttpClient client, long programme, long target, object measure) =>
        await Json.ReadAsync(await client.PostAsJsonAsync($"/api/programmes/{programme}/targets/{target}/measures", measure), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body, int? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();
}
