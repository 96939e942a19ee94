using RiskMap.Core.Access;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// One user per role for the demo, all with the published password <see cref="Password"/>. Created only together with
/// the demo data; a database without the demo has no default password. Display names are people's names, as real users'
/// are, so they read the same in every language; the header's role line (translated) says who they are.
/// </summary>
public sealed class DemoUsers(UserStore users, Passwords passwords)
{
    public const string Password = "riskmap-demo";

    public static readonly IReadOnlyList<(string Username, string DisplayName, Role Role, string? Scope)> All =
    [
        ("analyst", "Ержан Нұрланов", Role.Analyst, null),
        ("planner-75", "Айгерім Сейітова", Role.Planner, "750000000"),
        ("planner-71", "Данияр Омаров", Role.Planner, "710000000"),
        ("edu-75", "Сәуле Жақыпова", Role.Education, "750000000"),
        ("steward", "Гүлнар Ахметова", Role.Steward, null),
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
