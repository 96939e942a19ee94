using System.Text.Json;
using System.Text.Json.Nodes;
using RiskMap.Web.Hosting.OpenApi;

namespace RiskMap.Web.Tests;

/// <summary>
/// The OpenAPI document is the REST contract: every operation shows an example for each parameter and each response with
/// a body, and every recorded GET example, replayed as the user it was recorded as, still has the shape the service
/// answers with today.
/// </summary>
public class OpenApiContractTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static readonly HashSet<string> BinaryOrEmpty = ["application/vnd.mapbox-vector-tile", "text/html"];

    [Fact]
    public async Task Every_operation_has_examples_for_its_parameters_and_responses()
    {
        var document = await Json.GetAsync(_client, "/openapi/v1.json");
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("responses", out _)))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    missing.AddRange(parameters.EnumerateArray().Where(p => !p.TryGetProperty("example", out _))
                        .Select(p => $"{name}: parameter {p.GetProperty("name").GetString()}"));
                }
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && !json.TryGetProperty("example", out _))
                {
                    missing.Add($"{name}: request body");
                }
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (!response.Value.TryGetProperty("content", out var content)) continue;
                    missing.AddRange(content.EnumerateObject()
                        .Where(media => !BinaryOrEmpty.Contains(media.Name) && !media.Value.TryGetProperty("examples", out _))
                        .Select(media => $"{name}: {response.Name} {media.Name}"));
                }
            }
        }
        Assert.True(operations >= 26, $"only {operations} operations documented");
        Assert.True(missing.Count == 0, "Without an example:\n" + string.Join("\n", missing));
    }

    public static TheoryData<string, string> RecordedGetExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (operation, example) in OperationExamples.Load())
        {
            if (!operation.StartsWith("GET ", StringComparison.Ordinal)) continue;
            foreach (var (status, response) in example!["responses"]!.AsObject())
            {
                // Hand-written examples (a 429, a 413) describe answers a single request cannot provoke.
                if (response!["value"] is not null && response["handWritten"] is null
                    && response["contentType"]!.GetValue<string>().EndsWith("json", StringComparison.Ordinal))
                    data.Add(operation, status);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedGetExamples))]
    public async Task A_recorded_example_has_the_shape_of_the_live_response(string operation, string status)
    {
        var recorded = OperationExamples.Load()[operation]!["responses"]![status]!;
        var user = recorded["as"]!.GetValue<string>();
        var client = user == "anonymous" ? _client : await app.ClientAsAsync(user);
        var response = await client.GetAsync(recorded["request"]!.GetValue<string>());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{response.StatusCode}: {body}");
        Assert.Equal(recorded["contentType"]!.GetValue<string>(), response.Content.Headers.ContentType?.MediaType);
        var differences = new List<string>();
        CompareShape(recorded["value"], JsonNode.Parse(body), "$", differences);
        Assert.True(differences.Count == 0, $"{operation} {status} differs from the service:\n" + string.Join("\n", differences));
    }

    /// <summary>Same members at every depth (arrays: their first element); a null on either side matches anything.</summary>
    private static void CompareShape(JsonNode? example, JsonNode? live, string path, List<string> differences)
    {
        if (example is null || live is null) return;
        switch (example, live)
        {
            case (JsonObject e, JsonObject l):
                var exampleKeys = e.Select(p => p.Key).Where(k => k != "traceId").ToHashSet();
                var liveKeys = l.Select(p => p.Key).Where(k => k != "traceId").ToHashSet();
                differences.AddRange(exampleKeys.Except(liveKeys).Select(k => $"{path}.{k}: only in the example"));
                differences.AddRange(liveKeys.Except(exampleKeys).Select(k => $"{path}.{k}: missing from the example"));
                foreach (var key in exampleKeys.Intersect(liveKeys)) CompareShape(e[key], l[key], $"{path}.{key}", differences);
                break;
            case (JsonArray e, JsonArray l):
                if (e.Count > 0 && l.Count > 0 && !path.EndsWith(".coordinates", StringComparison.Ordinal))
                    CompareShape(e[0], l[0], $"{path}[0]", differences);
                break;
            default:
                if (example.GetValueKind() != live.GetValueKind() && !(IsBoolean(example) && IsBoolean(live)))
                    differences.Add($"{path}: {example.GetValueKind()} in the example, {live.GetValueKind()} from the service");
                break;
        }
    }

    private static bool IsBoolean(JsonNode node) => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
}
