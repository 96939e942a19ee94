using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Hosting.OpenApi;

/// <summary>Declares how callers authenticate: the web UI's session cookie, bearer tokens, and the machine clients' API key.</summary>
internal sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public static readonly IReadOnlyDictionary<string, OpenApiSecurityScheme> Declared = new Dictionary<string, OpenApiSecurityScheme>
    {
        [AccessSetup.CookieScheme] = new()
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AccessSetup.SessionCookie,
            Description = "The web UI's session cookie from POST /api/auth/login. Changes made with it need the X-CSRF-TOKEN header from GET /api/auth/me.",
        },
        [AccessSetup.BearerScheme] = new()
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A token from POST /api/auth/token, sent as 'Authorization: Bearer …'.",
        },
        [AccessSetup.MachineClientScheme] = new()
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AccessSetup.MachineClientHeader,
            Description = "An agency system's key, for the endpoints that accept machine clients.",
        },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in Declared) document.Components.SecuritySchemes[name] = scheme;
        return Task.CompletedTask;
    }
}
