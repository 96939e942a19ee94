using RiskMap.Core.Indicators;
using RiskMap.Core.Timeliness;

namespace RiskMap.Core.Tests.Timeliness;

public class DeliveryRuleTests
{
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public void A_quarter_is_due_45_days_after_its_last_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 14), DeliveryRule.DueDate(Q3));
        Assert.Equal(new DateOnly(2027, 2, 14), DeliveryRule.DueDate(new Quarter(2026, 4)));
        Assert.Equal(new DateOnly(2024, 5, 15), DeliveryRule.DueDate(new Quarter(2024, 1)));
    }

    [Theory]
    [InlineData("2026-10-02", "2026-12-01", DeliveryStatus.Received)]
    [InlineData("2026-11-14", "2026-12-01", DeliveryStatus.Received)]
    [InlineData("2026-11-15", "2026-12-01", DeliveryStatus.Late)]
    [InlineData(null, "2026-11-14", DeliveryStatus.Due)]
    [InlineData(null, "2026-11-15", DeliveryStatus.Missing)]
    [InlineData("2026-10-20", "2026-10-21", DeliveryStatus.Received)]
    public void A_delivery_is_judged_by_its_first_arrival_and_today(string? firstArrival, string today, DeliveryStatus expected) =>
        Assert.Equal(expected, DeliveryRule.Status(Q3, firstArrival is null ? null : DateOnly.Parse(firstArrival), DateOnly.Parse(today)));

    [Fact]
    public void Completeness_is_the_share_of_units_with_a_value()
    {
        Assert.Equal(75.0, DeliveryRule.Completeness(8, 6));
        Assert.Null(DeliveryRule.Completeness(0, 0));
    }

    [Fact]
    public void Summaries_count_each_status_and_pool_the_units()
    {
        var cells = new[]
        {
            Cell("a", DeliveryStatus.Received, 10, 9, "2026Q2"), Cell("a", DeliveryStatus.Late, 10, 10), Cell("b", DeliveryStatus.Missing, 10, 0),
            Cell("b", DeliveryStatus.Due, 10, 0, "2026Q4"),
        };
        var bySource = DeliverySummary.By(cells, c => c.Source);
        Assert.Equal(["a", "b"], bySource.Select(s => s.Key));
        Assert.Equal((0, 1, 1, 0, 2, 95.0), (bySource[0].Due, bySource[0].Received, bySource[0].Late, bySource[0].Missing, bySource[0].Expected, bySource[0].Completeness));
        Assert.Equal((1, 0, 0, 1, 1, 0.0), (bySource[1].Due, bySource[1].Received, bySource[1].Late, bySource[1].Missing, bySource[1].Expected, bySource[1].Completeness));
    }

    [Fact]
    public void A_quarter_is_on_time_for_the_rating_only_when_every_judged_delivery_was_received_on_time()
    {
        Assert.True(DeliverySummary.QuarterOnTime([Cell("a", DeliveryStatus.Received), Cell("b", DeliveryStatus.Due)]));
        Assert.False(DeliverySummary.QuarterOnTime([Cell("a", DeliveryStatus.Received), Cell("b", DeliveryStatus.Late)]));
        Assert.False(DeliverySummary.QuarterOnTime([Cell("a", DeliveryStatus.Received), Cell("b", DeliveryStatus.Missing)]));
        Assert.Null(DeliverySummary.QuarterOnTime([Cell("a", DeliveryStatus.Due)]));
    }

    [Fact]
    public void Status_codes_read_back()
    {
        foreach (var status in Enum.GetValues<DeliveryStatus>())
        {
            Assert.True(DeliveryStatuses.TryParse(status.ToCode(), out var read));
            Assert.Equal(status, read);
        }
        Assert.False(DeliveryStatuses.TryParse("lost", out _));
    }

    [Fact]
    public void Two_sources_of_one_indicator_region_and_quarter_count_its_units_once()
    {
        var summary = DeliverySummary.Of("750000000", [Cell("client:police-75", DeliveryStatus.Received, 8, 6), Cell("files", DeliveryStatus.Missing, 8, 6)]);
        Assert.Equal((2, 8, 6), (summary.Expected, summary.Units, summary.UnitsWithValue));
    }

    private static DeliveryCell Cell(string source, DeliveryStatus status, int units = 1, int withValue = 1, string period = "2026Q3") =>
        new(source, "suicides", "750000000", period, status, null, DeliveryRule.DueDate(Q3), units, withValue);
}
