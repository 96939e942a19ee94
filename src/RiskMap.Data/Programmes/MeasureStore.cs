using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskMap.Core.Programmes;
using RiskMap.Data.Model;

namespace RiskMap.Data.Programmes;

/// <summary>The measure catalogue, the measures assigned to targets, and their progress reports; changed through the EF model.</summary>
public sealed class MeasureStore(NpgsqlDataSource dataSource, IDbContextFactory<RiskMapDbContext> contexts)
{
    public sealed record MeasureFields(string Responsible, string? FormOfCompletion, DateOnly Deadline, decimal FundingAmount, string FundingSource, MeasureStatus Status);

    private sealed record CatalogueRow(string Code, string NameKk, string NameRu, string NameEn, string FormKk, string FormRu, string FormEn);

    private sealed record MeasureRow(long Id, long TargetId, int Version, string MeasureCode, string NameKk, string NameRu, string NameEn,
        string FormKk, string FormRu, string FormEn, string Responsible, string? FormOfCompletion, DateOnly Deadline, decimal FundingAmount,
        string FundingSource, string Status);

    private sealed record ProgressRow(long Id, long MeasureId, string Quarter, string Note, short? Percent, string? Status, string RecordedBy, DateTime RecordedAt);

    public async Task<IReadOnlyList<MeasureType>> CatalogueAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<CatalogueRow>("""
            SELECT code, name_kk AS NameKk, name_ru AS NameRu, name_en AS NameEn,
                   default_form_kk AS FormKk, default_form_ru AS FormRu, default_form_en AS FormEn
            FROM measure_catalogue ORDER BY sort_order
            """);
        return rows.Select(r => new MeasureType(r.Code, new Names(r.NameKk, r.NameRu, r.NameEn), new Names(r.FormKk, r.FormRu, r.FormEn))).ToList();
    }

    /// <summary>Whether the target belongs to the programme.</summary>
    public async Task<bool> TargetExistsAsync(long programmeId, long targetId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT FROM programme_targets WHERE id = @targetId AND programme_id = @programmeId)",
            new { programmeId, targetId });
    }

    public async Task<MeasureView?> FindAsync(long programmeId, long measureId, DateOnly today)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await ReadAsync(connection, "t.programme_id = @programmeId AND m.id = @measureId", new { programmeId, measureId }, today)).SingleOrDefault();
    }

    public async Task<long> AddAsync(long targetId, string measureCode, MeasureFields fields, string user)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var measure = new ProgrammeMeasure { TargetId = targetId, MeasureCode = measureCode, CreatedBy = user };
        Apply(measure, fields);
        context.ProgrammeMeasures.Add(measure);
        await context.SaveChangesAsync();
        return measure.Id;
    }

    public async Task<VersionedWrite> UpdateAsync(long programmeId, long measureId, int expectedVersion, MeasureFields fields)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var measure = await InProgramme(context, programmeId, measureId).SingleOrDefaultAsync();
        if (VersionedSave.Refusal(measure?.Version, expectedVersion) is { } refused) return refused;
        Apply(measure!, fields);
        measure!.Version++;
        measure.UpdatedAt = DateTime.UtcNow;
        return await VersionedSave.SaveAsync(context, measure.Version, () => CurrentVersionAsync(programmeId, measureId));
    }

    public async Task<VersionedWrite> DeleteAsync(long programmeId, long measureId, int expectedVersion)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var measure = await InProgramme(context, programmeId, measureId).SingleOrDefaultAsync();
        if (VersionedSave.Refusal(measure?.Version, expectedVersion) is { } refused) return refused;
        context.ProgrammeMeasures.Remove(measure!);
        return await VersionedSave.SaveAsync(context, expectedVersion, () => CurrentVersionAsync(programmeId, measureId));
    }

    /// <summary>Adds a report; one that carries a status makes it the measure's, raising the measure's version.</summary>
    public async Task AddProgressAsync(long measureId, string quarter, string note, int? percent, MeasureStatus? status, string user)
    {
        await using var context = await contexts.CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var code = status?.ToCode();
        context.MeasureProgress.Add(new MeasureProgress
        {
            MeasureId = measureId, Quarter = quarter, Note = note, Percent = (short?)percent, Status = code, RecordedBy = user,
        });
        await context.SaveChangesAsync();
        // One UPDATE raising the version where it stands: a report is never refused for an edit made since it was written.
        if (code is not null)
            await context.ProgrammeMeasures.Where(m => m.Id == measureId).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, code).SetProperty(m => m.Version, m => m.Version + 1).SetProperty(m => m.UpdatedAt, DateTime.UtcNow));
        await transaction.CommitAsync();
    }

    /// <summary>Measures (with their catalogue entry and progress) of the targets the condition selects, in order.</summary>
    internal static async Task<IReadOnlyList<MeasureView>> ReadAsync(NpgsqlConnection connection, string condition, object parameters, DateOnly today)
    {
        var measures = (await connection.QueryAsync<MeasureRow>($"""
            SELECT m.id, m.target_id AS TargetId, m.version, m.measure_code AS MeasureCode, c.name_kk AS NameKk, c.name_ru AS NameRu, c.name_en AS NameEn,
                   c.default_form_kk AS FormKk, c.default_form_ru AS FormRu, c.default_form_en AS FormEn, m.responsible,
                   m.form_of_completion AS FormOfCompletion, m.deadline, m.funding_amount AS FundingAmount, m.funding_source AS FundingSource, m.status
            FROM programme_measures m JOIN programme_targets t ON t.id = m.target_id JOIN measure_catalogue c ON c.code = m.measure_code
            WHERE {condition} ORDER BY m.target_id, m.id
            """, parameters)).ToList();
        var ids = measures.Select(m => m.Id).ToArray();
        var progress = (await connection.QueryAsync<ProgressRow>("""
            SELECT id, measure_id AS MeasureId, quarter, note, percent, status, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM measure_progress WHERE measure_id = ANY(@ids) ORDER BY id
            """, new { ids })).ToLookup(p => p.MeasureId);
        return measures.Select(m =>
        {
            MeasureStatuses.TryParse(m.Status, out var recorded);
            var status = MeasureStatuses.Effective(recorded, m.Deadline, today);
            return new MeasureView(m.Id, m.TargetId, m.Version,
                new MeasureType(m.MeasureCode, new Names(m.NameKk, m.NameRu, m.NameEn), new Names(m.FormKk, m.FormRu, m.FormEn)),
                m.Responsible, m.FormOfCompletion, m.Deadline, m.FundingAmount, m.FundingSource, status.ToCode(), recorded.ToCode(),
                status == MeasureStatus.Overdue,
                progress[m.Id].Select(p => new ProgressView(p.Id, p.Quarter, p.Note, p.Percent, p.Status, p.RecordedBy, ProgrammeStore.Utc(p.RecordedAt))).ToList());
        }).ToList();
    }

    private static IQueryable<ProgrammeMeasure> InProgramme(RiskMapDbContext context, long programmeId, long measureId) =>
        context.ProgrammeMeasures.Where(m => m.Id == measureId && context.ProgrammeTargets.Any(t => t.Id == m.TargetId && t.ProgrammeId == programmeId));

    private async Task<int?> CurrentVersionAsync(long programmeId, long measureId)
    {
        await using var context = await contexts.CreateDbContextAsync();
        return await InProgramme(context, programmeId, measureId).Select(m => (int?)m.Version).SingleOrDefaultAsync();
    }

    private static void Apply(ProgrammeMeasure measure, MeasureFields fields)
    {
        measure.Responsible = fields.Responsible;
        measure.FormOfCompletion = fields.FormOfCompletion;
        measure.Deadline = fields.Deadline;
        measure.FundingAmount = fields.FundingAmount;
        measure.FundingSource = fields.FundingSource;
        measure.Status = fields.Status.ToCode();
    }
}
