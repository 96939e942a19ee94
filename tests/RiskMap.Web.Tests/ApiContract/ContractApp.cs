namespace RiskMap.Web.Tests.ApiContract;

/// <summary>The scored demo for the contract tests; an import they make starts no recompute while they run.</summary>
public sealed class ContractApp : ScoredDemoApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Scoring:ImportCheckSeconds"] = "3600",
    };

    /// <summary>The checkout the tests run from (where RiskMap.sln is).</summary>
    public static string CheckoutRoot => Hosting.RiskMapConfiguration.CheckoutRoot()
                                         ?? throw new InvalidOperationException("The contract tests run from a checkout of RiskMap.");

    /// <summary>The live OpenAPI document, written to a file for the tools that read it.</summary>
    public async Task<string> WriteDocumentAsync(string directory)
    {
        var path = Path.Combine(directory, "openapi.json");
        await File.WriteAllTextAsync(path, await CreateClient().GetStringAsync("/openapi/v1.json"));
        return path;
    }
}
