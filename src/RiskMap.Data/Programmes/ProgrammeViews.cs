using RiskMap.Core.Indicators;

namespace RiskMap.Data.Programmes;

/// <summary>A name or text in the three languages.</summary>
public sealed record Names(string Kk, string Ru, string En);

public sealed record MeasureType(string Code, Names Name, Names DefaultForm);

public sealed record ProgrammeSummary(long Id, string RegionKato, Names RegionName, string Title, string StartQuarter, string EndQuarter, int Version,
    int Targets, int Measures, int DoneMeasures, int OverdueMeasures, string CreatedBy, DateTimeOffset UpdatedAt);

public sealed record ProgrammeDetail(long Id, string RegionKato, Names RegionName, string Title, string Description, string StartQuarter, string EndQuarter,
    DateOnly StartDate, int Version, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TargetView> Targets);

public sealed record TargetView(long Id, string Level, string Code, string RegionKato, string? DistrictKato, Names Name, int OverdueMeasures,
    IReadOnlyList<MeasureView> Measures);

/// <summary><c>Status</c> is what a reader sees (overdue past the deadline unless done); <c>RecordedStatus</c> what was stored.</summary>
public sealed record MeasureView(long Id, long TargetId, int Version, MeasureType Measure, string Responsible, string? FormOfCompletion, DateOnly Deadline,
    decimal FundingAmount, string FundingSource, string Status, string RecordedStatus, bool Overdue, IReadOnlyList<ProgressView> Progress);

public sealed record ProgressView(long Id, string Quarter, string Note, int? Percent, string? Status, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>What every check of a programme needs: its region and its first quarter.</summary>
public sealed record ProgrammeHead(string RegionKato, Quarter Start);

/// <summary>A unit that may be a target: where it lies and what it is called.</summary>
public sealed record UnitInfo(string Level, string Code, string RegionKato, string? DistrictKato, Names Name);

/// <summary>The outcome of a change guarded by a version: done (with the new version), stale (with the current one) or missing.</summary>
public enum WriteOutcome
{
    Done,
    Stale,
    Missing,
}

public sealed record VersionedWrite(WriteOutcome Outcome, int Version);
