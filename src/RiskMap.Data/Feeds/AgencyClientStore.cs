using Dapper;
using Npgsql;
using RiskMap.Core.Feeds;
using RiskMap.Data.Access;

namespace RiskMap.Data.Feeds;

/// <summary>One of a client's keys as the steward sees it: never its secret.</summary>
public sealed record AgencyKey(long Id, string PublicId, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt);

/// <summary>An agency client: what it may write (indicator codes, region KATO codes) and its keys, newest first.</summary>
public sealed record AgencyClient(long Id, string Name, string Description, IReadOnlyList<string> Indicators, IReadOnlyList<string> Regions,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<AgencyKey> Keys)
{
    public DateTimeOffset? LastUsedAt => Keys.Max(k => k.LastUsedAt);
}

/// <summary>A client that sent a key in force: who it is and which key it used.</summary>
public sealed record AgencyCaller(long ClientId, string Name, long KeyId);

/// <summary>The indicators and regions a client may write.</summary>
public sealed record FeedPermissions(IReadOnlySet<string> Indicators, IReadOnlySet<string> Regions);

/// <summary>
/// The data steward's agency clients and their API keys. Every change is audited in its own transaction, as user
/// administration is. A key is looked up on every request (no cache), so a revocation or expiry holds from the next one.
/// </summary>
public sealed class AgencyClientStore(NpgsqlDataSource dataSource)
{
    /// <summary>How long the last use of a key may lag: a busy client's requests do not each write its key's row.</summary>
    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(1);

