using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// Gives every operation an operationId, so each endpoint added later has one without being named: the endpoint's
/// name where it has one (WithName, which ASP.NET Core already uses), else one derived from its method and route,
/// "getApiImportsBatchesById" for GET /api/imports/batches/{id}. Derived from the route, it changes only when the path does.
/// </summary>
internal sealed partial class OperationIds : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (string.IsNullOrEmpty(operation.OperationId) && description.HttpMethod is not null && description.RelativePath is not null)
            operation.OperationId = FromRoute(description.HttpMethod, description.RelativePath);
        return Task.CompletedTask;
    }

    public static string FromRoute(string method, string route)
    {
        var words = PathWord().Matches(OpenApiRoutes.Path(route)).Select(word =>
            word.Groups["parameter"].Success ? "By" + Capitalised(word.Groups["parameter"].Value) : Capitalised(word.Value));
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static string Capitalised(string word) => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    [GeneratedRegex(@"\{(?<parameter>[A-Za-z0-9]+)\}|[A-Za-z0-9]+")]
    private static partial Regex PathWord();
}
