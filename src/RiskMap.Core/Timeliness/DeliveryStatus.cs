namespace RiskMap.Core.Timeliness;

/// <summary>Where one expected delivery (a source's indicator for a region and quarter) stands (docs/data-delivery.md).</summary>
public enum DeliveryStatus
{
    /// <summary>Nothing has arrived and the due date has not passed.</summary>
    Due,

    /// <summary>The first values arrived on or before the due date.</summary>
    Received,

    /// <summary>The first values arrived after the due date.</summary>
    Late,

    /// <summary>The due date has passed and nothing has arrived.</summary>
    Missing,
}

public static class DeliveryStatuses
{
    public static string ToCode(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Due => "due",
        DeliveryStatus.Received => "received",
        DeliveryStatus.Late => "late",
        DeliveryStatus.Missing => "missing",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? code, out DeliveryStatus status)
    {
        foreach (var candidate in Enum.GetValues<DeliveryStatus>())
        {
            if (candidate.ToCode() != code) continue;
            status = candidate;
            return true;
        }
        status = default;
        return false;
    }
}