    // A class, not a positional record: Dapper matches constructors by the reader's field types, which say Array for text[].
    private sealed class ClientRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] Indicators { get; init; } = [];
        public string[] Regions { get; init; } = [];
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAt { get; init; }
    }

    private sealed record KeyRow(long Id, long ClientId, string PublicId, string CreatedBy, DateTime CreatedAt, DateTime ExpiresAt,
        DateTime? RevokedAt, string? RevokedBy, DateTime? LastUsedAt)
    {
        public AgencyKey ToKey() => new(Id, PublicId, CreatedBy, Utc(CreatedAt), Utc(ExpiresAt), RevokedAt is { } r ? Utc(r) : null, RevokedBy,
            LastUsedAt is { } u ? Utc(u) : null);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>The indicator codes and region KATO codes of the lists that the database does not know.</summary>
    public async Task<(IReadOnlyList<string> Indicators, IReadOnlyList<string> Regions)> UnknownAsync(IReadOnlyList<string> indicators, IReadOnlyList<string> regions)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var knownIndicators = (await connection.QueryAsync<string>("SELECT code FROM indicators WHERE code = ANY(@indicators)", new { indicators = indicators.ToArray() })).ToHashSet();
        var knownRegions = (await connection.QueryAsync<string>("SELECT trim(kato) FROM regions WHERE kato = ANY(@regions)", new { regions = regions.ToArray() })).ToHashSet();
        return ([.. indicators.Where(i => !knownIndicators.Contains(i))], [.. regions.Where(r => !knownRegions.Contains(r))]);
    }

    /// <summary>Registers a client with its first key; null when the name is taken.</summary>
    public async Task<(AgencyClient Client, ApiKey Key)?> RegisterAsync(string name, string description, IReadOnlyList<string> indicators,
        IReadOnlyList<string> regions, DateTimeOffset expiresAt, string createdBy, Func<long, AuditEntry> audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await connection.ExecuteScalarAsync<long?>("""
            INSERT INTO agency_clients (name, description, indicators, regions, created_by)
            VALUES (@name, @description, @indicators, @regions, @createdBy) ON CONFLICT (name) DO NOTHING RETURNING id
            """, new { name, description, indicators = indicators.ToArray(), regions = regions.ToArray(), createdBy }, transaction);
        if (id is not { } clientId) return null;
        var key = await InsertKeyAsync(connection, transaction, clientId, expiresAt, createdBy);
        await AuditLog.WriteAsync(audit(clientId), connection, transaction);
        await transaction.CommitAsync();
        return ((await FindAsync(clientId))!, key);
    }

    /// <summary>
    /// Changes what a client may write and its description (a null field stays as it is), audited with what it was and
    /// is; the next batch the client pushes is checked against the new permissions. Null when there is no such client.
    /// </summary>
    public async Task<AgencyClient?> ChangeAsync(long clientId, string? description, IReadOnlyList<string>? indicators, IReadOnlyList<string>? regions,
        Func<AgencyClient, AgencyClient, AuditEntry> audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await connection.QuerySingleOrDefaultAsync<ClientRow>($"{Clients} WHERE id = @clientId FOR UPDATE", new { clientId }, transaction);
        if (before is null) return null;
        await connection.ExecuteAsync("""
            UPDATE agency_clients SET description = COALESCE(@description, description), indicators = COALESCE(@indicators, indicators),
                                      regions = COALESCE(@regions, regions)
            WHERE id = @clientId
            """, new { clientId, description, indicators = indicators?.ToArray(), regions = regions?.ToArray() }, transaction);
        var after = await connection.QuerySingleAsync<ClientRow>($"{Clients} WHERE id = @clientId", new { clientId }, transaction);
        await AuditLog.WriteAsync(audit(ToClient(before, []), ToClient(after, [])), connection, transaction);
        await transaction.CommitAsync();
        return await FindAsync(clientId);
    }

    /// <summary>
    /// Issues a new key. With <paramref name="replaces"/>, a rotation: the old key stays in force until
    /// <paramref name="overlapUntil"/> (or its own expiry, if sooner), so the client can switch without a gap. Null when
    /// the client, or the replaced key among its keys in force, does not exist.
    /// </summary>
    public async Task<ApiKey?> IssueKeyAsync(long clientId, DateTimeOffset expiresAt, long? replaces, DateTimeOffset overlapUntil, string createdBy, AuditEntry audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM agency_clients WHERE id = @clientId FOR UPDATE", new { clientId }, transaction) is null) return null;
        if (replaces is { } old && await connection.ExecuteAsync("""
                UPDATE agency_client_keys SET expires_at = least(expires_at, @overlapUntil)
                WHERE id = @old AND client_id = @clientId AND revoked_at IS NULL AND expires_at > now()
                """, new { old, clientId, overlapUntil }, transaction) == 0)
            return null;
        var key = await InsertKeyAsync(connection, transaction, clientId, expiresAt, createdBy);
        await AuditLog.WriteAsync(audit, connection, transaction);
        await transaction.CommitAsync();
        return key;
    }

    /// <summary>Revokes a key of the client from the next request on; false when there is no such key in force.</summary>
    public async Task<bool> RevokeKeyAsync(long clientId, long keyId, string revokedBy, AuditEntry audit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var revoked = await connection.ExecuteAsync("""
            UPDATE agency_client_keys SET revoked_at = now(), revoked_by = @revokedBy
            WHERE id = @keyId AND client_id = @clientId AND revoked_at IS NULL
            """, new { clientId, keyId, revokedBy }, transaction);
        if (revoked == 0) return false;
        await AuditLog.WriteAsync(audit, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }

    public async Task<IReadOnlyList<AgencyClient>> ListAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var clients = await connection.QueryAsync<ClientRow>($"{Clients} ORDER BY name");
        var keys = (await connection.QueryAsync<KeyRow>($"{Keys} ORDER BY id DESC")).ToLookup(k => k.ClientId);
        return [.. clients.Select(c => ToClient(c, keys[c.Id]))];
    }

    public async Task<AgencyClient?> FindAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var client = await connection.QuerySingleOrDefaultAsync<ClientRow>($"{Clients} WHERE id = @id", new { id });
        return client is null ? null : ToClient(client, await connection.QueryAsync<KeyRow>($"{Keys} WHERE client_id = @id ORDER BY id DESC", new { id }));
    }

    /// <summary>The client of a key in force (not revoked, not expired) whose secret matches; its last use is recorded.</summary>
    public async Task<AgencyCaller?> AuthenticateAsync(ApiKey key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var found = await connection.QuerySingleOrDefaultAsync<(long KeyId, long ClientId, string Name, byte[] Hash)>("""
            SELECT k.id, k.client_id, c.name, k.secret_sha256 FROM agency_client_keys k JOIN agency_clients c ON c.id = k.client_id
            WHERE k.public_id = @PublicId AND k.revoked_at IS NULL AND k.expires_at > now()
            """, new { key.PublicId });
        if (found.Hash is null || !key.Matches(found.Hash)) return null;
        await connection.ExecuteAsync("""
            UPDATE agency_client_keys SET last_used_at = now()
            WHERE id = @KeyId AND (last_used_at IS NULL OR last_used_at < now() - @granularity)
            """, new { found.KeyId, granularity = LastUseGranularity });
        return new AgencyCaller(found.ClientId, found.Name, found.KeyId);
    }

    /// <summary>What the client may write, read afresh for each batch so a change holds from the next one.</summary>
    public async Task<FeedPermissions> PermissionsAsync(long clientId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var client = await connection.QuerySingleAsync<ClientRow>($"{Clients} WHERE id = @clientId", new { clientId });
        return new FeedPermissions(client.Indicators.ToHashSet(), client.Regions.ToHashSet());
    }

    private const string Clients =
        "SELECT id, name, description, indicators, regions, created_by AS CreatedBy, created_at AS CreatedAt FROM agency_clients";

    private const string Keys = """
        SELECT id, client_id AS ClientId, public_id AS PublicId, created_by AS CreatedBy, created_at AS CreatedAt, expires_at AS ExpiresAt,
               revoked_at AS RevokedAt, revoked_by AS RevokedBy, last_used_at AS LastUsedAt
        FROM agency_client_keys
        """;

    private static AgencyClient ToClient(ClientRow c, IEnumerable<KeyRow> keys) =>
        new(c.Id, c.Name, c.Description, c.Indicators, c.Regions, c.CreatedBy, Utc(c.CreatedAt), [.. keys.Select(k => k.ToKey())]);

    private static async Task<ApiKey> InsertKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clientId, DateTimeOffset expiresAt, string createdBy)
    {
        var key = ApiKey.Generate();
        await connection.ExecuteAsync("""
            INSERT INTO agency_client_keys (client_id, public_id, secret_sha256, created_by, expires_at)
            VALUES (@clientId, @PublicId, @hash, @createdBy, @expiresAt)
            """, new { clientId, key.PublicId, hash = key.SecretHash(), createdBy, expiresAt }, transaction);
        return key;
    }
}
