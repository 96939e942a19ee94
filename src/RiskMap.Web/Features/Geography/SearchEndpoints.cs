using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Geography;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search", async (HttpContext http, UnitSearch search, string? q) =>
                Results.Ok(await search.FindAsync(Text(q), http.CallerScope())))
            .WithTags("Geography")
            .WithSummary("Regions, districts and the schools the caller may see whose name holds the text.")
            .WithDescription($"q: {UnitSearch.MinLength}–{UnitSearch.MaxLength} characters, matched against the kk, ru and en names, " +
                             "official spellings and former names (e.g. Шымкент, Алма-Ата), ignoring case, ё/е and Latin letters " +
                             "typed for look-alike Cyrillic ones. Schools only in the caller's scope (none for the public). " +
                             $"At most {UnitSearch.MaxMatches} matches, whole names first, then names starting with the text; " +
                             "more=true when there were others. matched is the name that matched, exact whether it is the whole text.")
            .Produces<UnitMatches>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static string Text(string? q)
    {
        var text = q?.Trim() ?? "";
        return text.Length is >= UnitSearch.MinLength and <= UnitSearch.MaxLength
            ? text
            : throw new QueryParameters.Invalid("q", $"q must be {UnitSearch.MinLength} to {UnitSearch.MaxLength} characters.");
    }
}
