using RiskMap.Core.Indicators;

namespace RiskMap.Core.Timeliness;

/// <summary>
/// The one rule of timeliness (docs/data-delivery.md): a quarter's values are due <see cref="DeliveryDays"/> days after
/// its last day, and a delivery is judged by the day its FIRST values arrived (Asia/Almaty), so a later correction of
/// values delivered on time does not make the quarter late.
/// </summary>
public static class DeliveryRule
{
    /// <summary>A quarter's data are on time when they arrive within this many days after its last day.</summary>
    public const int DeliveryDays = 45;

    public static DateOnly LastDay(Quarter quarter) => quarter.Next().FirstDay.AddDays(-1);

    /// <summary>The last day on which a quarter's data are on time.</summary>
    public static DateOnly DueDate(Quarter quarter) => LastDay(quarter).AddDays(DeliveryDays);

    /// <param name="firstArrival">The day (Asia/Almaty) the first values of the delivery arrived, or null when none have.</param>
    /// <param name="today">Today in Asia/Almaty.</param>
    public static DeliveryStatus Status(Quarter quarter, DateOnly? firstArrival, DateOnly today) => firstArrival switch
    {
        { } arrived when arrived <= DueDate(quarter) => DeliveryStatus.Received,
        not null => DeliveryStatus.Late,
        null when today > DueDate(quarter) => DeliveryStatus.Missing,
        null => DeliveryStatus.Due,
    };

    /// <summary>Whether a delivery is judged yet: it has arrived, or its due date has passed.</summary>
    public static bool Expected(DeliveryStatus status) => status != DeliveryStatus.Due;

    /// <summary>
    /// The share (0–100) of the units a delivery covers that have a value: a region's schools for an indicator observed
    /// at schools, its districts otherwise; null when the region has no such units.
    /// </summary>
    public static double? Completeness(int units, int withValue) => units == 0 ? null : 100.0 * withValue / units;
}
