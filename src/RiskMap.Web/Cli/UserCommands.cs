using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Cli;

/// <summary>
/// <c>users list</c>, <c>users add NAME --role R [--scope KATO] [--display-name TEXT]</c>, <c>users password NAME</c>,
/// <c>users disable NAME</c>, <c>users enable NAME</c> and <c>users set-role NAME --role R [--scope KATO]</c>; the password is
/// read from standard input (one line), never from the command line. A password, role or scope change and disabling end
/// the user's sessions at once.
/// </summary>
internal static class UserCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments arguments)
    {
        var store = services.GetRequiredService<UserStore>();
        var passwords = new Passwords();
        var name = arguments.Words.ElementAtOrDefault(2);
        try
        {
            switch (arguments.Words.ElementAtOrDefault(1))
            {
                case "list":
                    foreach (var user in await store.ListAsync())
                        Console.WriteLine($"{user.Username,-20} {user.Role,-10} {user.ScopeDistrict ?? user.ScopeRegion ?? "national",-10} {(user.Disabled ? "disabled " : "")}{(user.Locked ? "locked" : "")}".TrimEnd());
                    return 0;
                case "add" when name is not null:
                    if (!Roles.TryParse(arguments.Option("role"), out var role))
                        return Fail("--role must be analyst, planner, education or steward.");
                    var password = await ReadPasswordAsync();
                    if (Passwords.Weakness(password) is { } weakness) return Fail(weakness);
                    var created = await store.CreateAsync(new NewUser(name, arguments.Option("display-name") ?? name, role, arguments.Option("scope"), passwords.Hash(password)));
                    Console.WriteLine($"Created {created.Role} '{created.Username}' ({created.ScopeDistrict ?? created.ScopeRegion ?? "national"}).");
                    return 0;
                case "password" when name is not null:
                    var newPassword = await ReadPasswordAsync();
                    if (Passwords.Weakness(newPassword) is { } weak) return Fail(weak);
                    await store.SetPasswordAsync(name, passwords.Hash(newPassword));
                    Console.WriteLine($"Password of '{name}' changed; its failed sign-ins are cleared and its sessions ended.");
                    return 0;
                case "disable" when name is not null:
                    return await ChangeAsync(services, name, new UserChangeRequest(true, null, null));
                case "enable" when name is not null:
                    return await ChangeAsync(services, name, new UserChangeRequest(false, null, null));
                case "set-role" when name is not null:
                    if (arguments.Option("role") is not { } newRole) return Fail("--role must be analyst, planner, education or steward.");
                    return await ChangeAsync(services, name, new UserChangeRequest(null, newRole, arguments.Option("scope")));
                default:
                    return Fail("use: users list | users add NAME --role ROLE [--scope KATO] [--display-name TEXT] | users password NAME (password on standard input)" +
                                " | users disable NAME | users enable NAME | users set-role NAME --role ROLE [--scope KATO]");
            }
        }
        catch (UserRejectedException e)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>The change as the API makes it (same checks, same audit entries), by the operating-system user of the command line.</summary>
    private static async Task<int> ChangeAsync(IServiceProvider services, string name, UserChangeRequest request)
    {
        var administration = new UserAdministration(services.GetRequiredService<UserStore>(), services.GetRequiredService<AuditLog>());
        var user = await administration.ChangeAsync(name, request, new ChangedBy($"cli:{Environment.UserName}", null, null, null, "cli"));
        if (user is null) return Fail($"There is no user '{name}'.");
        Console.WriteLine($"'{user.Username}': {user.Role} ({user.ScopeDistrict ?? user.ScopeRegion ?? "national"}), {(user.Disabled ? "disabled" : "enabled")}" +
                          $"{(user.Locked ? ", locked" : "")}.");
        return 0;
    }

    private static async Task<string> ReadPasswordAsync()
    {
        if (!Console.IsInputRedirected) Console.Error.Write("Password: ");
        return (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
