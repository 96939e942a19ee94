using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskMap.Core.Indicators;
using RiskMap.Data.Model;

namespace RiskMap.Data.Programmes;

/// <summary>Programmes and their targets, read with their measures and progress; changed through the EF model.</summary>
public sealed class ProgrammeStore(NpgsqlDataSource dataSource, IDbContextFactory<RiskMapDbContext> contexts)
{
    public sealed record ProgrammeFields(string Title, string Description, string StartQuarter, string EndQuarter);

    private const string Units = """
        SELECT 'district' AS level, kato AS code, region_kato, kato AS district_kato, name_kk, name_ru, name_en FROM districts
        UNION ALL
        SELECT 'school', code, region_kato, district_kato, name_kk, name_ru, name_ru FROM schools WHERE region_kato IS NOT NULL
        """;

    private sealed record SummaryRow(long Id, string RegionKato, string NameKk, string NameRu, string NameEn, string Title, string StartQuarter,
        string EndQuarter, int Version, long Targets, long Measures, long DoneMeasures, long OverdueMeasures, string CreatedBy, DateTime UpdatedAt);

    private sealed record ProgrammeRow(long Id, string RegionKato, string NameKk, string NameRu, string NameEn, string Title, string Description,
        string StartQuarter, string EndQuarter, int Version, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt);

    private sealed record TargetRow(long Id, string Level, string Code, string? RegionKato, string? DistrictKato, string? NameKk, string? NameRu, string? NameEn);

