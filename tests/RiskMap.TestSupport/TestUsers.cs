using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;

namespace RiskMap.TestSupport;

/// <summary>The demo users (see <see cref="DemoUsers"/>) in any test database, and bearer tokens for them.</summary>
public static class TestUsers
{
    // Hashing is slow by design; one hash of the demo password serves every test database of the process.
    private static readonly Lazy<string> DemoPasswordHash = new(() => new Passwords().Hash(DemoUsers.Password));

    /// <summary>Creates the demo user where the database lacks it (scoped users need their region's boundaries).</summary>
    public static async Task EnsureAsync(TestDatabase database, string username)
    {
        var (_, displayName, role, scope) = DemoUsers.All.Single(u => u.Username == username);
        var users = database.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(username) is null)
            await users.CreateAsync(new NewUser(username, displayName, role, scope, DemoPasswordHash.Value));
    }

    /// <summary>Creates every demo user the database lacks, each with its own security stamp.</summary>
    public static async Task EnsureAllAsync(TestDatabase database)
    {
        foreach (var user in DemoUsers.All) await EnsureAsync(database, user.Username);
    }

    /// <summary>Asks the service for a token with the demo password.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string username)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static void UseToken(this HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A user that is never stored, for services whose database is down.</summary>
    public static UserAccount Unstored(Role role) => new(0, role.ToCode(), role.ToCode(), role, null, null, "", 0, null, false, "unstored");
}
