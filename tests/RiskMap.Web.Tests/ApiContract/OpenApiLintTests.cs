using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.ApiContract;

/// <summary>
/// The live OpenAPI document is a contract a generated client can trust: no error under Redocly's recommended rules
/// (redocly.yaml), and every operation, including those added later, named and with the ways to authenticate it takes.
/// </summary>
public class OpenApiLintTests(ContractApp app) : IClassFixture<ContractApp>
{
    private static readonly Dictionary<string, string> Quiet = new() { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" };

    [Fact]
    public async Task The_document_has_no_error_under_the_recommended_rules()
    {
        using var files = new TempFiles();
        var document = await app.WriteDocumentAsync(files.Directory);
        var root = ContractApp.CheckoutRoot;
        var (exitCode, output, error) = await Tool.RunAsync(root, Path.Combine(root, "src", "RiskMap.Web", "node_modules", ".bin", "redocly"), Quiet,
            "lint", document, "--config", Path.Combine(root, "redocly.yaml"), "--format=json", "--max-problems=100000");

        using var report = JsonDocument.Parse(output);
        var errors = report.RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} Redocly errors:\n" + string.Join("\n", errors.Take(50)));
        Assert.True(exitCode == 0, error);
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_and_declared_ways_to_authenticate()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("riskmap.session", schemes.GetProperty("cookie").GetProperty("name").GetString());

        var ids = new Dictionary<string, string>();
        var wrong = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            if (operation.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } operationId)
            {
                if (!ids.TryAdd(operationId, name)) wrong.Add($"{name}: operationId {operationId} is also {ids[operationId]}'s");
            }
            else wrong.Add($"{name}: no operationId");
            if (!operation.TryGetProperty("security", out var security) || security.GetArrayLength() == 0) wrong.Add($"{name}: no security");
            else
            {
                wrong.AddRange(security.EnumerateArray().SelectMany(r => r.EnumerateObject())
                    .Where(s => !schemes.TryGetProperty(s.Name, out _)).Select(s => $"{name}: undeclared scheme {s.Name}"));
            }
        }
        Assert.True(ids.Count >= 26, $"only {ids.Count} operations");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("GET /api/users", new[] { "cookie", "bearer" })]
    [InlineData("POST /api/imports/{kind}", new[] { "cookie", "bearer" })]
    [InlineData("GET /api/regions", new[] { "", "cookie", "bearer" })]
    public async Task An_operation_names_the_schemes_its_authorization_takes(string operation, string[] expected)
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var security = Operations(document).Single(o => o.Name == operation).Operation.GetProperty("security");
        Assert.Equal(expected, security.EnumerateArray().Select(r => r.EnumerateObject().Select(s => s.Name).SingleOrDefault() ?? ""));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Value.TryGetProperty("responses", out _))
            .Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));
}
