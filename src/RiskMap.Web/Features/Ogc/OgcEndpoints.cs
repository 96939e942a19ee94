using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using RiskMap.Core.Indicators;
using RiskMap.Core.Geography;
using RiskMap.Data.Ogc;
using RiskMap.Data.Queries;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Ogc;

/// <summary>
/// OGC API – Features, Part 1 (Core, GeoJSON, HTML, OAS 3.0) under /ogc: regions, districts and schools with the
/// published scores. datetime picks the quarter of the scores: a quarter such as 2025Q3, a date or date-time, or an
/// interval (its end); without it, the latest quarter.
/// </summary>
public static class OgcEndpoints
{
    private const string GeoJson = "application/geo+json";
    private const string Json = "application/json";
    private const string Html = "text/html";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 10_000;
    private static readonly string[] ItemParameters = ["bbox", "limit", "offset", "datetime", "vintage", "f"];

    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ];

    public static void MapOgcEndpoints(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc").WithTags("OGC API – Features").AddEndpointFilter<InvalidParameterFilter>();

        ogc.MapGet("/", (HttpContext http, string? f) => Respond(http, f, "RiskMap", new JsonObject
        {
            ["title"] = "RiskMap",
            ["description"] = "Child-protection risk scores of Kazakhstan's regions, districts and schools (OGC API – Features).",
            ["links"] = Links(
                Link(http, "/ogc", "self", Json, "This document"),
                Link(http, "/ogc?f=html", "alternate", Html, "This document as HTML"),
                Link(http, "/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition"),
                Link(http, "/swagger/index.html", "service-doc", Html, "The API documentation"),
                Link(http, "/ogc/conformance", "conformance", Json, "Conformance classes"),
                Link(http, "/ogc/collections", "data", Json, "The collections")),
        })).WithSummary("OGC API landing page.");

        ogc.MapGet("/conformance", (HttpContext http, string? f) => Respond(http, f, "Conformance", new JsonObject
        {
            ["conformsTo"] = new JsonArray([.. ConformanceClasses.Select(c => JsonValue.Create(c))]),
        })).WithSummary("The conformance classes implemented: Core, GeoJSON, HTML, OpenAPI 3.0.");

        ogc.MapGet("/collections", async (HttpContext http, string? f, FeatureCollections collections, MapDataWatcher watcher) =>
        {
            var version = await watcher.CurrentAsync();
            var list = new JsonArray();
            var scope = http.CallerScope();
            foreach (var c in FeatureCollections.All.Where(c => c.Level != EntityLevel.School || scope.SeesDetail)) list.Add(await Collection(http, c, collections, version));
            return Respond(http, f, "Collections", new JsonObject
            {
                ["links"] = Links(Link(http, "/ogc/collections", "self", Json, "This document"), Link(http, "/ogc/collections?f=html", "alternate", Html, "As HTML")),
                ["collections"] = list,
            });
        }).WithSummary("The collections: regions, districts and, for callers who see school-level data, schools.");

        ogc.MapGet("/collections/{collectionId}", async (HttpContext http, string collectionId, string? f, FeatureCollections collections, MapDataWatcher watcher) =>
                Find(http, collectionId, out var c) is { } refusal ? refusal
                    : Respond(http, f, c!.Title, await Collection(http, c, collections, await watcher.CurrentAsync())))
            .WithSummary("One collection's description.");

        ogc.MapGet("/collections/{collectionId}/items", async (HttpContext http, string collectionId, string? bbox, string? limit, string? offset,
                string? datetime, string? vintage, string? f, FeatureCollections collections, GeographyQueries geography, MapDataWatcher watcher) =>
            {
                if (Find(http, collectionId, out var c) is { } refusal) return refusal;
                if (http.Request.Query.Keys.FirstOrDefault(k => !ItemParameters.Contains(k)) is { } unknown)
                    return ApiProblems.BadParameter(unknown, $"'{unknown}' is not a parameter of this operation; use {string.Join(", ", ItemParameters)}.");
                var year = QueryParameters.Vintage(vintage);
                if (year is not null && c!.Level == EntityLevel.School)
                    return ApiProblems.BadParameter("vintage", "vintage applies to the regions and districts; schools have none.");
                if (year is not null && !await geography.VintageExistsAsync(year.Value))
                    return ApiProblems.NotFound("vintage", $"No boundaries of vintage {year} have been imported.");
                var box = QueryParameters.Bbox(bbox);
                var take = QueryParameters.Limit(limit, DefaultLimit, MaxLimit);
                var skip = Offset(offset);
                var version = await watcher.CurrentAsync();
                var period = Period(datetime, version);

                var page = await collections.PageAsync(c!, box, take, skip, version.Run, period, http.CallerScope(), year);
                var path = $"/ogc/collections/{c!.Id}/items";
                var links = Links(
                    Link(http, With(http, path, skip, take, "json"), "self", GeoJson, "This page"),
                    Link(http, With(http, path, skip, take, "html"), "alternate", Html, "This page as HTML"));
                if (skip + page.Features.Count < page.NumberMatched)
                    links.Add(Link(http, With(http, path, skip + take, take, f), "next", f == "html" ? Html : GeoJson, "Next page"));
                if (skip > 0)
                    links.Add(Link(http, With(http, path, Math.Max(0, skip - take), take, f), "prev", f == "html" ? Html : GeoJson, "Previous page"));

                var collection = new JsonObject
                {
                    ["type"] = "FeatureCollection",
                    ["timeStamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["numberMatched"] = page.NumberMatched,
                    ["numberReturned"] = page.Features.Count,
                    ["features"] = new JsonArray([.. page.Features.Select(feature => JsonNode.Parse(feature))]),
                    ["links"] = links,
                };
                return Respond(http, f, c.Title, collection, GeoJson);
            })
            .WithSummary("The features of a collection: bbox (lon/lat), limit (default 10, at most 10,000), offset, datetime (the quarter of the scores), vintage.")
            .WithDescription("Regions and districts outside the caller's scope carry their class but no score or rank, and no class either " +
                             "(suppressed: true) with fewer pupils than Access:MinimumPupilsForClass; schools need a sign-in " +
                             "and only those in the caller's scope are listed. vintage (regions and districts only): the year of " +
                             "another boundary vintage (GET /api/vintages) for its units that are not retired, as imported and without " +
                             "scores (they are made on the current vintage's shapes); without it, or with the current one, the current " +
                             "vintage. 404 for a vintage never imported; 400 for a malformed one or on schools.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        ogc.MapGet("/collections/{collectionId}/items/{featureId}", async (HttpContext http, string collectionId, string featureId, string? datetime, string? f,
                FeatureCollections collections, SchoolQueries schools, MapDataWatcher watcher) =>
            {
                if (Find(http, collectionId, out var found) is { } refusal) return refusal;
                var c = found!;
                var version = await watcher.CurrentAsync();
                if (await collections.ItemAsync(c, featureId, version.Run, Period(datetime, version), http.CallerScope()) is not { } json)
                {
                    // As the REST profile answers: a school that exists but lies outside the scope is forbidden, not unknown.
                    return c.Level == EntityLevel.School && await schools.ExistsAsync(featureId)
                        ? ApiProblems.OutOfScope($"School {featureId} is outside your scope.")
                        : ApiProblems.NotFound("feature", $"There is no feature '{featureId}' in {c.Id}.");
                }
                var feature = JsonNode.Parse(json)!.AsObject();
                feature["links"] = Links(
                    Link(http, $"/ogc/collections/{c.Id}/items/{Uri.EscapeDataString(featureId)}", "self", GeoJson, "This feature"),
                    Link(http, $"/ogc/collections/{c.Id}/items/{Uri.EscapeDataString(featureId)}?f=html", "alternate", Html, "As HTML"),
                    Link(http, $"/ogc/collections/{c.Id}", "collection", Json, c.Title));
                return Respond(http, f, featureId, feature, GeoJson);
            })
            .WithSummary("One feature by its code.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The collection, or why the caller cannot have it: unknown (404) or school-level without the role (401/403).</summary>
    private static IResult? Find(HttpContext http, string id, out FeatureCollectionInfo? collection)
    {
        collection = FeatureCollections.Find(id);
        if (collection is null) return UnknownCollection(id);
        return collection.Level == EntityLevel.School ? http.CallerScope().RefuseSchoolLevel() : null;
    }

    private static IResult UnknownCollection(string id) =>
        ApiProblems.NotFound("collection", $"There is no collection '{id}'; use regions, districts or schools.");

    private static async Task<JsonObject> Collection(HttpContext http, FeatureCollectionInfo c, FeatureCollections collections, MapDataVersion version)
    {
        var periods = version.PeriodList;
        var temporal = periods.Count == 0 ? null : new JsonArray(new JsonArray(
            JsonValue.Create(QuarterStart(periods[0]).ToString("yyyy-MM-ddT00:00:00Z", CultureInfo.InvariantCulture)),
            JsonValue.Create(QuarterStart(periods[^1]).AddMonths(3).AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))));
        return new JsonObject
        {
            ["id"] = c.Id,
            ["title"] = c.Title,
            ["description"] = c.Description,
            ["itemType"] = "feature",
            ["crs"] = new JsonArray("http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
            ["extent"] = new JsonObject
            {
                ["spatial"] = new JsonObject
                {
                    ["bbox"] = new JsonArray(new JsonArray([.. (await collections.ExtentAsync(c)).Select(v => JsonValue.Create(Math.Round(v, 5)))])),
                    ["crs"] = "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                },
                ["temporal"] = temporal is null ? null : new JsonObject { ["interval"] = temporal, ["trs"] = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian" },
            },
            ["links"] = Links([
                Link(http, $"/ogc/collections/{c.Id}", "self", Json, c.Title),
                Link(http, $"/ogc/collections/{c.Id}/items", "items", GeoJson, $"{c.Title} as GeoJSON"),
                Link(http, $"/ogc/collections/{c.Id}/items?f=html", "items", Html, $"{c.Title} as HTML"),
                .. MapImageEndpoints.PngPath(c.Level) is { } image
                    ? [Link(http, image, MapImageEndpoints.MapRelation, MapImageEndpoints.Png, $"{c.Title} on a map image (PNG; .svg for SVG)")]
                    : Array.Empty<JsonObject>()]),
        };
    }

    private static IResult Respond(HttpContext http, string? f, string title, JsonObject document, string jsonType = Json)
    {
        var html = f switch
        {
            "html" => true,
            "json" => false,
            null => http.Request.Headers.Accept.ToString() is var accept && accept.Contains(Html, StringComparison.Ordinal)
                    && !accept.Contains(Json, StringComparison.Ordinal) && !accept.Contains(GeoJson, StringComparison.Ordinal),
            _ => throw new QueryParameters.Invalid("f", "f must be json or html."),
        };
        return html ? OgcHtml.Page(title, document) : Results.Text(document.ToJsonString(), jsonType);
    }

    private static JsonArray Links(params JsonObject[] links) => new([.. links]);

    private static JsonObject Link(HttpContext http, string path, string rel, string type, string title) => new()
    {
        ["href"] = http.RequestServices.GetRequiredService<PublicOrigin>().Url(path),
        ["rel"] = rel,
        ["type"] = type,
        ["title"] = title,
    };

    /// <summary>The same query with another offset (and representation).</summary>
    private static string With(HttpContext http, string path, int offset, int limit, string? f)
    {
        var query = http.Request.Query.Where(q => q.Key is not ("offset" or "limit" or "f"))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new("limit", limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("offset", offset.ToString(CultureInfo.InvariantCulture)));
        if (f is not null) query = query.Append(new("f", f));
        return QueryHelpers.AddQueryString(path, query);
    }

    private static int Offset(string? text) =>
        text is null ? 0
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new QueryParameters.Invalid("offset", "offset must be a whole number from 0.");

    private static DateTime QuarterStart(string period)
    {
        Quarter.TryParse(period, out var q);
        return new DateTime(q.Year, (q.Number - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>The quarter whose scores a datetime asks for; an interval asks for its end, an open end for the latest.</summary>
    private static string? Period(string? datetime, MapDataVersion version)
    {
        if (datetime is null) return version.LatestPeriod;
        var instant = datetime.Contains('/') ? datetime[(datetime.LastIndexOf('/') + 1)..] : datetime;
        if (instant is ".." or "") return version.LatestPeriod;
        if (!Quarter.TryParse(instant, out _) && DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            instant = new Quarter(at.UtcDateTime.Year, (at.UtcDateTime.Month - 1) / 3 + 1).ToString();
        else if (!Quarter.TryParse(instant, out _))
            throw new QueryParameters.Invalid("datetime", "datetime must be an RFC 3339 date or date-time, an interval, or a quarter such as 2025Q3.");
        return QueryParameters.PublishedQuarter("datetime", instant, version);
    }
}
