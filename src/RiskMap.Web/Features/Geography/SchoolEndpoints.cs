using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using RiskMap.Data.Queries;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Geography;

public static class SchoolEndpoints
{
    private const int DefaultLimit = 1_000;

    public static void MapSchoolEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schools", async (HttpContext http, GeographyQueries geography, SchoolQueries schools,
                string? region, string? district, string? bbox, string? limit, string? cursor, string? unassigned) =>
            {
                var filter = new SchoolFilter(
                    QueryParameters.Kato("region", region),
                    QueryParameters.Kato("district", district),
                    QueryParameters.Bbox(bbox),
                    QueryParameters.Flag("unassigned", unassigned),
                    DecodeCursor(cursor),
                    QueryParameters.Limit(limit, DefaultLimit, SchoolQueries.MaxLimit));
                var scope = http.CallerScope();
                if ((scope.RefuseSchoolLevel() ?? await scope.RefuseFiltersAsync(geography, filter.RegionKato, filter.DistrictKato, schoolLevel: true)) is { } refusal)
                    return refusal;

                var page = await schools.PageAsync(filter, scope);
                var links = new List<object>();
                if (page.LastCode is not null)
                {
                    var next = NextLink(http.Request, EncodeCursor(page.LastCode));
                    links.Add(new { rel = "next", type = GeographyEndpoints.GeoJson, href = next });
                    http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
                }
                var body = page.Features + ",\"numberReturned\":" + page.Returned + ",\"links\":" + JsonSerializer.Serialize(links) + "}";
                return Results.Text(body, GeographyEndpoints.GeoJson);
            })
            .WithTags("Geography")
            .WithSummary("Schools as GeoJSON points, filtered by region, district or bbox, paged by an opaque cursor; only those in the caller's scope.")
            .WithDescription("limit: 1–10,000 (default 1,000). The 'next' link (also in the Link header) continues the listing. " +
                             "unassigned=true lists schools that lie outside every district.")
            .Produces(StatusCodes.Status200OK, contentType: GeographyEndpoints.GeoJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string EncodeCursor(string code) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));

    private static string? DecodeCursor(string? cursor)
    {
        if (cursor is null) return null;
        string? code;
        try
        {
            code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (FormatException)
        {
            code = null;
        }
        return code is { Length: > 0 } && !TextInputGuard.HasControlCharacters(code)
            ? code
            : throw new QueryParameters.Invalid("cursor", "cursor must be a value taken from a 'next' link.");
    }

    private static string NextLink(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "cursor")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
