using System.Globalization;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Text;

namespace RiskMap.Core.Programmes;

/// <summary>A programme's own fields as sent (a PATCH is merged onto the stored programme first).</summary>
public sealed record ProgrammeDraft(string? Title, string? Description, string? StartQuarter, string? EndQuarter);

/// <summary>A measure assignment as sent (a PATCH is merged onto the stored measure first).</summary>
public sealed record MeasureDraft(string? MeasureCode, string? Responsible, string? FormOfCompletion, string? Deadline,
    decimal? FundingAmount, string? FundingSource, string? Status);

public sealed record ProgressDraft(string? Quarter, string? Note, int? Percent, string? Status);

/// <summary>Whether a unit can be a programme's target.</summary>
public enum TargetCheck
{
    Allowed,
    InvalidLevel,
    UnknownUnit,
    OutsideRegion,
}

/// <summary>
/// The rules of programmes: what a valid programme, measure and progress report is. Each check returns every refused
/// field at once, so a form can mark them all.
/// </summary>
public static class ProgrammeRules
{
    public const int TitleLength = 200;
    public const int DescriptionLength = 2000;
    public const int ResponsibleLength = 500;
    public const int FormLength = 300;
    public const int FundingSourceLength = 200;
    public const int NoteLength = 2000;

    /// <summary>Funding is numeric(15, 2) in tenge.</summary>
    public const decimal MaxFunding = 9_999_999_999_999.99m;

    public static IReadOnlyList<ProgrammeIssue> Check(ProgrammeDraft draft, DateOnly? earliestDeadline)
    {
        var issues = new List<ProgrammeIssue>();
        Text(issues, "title", draft.Title, TitleLength, required: true);
        Text(issues, "description", draft.Description, DescriptionLength, required: false);
        var start = QuarterField(issues, "startQuarter", draft.StartQuarter);
        var end = QuarterField(issues, "endQuarter", draft.EndQuarter);
        if (start is { } s && end is { } e && e.CompareTo(s) < 0)
            issues.Add(new ProgrammeIssue("endQuarter", ProgrammeProblem.EndBeforeStart, s.ToString()));
        if (start is { } first && earliestDeadline is { } deadline && deadline < first.FirstDay)
            issues.Add(new ProgrammeIssue("startQuarter", ProgrammeProblem.MeasuresBeforeStart, Iso(deadline)));
        return issues;
    }

    public static IReadOnlyList<ProgrammeIssue> Check(MeasureDraft draft, Quarter programmeStart, IReadOnlySet<string> catalogue)
    {
        var issues = new List<ProgrammeIssue>();
        if (string.IsNullOrWhiteSpace(draft.MeasureCode)) issues.Add(new ProgrammeIssue("measureCode", ProgrammeProblem.Required));
        else if (!catalogue.Contains(draft.MeasureCode)) issues.Add(new ProgrammeIssue("measureCode", ProgrammeProblem.UnknownMeasure, draft.MeasureCode));
        Text(issues, "responsible", draft.Responsible, ResponsibleLength, required: true);
        Text(issues, "formOfCompletion", draft.FormOfCompletion, FormLength, required: false);
        Text(issues, "fundingSource", draft.FundingSource, FundingSourceLength, required: true);
        if (draft.Deadline is null) issues.Add(new ProgrammeIssue("deadline", ProgrammeProblem.Required));
        else if (ParseDate(draft.Deadline) is not { } deadline) issues.Add(new ProgrammeIssue("deadline", ProgrammeProblem.InvalidDate));
        else if (deadline < programmeStart.FirstDay) issues.Add(new ProgrammeIssue("deadline", ProgrammeProblem.DeadlineBeforeStart, Iso(programmeStart.FirstDay)));
        switch (draft.FundingAmount)
        {
            case null: issues.Add(new ProgrammeIssue("fundingAmount", ProgrammeProblem.Required)); break;
            case < 0: issues.Add(new ProgrammeIssue("fundingAmount", ProgrammeProblem.NegativeFunding)); break;
            case > MaxFunding: issues.Add(new ProgrammeIssue("fundingAmount", ProgrammeProblem.FundingTooLarge)); break;
        }
        StatusField(issues, draft.Status);
        return issues;
    }

    public static IReadOnlyList<ProgrammeIssue> Check(ProgressDraft draft, Quarter programmeStart, DateOnly today)
    {
        var issues = new List<ProgrammeIssue>();
        if (QuarterField(issues, "quarter", draft.Quarter) is { } quarter)
        {
            if (quarter.CompareTo(programmeStart) < 0) issues.Add(new ProgrammeIssue("quarter", ProgrammeProblem.QuarterBeforeStart, programmeStart.ToString()));
            else if (quarter.CompareTo(Quarter.Of(today)) > 0) issues.Add(new ProgrammeIssue("quarter", ProgrammeProblem.QuarterInFuture, Quarter.Of(today).ToString()));
        }
        Text(issues, "note", draft.Note, NoteLength, required: true);
        if (draft.Percent is < 0 or > 100) issues.Add(new ProgrammeIssue("percent", ProgrammeProblem.PercentOutOfRange));
        StatusField(issues, draft.Status);
        return issues;
    }

    /// <summary>Targets are districts or schools, and must lie in the programme's region.</summary>
    public static TargetCheck CheckTarget(string? level, string? unitRegion, string programmeRegion) =>
        !EntityLevels.TryParse(level, out var parsed) || parsed == EntityLevel.Region ? TargetCheck.InvalidLevel
        : unitRegion is null ? TargetCheck.UnknownUnit
        : unitRegion != programmeRegion ? TargetCheck.OutsideRegion
        : TargetCheck.Allowed;

    /// <summary>A date written yyyy-MM-dd, or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Quarter? QuarterField(List<ProgrammeIssue> issues, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) issues.Add(new ProgrammeIssue(field, ProgrammeProblem.Required));
        else if (Quarter.TryParse(text, out var quarter)) return quarter;
        else issues.Add(new ProgrammeIssue(field, ProgrammeProblem.InvalidQuarter));
        return null;
    }

    // Clients send only what they may record: "overdue" follows from the deadline.
    private static void StatusField(List<ProgrammeIssue> issues, string? status)
    {
        if (status is null) return;
        if (!MeasureStatuses.TryParse(status, out var parsed)) issues.Add(new ProgrammeIssue("status", ProgrammeProblem.InvalidStatus));
        else if (parsed == MeasureStatus.Overdue) issues.Add(new ProgrammeIssue("status", ProgrammeProblem.StatusDerived));
    }

    private static void Text(List<ProgrammeIssue> issues, string field, string? text, int maxLength, bool required)
    {
        if (text?.Length > maxLength) issues.Add(new ProgrammeIssue(field, ProgrammeProblem.TooLong, maxLength.ToString(CultureInfo.InvariantCulture)));
        else if (ControlCharacters.In(text)) issues.Add(new ProgrammeIssue(field, ProgrammeProblem.ControlCharacters));
        else if (required && !VisibleText.In(text)) issues.Add(new ProgrammeIssue(field, ProgrammeProblem.Required));
    }
}
