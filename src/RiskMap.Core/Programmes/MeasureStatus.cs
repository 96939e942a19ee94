namespace RiskMap.Core.Programmes;

/// <summary>Where a measure stands. <see cref="Overdue"/> is never stored: it is derived from the deadline.</summary>
public enum MeasureStatus
{
    Planned,
    InProgress,
    Done,
    Overdue,
}

public static class MeasureStatuses
{
    public static string ToCode(this MeasureStatus status) => status switch
    {
        MeasureStatus.Planned => "planned",
        MeasureStatus.InProgress => "in_progress",
        MeasureStatus.Done => "done",
        MeasureStatus.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? text, out MeasureStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "planned": status = MeasureStatus.Planned; return true;
            case "in_progress": status = MeasureStatus.InProgress; return true;
            case "done": status = MeasureStatus.Done; return true;
            case "overdue": status = MeasureStatus.Overdue; return true;
            default: status = default; return false;
        }
    }

    /// <summary>What a reader sees: a measure not done by its deadline is overdue, whatever was recorded.</summary>
    public static MeasureStatus Effective(MeasureStatus recorded, DateOnly deadline, DateOnly today) =>
        recorded != MeasureStatus.Done && deadline < today ? MeasureStatus.Overdue : recorded;
}
