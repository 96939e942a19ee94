using System.Text.RegularExpressions;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>An endpoint's route as the OpenAPI document spells its path: "/api/imports/batches/{id}" for "api/imports/batches/{id:long}/".</summary>
internal static partial class OpenApiRoutes
{
    public static string Path(string route) => "/" + RouteConstraint().Replace(route.Trim('/'), "}");

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
