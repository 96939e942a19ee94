using RiskMap.Core.Access;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// One user per role for the demo, all with the published password <see cref="Password"/>. Created only together with
/// the demo data; a database without the demo has no default password.
/// </summary>
public sealed class DemoUsers(UserStore users, Passwords passwords)
{
    public const string Password = "riskmap-demo";

    public static readonly IReadOnlyList<(string Username, string DisplayName, Role Role, string? Scope)> All =
    [
        ("analyst", "Ministry analyst (demo)", Role.Analyst, null),
        ("planner-75", "Almaty city akimat planner (demo)", Role.Planner, "750000000"),
        ("planner-71", "Astana akimat planner (demo)", Role.Planner, "710000000"),
        ("edu-75", "Almaty city education department (demo)", Role.Education, "750000000"),
        ("steward", "Data steward (demo)", Role.Steward, null),
    ];

    /// <returns>The demo users that were missing and are now created.</returns>
    public async Task<IReadOnlyList<string>> EnsureAsync()
    {
        var created = new List<string>();
        foreach (var (username, displayName, role, scope) in All)
        {
            if (await users.FindAsync(username) is not null) continue;
            await users.CreateAsync(new NewUser(username, displayName, role, scope, passwords.Hash(Password)));
            created.Add(username);
        }
        return created;
    }
}
