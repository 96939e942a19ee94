using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskMap.Core.Access;
using RiskMap.Data.Model;

namespace RiskMap.Data.Access;

/// <summary>Users, their password hashes, failed sign-ins and security stamps, through the EF model.</summary>
public sealed class UserStore(IDbContextFactory<RiskMapDbContext> contexts)
{
    public async Task<UserAccount?> FindAsync(string username)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var name = Normalise(username);
        var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == name);
        return user is null ? null : ToAccount(user);
    }

    public async Task<IReadOnlyList<UserView>> ListAsync()
    {
        await using var context = await contexts.CreateDbContextAsync();
        return (await context.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync()).Select(ToView).ToList();
    }

    /// <summary>Creates the user; a scope KATO is resolved to its region or district.</summary>
    /// <exception cref="UserRejectedException">The name is taken or malformed, or the scope does not fit the role.</exception>
    public async Task<UserView> CreateAsync(NewUser user)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var (region, district) = await ResolveScopeAsync(context, user.Role, user.ScopeKato);
        var created = new User
        {
            Username = Normalise(user.Username), DisplayName = user.DisplayName, Role = user.Role.ToCode(), ScopeRegion = region, ScopeDistrict = district,
            PasswordHash = user.PasswordHash, SecurityStamp = NewStamp(),
        };
        context.Users.Add(created);
        try
        {
            await context.SaveChangesAsync();
            return ToView(created);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new UserRejectedException("username", $"There is already a user '{user.Username}'.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation })
        {
            throw new UserRejectedException("username", "A username is 2–63 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
    }

    private static async Task<(string? Region, string? District)> ResolveScopeAsync(RiskMapDbContext context, Role role, string? kato)
    {
        if (!role.NeedsScope())
        {
            return kato is null ? (null, null) : throw new UserRejectedException("scope", $"A {role.ToCode()} works nationally; give no scope.");
        }
        if (kato is null) throw new UserRejectedException("scope", $"A {role.ToCode()} needs a scope: a region KATO{(role == Role.Education ? " or a district KATO" : "")}.");
        if (await context.Regions.AnyAsync(r => r.Kato == kato)) return (kato, null);
        var region = await context.Districts.Where(d => d.Kato == kato).Select(d => d.RegionKato).SingleOrDefaultAsync();
        if (region is null) throw new UserRejectedException("scope", $"There is no region or district with KATO {kato}.");
        return role == Role.Education ? (region, kato) : throw new UserRejectedException("scope", "A planner's scope is a region.");
    }

    /// <summary>
    /// Applies the steward's change in one transaction. Disabling and a new role or scope end the user's sessions (a new
    /// security stamp); enabling also clears the lockout and the failed sign-ins.
    /// </summary>
    /// <returns>The user before and after, or null when there is no such user.</returns>
    /// <exception cref="UserRejectedException">The scope does not fit the role.</exception>
    public async Task<(UserView Before, UserView After)?> ChangeAsync(string username, UserChange change)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var name = Normalise(username);
        var user = await context.Users.FromSql($"SELECT * FROM users WHERE username = {name} FOR UPDATE").SingleOrDefaultAsync();
        if (user is null) return null;
        var before = ToView(user);
        var role = change.Role ?? ToAccount(user).Role;
        var (region, district) = change.Role is null && change.ScopeKato is null
            ? (user.ScopeRegion, user.ScopeDistrict)
            : await ResolveScopeAsync(context, role, change.ScopeKato);
        var disabled = change.Disabled ?? user.Disabled;
        var endsSessions = (disabled && !user.Disabled) || role.ToCode() != user.Role || region != user.ScopeRegion || district != user.ScopeDistrict;
        (user.Role, user.ScopeRegion, user.ScopeDistrict, user.Disabled) = (role.ToCode(), region, district, disabled);
        if (change.Disabled == false) (user.FailedLogins, user.LockedUntil) = (0, null);
        if (endsSessions) user.SecurityStamp = NewStamp();
        await context.SaveChangesAsync();
        await transaction.CommitAsync();
        return (before, ToView(user));
    }

    /// <summary>The security stamp the user's sessions must carry, or null when the user is gone or disabled.</summary>
    public async Task<string?> CurrentStampAsync(string username)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var name = Normalise(username);
        return await context.Users.Where(u => u.Username == name && !u.Disabled).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
    }

    /// <summary>Ends every session and bearer token of the user (a new security stamp).</summary>
    public async Task EndSessionsAsync(string username)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var (name, stamp) = (Normalise(username), NewStamp());
        await context.Users.Where(u => u.Username == name).ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, stamp));
    }

    public async Task SetPasswordAsync(string username, string passwordHash)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var (name, stamp) = (Normalise(username), NewStamp());
        var changed = await context.Users.Where(u => u.Username == name).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.PasswordHash, passwordHash).SetProperty(u => u.FailedLogins, 0)
            .SetProperty(u => u.LockedUntil, (DateTime?)null).SetProperty(u => u.SecurityStamp, stamp));
        if (changed == 0) throw new UserRejectedException("username", $"There is no user '{username}'.");
    }

    /// <summary>
    /// Counts a failed sign-in; at the limit the account locks for a while and its sessions end. Returns when it is
    /// locked until, if it is.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(long id, int attemptsBeforeLockout, TimeSpan lockout)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var stamp = NewStamp();
        // One UPDATE counting from the stored figure, so failures arriving at once are all counted.
        await context.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1)
            .SetProperty(u => u.LockedUntil, u => u.FailedLogins + 1 >= attemptsBeforeLockout ? DateTime.UtcNow + lockout : u.LockedUntil)
            .SetProperty(u => u.SecurityStamp, u => u.FailedLogins + 1 >= attemptsBeforeLockout ? stamp : u.SecurityStamp));
        var lockedUntil = await context.Users.Where(u => u.Id == id).Select(u => u.LockedUntil).SingleOrDefaultAsync();
        await transaction.CommitAsync();
        return lockedUntil is { } until ? Utc(until) : null;
    }

    public async Task RecordSuccessAsync(long id)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await context.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.LockedUntil, (DateTime?)null));
    }

    /// <summary>Usernames are stored in lower case: sign-in ignores case and surrounding spaces.</summary>
    private static string Normalise(string username) => username.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static UserAccount ToAccount(User u) => new(
        u.Id, u.Username, u.DisplayName, Roles.TryParse(u.Role, out var role) ? role : throw new InvalidOperationException($"Unknown role '{u.Role}'."),
        u.ScopeRegion, u.ScopeDistrict, u.PasswordHash, u.FailedLogins, u.LockedUntil is { } until ? Utc(until) : null, u.Disabled, u.SecurityStamp);

    private static UserView ToView(User u) => new(
        u.Id, u.Username, u.DisplayName, u.Role, u.ScopeRegion, u.ScopeDistrict, u.LockedUntil is { } until && Utc(until) > DateTimeOffset.UtcNow,
        u.Disabled, Utc(u.CreatedAt));
}

/// <summary>A user that cannot be created or changed as asked; <see cref="Field"/> says which input is wrong.</summary>
public sealed class UserRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
