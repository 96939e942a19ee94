using RiskMap.Core.Access;
using RiskMap.Core.Text;
using RiskMap.Data.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Access;

/// <summary>The data steward's user administration: listing, creating, disabling and re-scoping users.</summary>
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

        users.MapPatch("/{username}", async (HttpContext http, string username, UserChangeRequest request, UserAdministration administration) =>
            {
                var steward = http.CallerScope().User;
                try
                {
                    var changed = await administration.ChangeAsync(username, request,
                        new ChangedBy(steward, Role.Steward.ToCode(), steward, AccessSetup.ClientAddress(http), "api"));
                    return changed is null ? ApiProblems.NotFound("user", $"There is no user '{username}'.") : Results.Ok(changed);
                }
                catch (UserRejectedException e)
                {
                    return ApiProblems.BadParameter(e.Field, e.Message);
                }
                catch (OwnAccountException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Own account", detail: e.Message,
                        extensions: new Dictionary<string, object?> { ["code"] = "own-account" });
                }
            })
            .WithSummary("Disables or enables a user, or changes their role and scope (data steward).")
            .WithDescription("Body: any of disabled (true/false), role, scope (a KATO). A new role takes the scope given with it (none for analyst " +
                             "and steward); a scope alone keeps the role. Disabling and a new role or scope end all of the user's sessions and " +
                             "bearer tokens at their next request; the user signs in again to get the new scope. Enabling also clears a lockout. " +
                             "Each change is audited (user-disabled, user-enabled, user-role-changed). A steward cannot disable themself or give " +
                             "up their own steward role (409). Unknown user: 404; a wrong role or scope: 400 naming it, and nothing changes.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
