namespace RiskMap.Web.Features.Scoring;

/// <summary>
/// Serves the method documents (embedded at build, so they are the documents of the running version): docs/methodology.md
/// at /methodology.md, where wwwroot/methodology.html links "the full methodology", and docs/rating.md at /rating.md,
/// linked from wwwroot/rating.html.
/// </summary>
public static class MethodologyDocument
{
    private static readonly string[] Documents = ["methodology.md", "rating.md"];

    private static string Read(string name)
    {
        using var stream = typeof(MethodologyDocument).Assembly.GetManifestResourceStream($"RiskMap.Web.{name}")
            ?? throw new InvalidOperationException($"docs/{name} is not embedded in RiskMap.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static void MapMethodologyDocument(this IEndpointRouteBuilder app)
    {
        foreach (var name in Documents)
        {
            var text = new Lazy<string>(() => Read(name));
            // A document for readers, like the pages, not part of the API.
            app.MapGet($"/{name}", () => Results.Text(text.Value, "text/markdown; charset=utf-8")).ExcludeFromDescription();
        }
    }
}
