using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>
/// Gives every operation its security requirement from the endpoint's own authorization metadata, so an endpoint added
/// later needs nothing more: one that requires authorization takes the schemes its authorization names (through
/// AuthenticationSchemes or its policy's), else the cookie or a bearer token; one that does not also answers anonymous
/// callers (an empty requirement), with what it shows depending on who signs in. Every operation may answer 401 (credentials
/// sent but refused are never taken for the public), and one that requires authorization 403 (a role without it).
/// </summary>
internal sealed class OperationSecurity(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    private static readonly string[] SignedIn = [AccessSetup.CookieScheme, AccessSetup.BearerScheme];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var requirements = new List<OpenApiSecurityRequirement>();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any()) requirements.Add(new OpenApiSecurityRequirement());
        var schemes = authorize.Count == 0 ? SignedIn : await NamedSchemesAsync(authorize, metadata.OfType<AuthorizationPolicy>());
        requirements.AddRange(schemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }));
        operation.Security = requirements;
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Sign-in required, or the credentials sent were refused (problem details)." });
        if (authorize.Count > 0) operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role may not do this (problem details)." });
    }

    private async Task<IReadOnlyList<string>> NamedSchemesAsync(IEnumerable<IAuthorizeData> authorize, IEnumerable<AuthorizationPolicy> inlinePolicies)
    {
        var named = new List<string>();
        foreach (var data in authorize)
        {
            named.AddRange(Split(data.AuthenticationSchemes));
            if (data.Policy is not null && await policies.GetPolicyAsync(data.Policy) is { } policy) named.AddRange(policy.AuthenticationSchemes);
        }
        named.AddRange(inlinePolicies.SelectMany(p => p.AuthenticationSchemes));
        var schemes = named.SelectMany(name => name == AccessSetup.EitherScheme ? SignedIn : [name]).Distinct().ToList();
        return schemes.Count == 0 ? SignedIn : schemes;
    }

    private static IEnumerable<string> Split(string? schemes) =>
        schemes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
