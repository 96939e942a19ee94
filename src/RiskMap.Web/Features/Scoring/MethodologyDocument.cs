namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// Serves docs/methodology.md (embedded at build, so it is the document of the running version) at /methodology.md,
/// where wwwroot/methodology.html links "the full methodology".
/// </summary>
public static class MethodologyDocument
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(MethodologyDocument).Assembly.GetManifestResourceStream("RiskMap.Web.methodology.md")
            ?? throw new InvalidOperationException("docs/methodology.md is not embedded in RiskMap.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapMethodologyDocument(this IEndpointRouteBuilder app) =>
        // A document for readers, like the pages, not part of the API.
        app.MapGet("/methodology.md", () => Results.Text(Text.Value, "text/markdown; charset=utf-8")).ExcludeFromDescription();
}