    /// <param name="regionKato">null: every region's.</param>
    public async Task<IReadOnlyList<ProgrammeSummary>> ListAsync(string? regionKato, DateOnly today)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<SummaryRow>("""
            SELECT p.id, p.region_kato AS RegionKato, r.name_kk AS NameKk, r.name_ru AS NameRu, r.name_en AS NameEn, p.title,
                   p.start_quarter AS StartQuarter, p.end_quarter AS EndQuarter, p.version,
                   (SELECT count(*) FROM programme_targets t WHERE t.programme_id = p.id) AS Targets,
                   count(m.id) AS Measures,
                   count(m.id) FILTER (WHERE m.status = 'done') AS DoneMeasures,
                   count(m.id) FILTER (WHERE m.status <> 'done' AND m.deadline < @today) AS OverdueMeasures,
                   p.created_by AS CreatedBy, p.updated_at AS UpdatedAt
            FROM programmes p JOIN regions r ON r.kato = p.region_kato
            LEFT JOIN programme_targets t ON t.programme_id = p.id
            LEFT JOIN programme_measures m ON m.target_id = t.id
            WHERE @region::text IS NULL OR p.region_kato = @region
            GROUP BY p.id, r.kato
            ORDER BY p.id DESC
            """, new { region = regionKato, today = today.ToDateTime(TimeOnly.MinValue) });
        return rows.Select(r => new ProgrammeSummary(r.Id, r.RegionKato, new Names(r.NameKk, r.NameRu, r.NameEn), r.Title, r.StartQuarter, r.EndQuarter,
            r.Version, (int)r.Targets, (int)r.Measures, (int)r.DoneMeasures, (int)r.OverdueMeasures, r.CreatedBy, Utc(r.UpdatedAt))).ToList();
    }

    /// <summary>The programme's region and start, or null when there is no such programme.</summary>
    public async Task<ProgrammeHead?> HeadAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(string Region, string Start)>(
            "SELECT region_kato, start_quarter FROM programmes WHERE id = @id", new { id });
        return row.Region is null ? null : new ProgrammeHead(row.Region, Quarter.TryParse(row.Start, out var start) ? start : default);
    }

    public async Task<ProgrammeDetail?> FindAsync(long id, DateOnly today)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var p = await connection.QuerySingleOrDefaultAsync<ProgrammeRow>("""
            SELECT p.id, p.region_kato AS RegionKato, r.name_kk AS NameKk, r.name_ru AS NameRu, r.name_en AS NameEn, p.title, p.description,
                   p.start_quarter AS StartQuarter, p.end_quarter AS EndQuarter, p.version, p.created_by AS CreatedBy,
                   p.created_at AS CreatedAt, p.updated_at AS UpdatedAt
            FROM programmes p JOIN regions r ON r.kato = p.region_kato WHERE p.id = @id
            """, new { id });
        if (p is null) return null;
        var targets = await connection.QueryAsync<TargetRow>($"""
            SELECT t.id, t.level, t.code, u.region_kato AS RegionKato, u.district_kato AS DistrictKato, u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn
            FROM programme_targets t LEFT JOIN ({Units}) u ON u.level = t.level AND u.code = t.code
            WHERE t.programme_id = @id ORDER BY t.id
            """, new { id });
        var measures = (await MeasureStore.ReadAsync(connection, "t.programme_id = @id", new { id }, today)).ToLookup(m => m.TargetId);
        var views = targets.Select(t =>
        {
            var list = measures[t.Id].ToList();
            // A unit removed from the boundaries or school list since keeps its code as its name.
            return new TargetView(t.Id, t.Level, t.Code.Trim(), t.RegionKato ?? p.RegionKato, t.DistrictKato,
                new Names(t.NameKk ?? t.Code, t.NameRu ?? t.Code, t.NameEn ?? t.Code), list.Count(m => m.Overdue), list);
        }).ToList();
        return new ProgrammeDetail(p.Id, p.RegionKato, new Names(p.NameKk, p.NameRu, p.NameEn), p.Title, p.Description, p.StartQuarter, p.EndQuarter,
            Start(p.StartQuarter), p.Version, p.CreatedBy, Utc(p.CreatedAt), Utc(p.UpdatedAt), views);
    }

    public async Task<long> CreateAsync(string regionKato, ProgrammeFields fields, string user)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var programme = new Programme { RegionKato = regionKato, CreatedBy = user };
        Apply(programme, fields);
        context.Programmes.Add(programme);
        await context.SaveChangesAsync();
        return programme.Id;
    }

    public async Task<VersionedWrite> UpdateAsync(long id, int expectedVersion, ProgrammeFields fields)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var programme = await context.Programmes.SingleOrDefaultAsync(p => p.Id == id);
        if (VersionedSave.Refusal(programme?.Version, expectedVersion) is { } refused) return refused;
        Apply(programme!, fields);
        programme!.Version++;
        programme.UpdatedAt = DateTime.UtcNow;
        return await VersionedSave.SaveAsync(context, programme.Version, () => CurrentVersionAsync(id));
    }

    public async Task<VersionedWrite> DeleteAsync(long id, int expectedVersion)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var programme = await context.Programmes.SingleOrDefaultAsync(p => p.Id == id);
        if (VersionedSave.Refusal(programme?.Version, expectedVersion) is { } refused) return refused;
        // The database cascades to the targets, measures and progress (ON DELETE CASCADE).
        context.Programmes.Remove(programme!);
        return await VersionedSave.SaveAsync(context, expectedVersion, () => CurrentVersionAsync(id));
    }

    private async Task<int?> CurrentVersionAsync(long id)
    {
        await using var context = await contexts.CreateDbContextAsync();
        return await context.Programmes.Where(p => p.Id == id).Select(p => (int?)p.Version).SingleOrDefaultAsync();
    }

    private static void Apply(Programme programme, ProgrammeFields fields)
    {
        programme.Title = fields.Title;
        programme.Description = fields.Description;
        programme.StartQuarter = fields.StartQuarter;
        programme.EndQuarter = fields.EndQuarter;
    }

    /// <summary>The earliest deadline of the programme's measures: a new start may not come after it.</summary>
    public async Task<DateOnly?> EarliestDeadlineAsync(long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<DateOnly?>("""
            SELECT min(m.deadline) FROM programme_measures m JOIN programme_targets t ON t.id = m.target_id WHERE t.programme_id = @id
            """, new { id });
    }

    /// <summary>A district (KATO) or school (code) that exists, or null.</summary>
    public async Task<UnitInfo?> UnitAsync(string level, string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<TargetRow>($"""
            SELECT 0::bigint AS id, u.level, u.code, u.region_kato AS RegionKato, u.district_kato AS DistrictKato,
                   u.name_kk AS NameKk, u.name_ru AS NameRu, u.name_en AS NameEn
            FROM ({Units}) u WHERE u.level = @level AND u.code = @code
            """, new { level, code });
        return row is null ? null : new UnitInfo(row.Level, row.Code.Trim(), row.RegionKato!, row.DistrictKato, new Names(row.NameKk!, row.NameRu!, row.NameEn!));
    }

    /// <returns>The new target's id, or null when the unit is already a target of the programme.</returns>
    public async Task<long?> AddTargetAsync(long programmeId, string level, string code, string user)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var target = new ProgrammeTarget { ProgrammeId = programmeId, Level = level, Code = code, AddedBy = user };
        context.ProgrammeTargets.Add(target);
        try
        {
            await context.SaveChangesAsync();
            return target.Id;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return null;
        }
    }

    public async Task<bool> DeleteTargetAsync(long programmeId, long targetId)
    {
        await using var context = await contexts.CreateDbContextAsync();
        return await context.ProgrammeTargets.Where(t => t.Id == targetId && t.ProgrammeId == programmeId).ExecuteDeleteAsync() == 1;
    }

    /// <summary>Codes of the units of a level in a region that any programme targets (left out of comparison groups).</summary>
    public async Task<IReadOnlySet<string>> TargetedUnitsAsync(string level, string regionKato)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("""
            SELECT DISTINCT t.code FROM programme_targets t JOIN programmes p ON p.id = t.programme_id
            WHERE t.level = @level AND p.region_kato = @regionKato
            """, new { level, regionKato })).ToHashSet();
    }

    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static DateOnly Start(string quarter) => Quarter.TryParse(quarter, out var q) ? q.FirstDay : default;
}
