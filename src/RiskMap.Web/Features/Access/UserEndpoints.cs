using RiskMap.Core.Access;
using RiskMap.Core.Text;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>The data steward's user administration.</summary>
public static class UserEndpoints
{
    public sealed record UserRequest(string? Username, string? DisplayName, string? Role, string? Scope, string? Password);

    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Access").RequireAuthorization(AccessSetup.StewardPolicy);

        users.MapGet("/", async (UserStore store) => Results.Ok(await store.ListAsync()))
            .WithSummary("Every user with role, scope and whether the account is locked (data steward).")
            .Produces<IReadOnlyList<UserView>>();

        users.MapPost("/", async (HttpContext http, UserRequest request, UserStore store, Passwords passwords) =>
            {
                if (!Roles.TryParse(request.Role, out var role))
                    return ApiProblems.BadParameter("role", "role must be analyst, planner, education or steward.");
                if (string.IsNullOrWhiteSpace(request.Username)) return ApiProblems.BadParameter("username", "Give a username.");
                if (request.DisplayName is not null && !VisibleText.In(request.DisplayName)) return ApiProblems.BadParameter("displayName", "Give a display name with visible text, or none.");
                foreach (var (field, text) in new[] { ("username", request.Username), ("displayName", request.DisplayName), ("scope", request.Scope) })
                {
                    if (TextInputGuard.HasControlCharacters(text)) return ApiProblems.BadParameter(field, $"{field} holds control characters.");
                }
                if (Passwords.Weakness(request.Password ?? "") is { } weakness) return ApiProblems.BadParameter("password", weakness);
                try
                {
                    var created = await store.CreateAsync(new NewUser(request.Username, request.DisplayName ?? request.Username, role,
                        string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim(), passwords.Hash(request.Password!)));
                    await http.AuditAsync(AuditLog.Actions.UserCreated, created.Username,
                        new Dictionary<string, object?> { ["role"] = created.Role, ["scopeRegion"] = created.ScopeRegion, ["scopeDistrict"] = created.ScopeDistrict });
                    return Results.Created($"/api/users/{created.Username}", created);
                }
                catch (UserRejectedException e)
                {
                    return ApiProblems.BadParameter(e.Field, e.Message);
                }
            })
            .WithSummary("Creates a user (data steward): a planner needs a region KATO as scope, an education department a region or district KATO.")
            .Produces<UserView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
