using System.Security.Cryptography;
using Dapper;
using Npgsql;
using RiskMap.Core.Access;

namespace RiskMap.Data.Access;

/// <summary>Users, their password hashes, failed sign-ins and security stamps, in PostgreSQL.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    private sealed record Row(
        long Id, string Username, string DisplayName, string Role, string? ScopeRegion, string? ScopeDistrict, string PasswordHash,
        int FailedLogins, DateTime? LockedUntil, bool Disabled, DateTime CreatedAt, string SecurityStamp);

    private const string Columns = """
        id, username, display_name AS DisplayName, role, scope_region AS ScopeRegion, scope_district AS ScopeDistrict,
        password_hash AS PasswordHash, failed_logins AS FailedLogins, locked_until AS LockedUntil, disabled, created_at AS CreatedAt,
        security_stamp AS SecurityStamp
        """;

    private const string Select = "SELECT " + Columns + " FROM users";

    public async Task<UserAccount?> FindAsync(string username)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE username = @username", new { username = Normalise(username) });
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<UserView>> ListAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Row>(Select + " ORDER BY username")).Select(ToView).ToList();
    }

    /// <summary>Creates the user; a scope KATO is resolved to its region or district.</summary>
    /// <exception cref="UserRejectedException">The name is taken or malformed, or the scope does not fit the role.</exception>
    public async Task<UserView> CreateAsync(NewUser user)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var (region, district) = await ResolveScopeAsync(connection, user.Role, user.ScopeKato);
        try
        {
            var row = await connection.QuerySingleAsync<Row>("""
                INSERT INTO users (username, display_name, role, scope_region, scope_district, password_hash, security_stamp)
                VALUES (@username, @displayName, @role, @region, @district, @passwordHash, @stamp)
                """ + " RETURNING " + Columns, new { username = Normalise(user.Username), displayName = user.DisplayName, role = user.Role.ToCode(), region, district,
                    passwordHash = user.PasswordHash, stamp = NewStamp() });
            return ToView(row);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new UserRejectedException("username", $"There is already a user '{user.Username}'.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw new UserRejectedException("username", "A username is 2–63 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
    }

    private static async Task<(string? Region, string? District)> ResolveScopeAsync(NpgsqlConnection connection, Role role, string? kato)
    {
        if (!role.NeedsScope())
        {
            return kato is null ? (null, null) : throw new UserRejectedException("scope", $"A {role.ToCode()} works nationally; give no scope.");
        }
        if (kato is null) throw new UserRejectedException("scope", $"A {role.ToCode()} needs a scope: a region KATO{(role == Role.Education ? " or a district KATO" : "")}.");
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM regions WHERE kato = @kato)", new { kato })) return (kato, null);
        var region = await connection.ExecuteScalarAsync<string?>("SELECT region_kato FROM districts WHERE kato = @kato", new { kato });
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
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE username = @username FOR UPDATE",
            new { username = Normalise(username) }, transaction);
        if (before is null) return null;
        var role = change.Role ?? ToAccount(before).Role;
        var (region, district) = change.Role is null && change.ScopeKato is null
            ? (before.ScopeRegion, before.ScopeDistrict)
            : await ResolveScopeAsync(connection, role, change.ScopeKato);
        var disabled = change.Disabled ?? before.Disabled;
        var endsSessions = (disabled && !before.Disabled) || role.ToCode() != before.Role || region != before.ScopeRegion || district != before.ScopeDistrict;
        var after = await connection.QuerySingleAsync<Row>("""
            UPDATE users SET role = @role, scope_region = @region, scope_district = @district, disabled = @disabled,
                             failed_logins = CASE WHEN @enabling THEN 0 ELSE failed_logins END,
                             locked_until = CASE WHEN @enabling THEN NULL ELSE locked_until END,
                             security_stamp = CASE WHEN @endsSessions THEN @stamp ELSE security_stamp END
            WHERE id = @id
            """ + " RETURNING " + Columns, new { id = before.Id, role = role.ToCode(), region, district, disabled, enabling = change.Disabled == false, endsSessions, stamp = NewStamp() },
            transaction);
        await transaction.CommitAsync();
        return (ToView(before), ToView(after));
    }

    /// <summary>The security stamp the user's sessions must carry, or null when the user is gone or disabled.</summary>
    public async Task<string?> CurrentStampAsync(string username)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT security_stamp FROM users WHERE username = @username AND NOT disabled", new { username = Normalise(username) });
    }

    /// <summary>Ends every session and bearer token of the user (a new security stamp).</summary>
    public async Task EndSessionsAsync(string username)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE users SET security_stamp = @stamp WHERE username = @username",
            new { username = Normalise(username), stamp = NewStamp() });
    }

    public async Task SetPasswordAsync(string username, string passwordHash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var changed = await connection.ExecuteAsync(
            "UPDATE users SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL, security_stamp = @stamp WHERE username = @username",
            new { username = Normalise(username), passwordHash, stamp = NewStamp() });
        if (changed == 0) throw new UserRejectedException("username", $"There is no user '{username}'.");
    }

    /// <summary>
    /// Counts a failed sign-in; at the limit the account locks for a while and its sessions end. Returns when it is
    /// locked until, if it is.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(long id, int attemptsBeforeLockout, TimeSpan lockout)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>("""
            UPDATE users SET failed_logins = failed_logins + 1,
                             locked_until = CASE WHEN failed_logins + 1 >= @attemptsBeforeLockout THEN now() + @lockout ELSE locked_until END,
                             security_stamp = CASE WHEN failed_logins + 1 >= @attemptsBeforeLockout THEN @stamp ELSE security_stamp END
            WHERE id = @id RETURNING locked_until
            """, new { id, attemptsBeforeLockout, lockout, stamp = NewStamp() });
        return lockedUntil is { } until ? Utc(until) : null;
    }

    public async Task RecordSuccessAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id", new { id });
    }

    /// <summary>Usernames are stored in lower case: sign-in ignores case and surrounding spaces.</summary>
    private static string Normalise(string username) => username.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static UserAccount ToAccount(Row r) => new(
        r.Id, r.Username, r.DisplayName, Roles.TryParse(r.Role, out var role) ? role : throw new InvalidOperationException($"Unknown role '{r.Role}'."),
        r.ScopeRegion, r.ScopeDistrict, r.PasswordHash, r.FailedLogins, r.LockedUntil is { } until ? Utc(until) : null, r.Disabled, r.SecurityStamp);

    private static UserView ToView(Row r) => new(
        r.Id, r.Username, r.DisplayName, r.Role, r.ScopeRegion, r.ScopeDistrict, r.LockedUntil is { } until && Utc(until) > DateTimeOffset.UtcNow,
        r.Disabled, Utc(r.CreatedAt));
}

/// <summary>A user that cannot be created or changed as asked; <see cref="Field"/> says which input is wrong.</summary>
public sealed class UserRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
