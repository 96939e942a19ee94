namespace RiskMap.Core.Timeliness;

/// <summary>One expected delivery: a source's indicator for a region and quarter, its status and its units with a value.</summary>
public sealed record DeliveryCell(string Source, string Indicator, string Region, string Period, DeliveryStatus Status, DateOnly? FirstArrival,
    DateOnly DueDate, int Units, int UnitsWithValue);

/// <summary>Counts of a group of deliveries by status, and their completeness over all their units.</summary>
public sealed record DeliverySummary(string Key, int Due, int Received, int Late, int Missing, int Units, int UnitsWithValue)
{
    /// <summary>Deliveries judged so far (received, late or missing).</summary>
    public int Expected => Received + Late + Missing;

    public double? Completeness => DeliveryRule.Completeness(Units, UnitsWithValue);

    public static DeliverySummary Of(string key, IEnumerable<DeliveryCell> cells)
    {
        var list = cells.ToList();
        int Count(DeliveryStatus status) => list.Count(c => c.Status == status);
        // Two sources expected for one indicator, region and quarter share its units: they are counted once.
        var units = list.DistinctBy(c => (c.Indicator, c.Region, c.Period)).ToList();
        return new DeliverySummary(key, Count(DeliveryStatus.Due), Count(DeliveryStatus.Received), Count(DeliveryStatus.Late),
            Count(DeliveryStatus.Missing), units.Sum(c => c.Units), units.Sum(c => c.UnitsWithValue));
    }

    public static IReadOnlyList<DeliverySummary> By(IEnumerable<DeliveryCell> cells, Func<DeliveryCell, string> key) =>
        cells.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g)).ToList();

    /// <summary>
    /// A region's quarter is on time for the rating when it is judged and every expected delivery of it was received
    /// on time; a quarter with nothing judged yet is not counted.
    /// </summary>
    public static bool? QuarterOnTime(IEnumerable<DeliveryCell> cellsOfQuarter)
    {
        var judged = cellsOfQuarter.Where(c => DeliveryRule.Expected(c.Status)).ToList();
        return judged.Count == 0 ? null : judged.All(c => c.Status == DeliveryStatus.Received);
    }
}
