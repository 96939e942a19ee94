using System.Globalization;
using RiskMap.Core.Access;
using RiskMap.Core.Indicators;
using RiskMap.Core.Timeliness;
using RiskMap.Data.Queries;
using RiskMap.Data.Timeliness;
using RiskMap.Web.Features.Programmes;

namespace RiskMap.Web.Features.DataDelivery;

/// <summary>
/// One expected delivery: source (client:NAME or files), indicator, region (KATO), period; status due, received, late or
/// missing; firstArrival the day (Asia/Almaty) its first values arrived; dueDate the last day on time; units the region's
/// schools (an indicator delivered for schools) or districts, unitsWithValue those with a stored value, completeness their
/// share in percent.
/// </summary>
public sealed record DeliveryCellView(string Source, string Indicator, string Region, string Period, string Status, DateOnly? FirstArrival,
    DateOnly DueDate, int Units, int UnitsWithValue, double? Completeness);

/// <summary>Counts of deliveries by status (expected = received + late + missing) and completeness over their units, for one key.</summary>
public sealed record DeliverySummaryView(string Key, int Due, int Received, int Late, int Missing, int Expected, int Units, int UnitsWithValue,
    double? Completeness);

public sealed record DeliveryIndicator(string Code, string NameKk, string NameRu, string NameEn);

/// <summary>
/// The timeliness and completeness of indicator data for the quarters from–to (today: the day judged on, Asia/Almaty;
/// dueDays: days after a quarter's end on which it is due), with the regions, indicators and sources in it, the cells, and
/// summaries by region, by source and by period.
/// </summary>
public sealed record DeliveryReport(string From, string To, DateOnly Today, int DueDays, IReadOnlyList<DeliveryRegion> Regions,
    IReadOnlyList<DeliveryIndicator> Indicators, IReadOnlyList<string> Sources, IReadOnlyList<DeliveryCellView> Cells,
    IReadOnlyList<DeliverySummaryView> ByRegion, IReadOnlyList<DeliverySummaryView> BySource, IReadOnlyList<DeliverySummaryView> ByPeriod);

/// <summary>Builds the delivery cells with the one rule of <see cref="DeliveryRule"/>: for the page, the API and the rating.</summary>
public sealed class DataDeliveryReport(DeliveryQueries queries, CatalogueQueries catalogue, ProgrammeClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The regions a caller reads deliveries of: every region for analysts and stewards, else the caller's region.</summary>
    public static IReadOnlyList<string>? RegionsOf(AccessScope scope) => scope.IsNational || scope.ManagesData ? null : [scope.RegionKato!];

    /// <summary>The quarters judged between from and to: none before the first quarter any data were delivered for.</summary>
    public async Task<IReadOnlyList<Quarter>> QuartersAsync(Quarter from, Quarter to)
    {
        if (!Quarter.TryParse(await queries.FirstPeriodAsync(), out var first)) return [];
        var quarters = new List<Quarter>();
        for (var q = from.CompareTo(first) < 0 ? first : from; q.CompareTo(to) <= 0; q = q.Next()) quarters.Add(q);
        return quarters;
    }

    public async Task<IReadOnlyList<DeliveryCell>> CellsAsync(IReadOnlyList<Quarter> quarters, IReadOnlyList<string>? regions, string? source = null,
        string? indicator = null)
    {
        if (quarters.Count == 0) return [];
        var today = clock.Today;
        var rows = await queries.CellsAsync([.. quarters.Select(q => q.ToString())], regions, source, indicator);
        return rows.Select(r =>
        {
            Quarter.TryParse(r.Period, out var quarter);
            DateOnly? arrived = r.FirstArrival is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            return new DeliveryCell(r.Source, r.Indicator, r.Region, r.Period, DeliveryRule.Status(quarter, arrived, today), arrived,
                DeliveryRule.DueDate(quarter), r.Units, r.UnitsWithValue);
        }).ToList();
    }

    public async Task<DeliveryReport> BuildAsync(Quarter from, Quarter to, IReadOnlyList<string>? regions, string? source, string? indicator)
    {
        var cells = await CellsAsync(await QuartersAsync(from, to), regions, source, indicator);
        var indicators = (await catalogue.IndicatorsAsync()).Where(i => indicator is null || i.Code == indicator)
            .Select(i => new DeliveryIndicator(i.Code, i.NameKk, i.NameRu, i.NameEn)).ToList();
        return new DeliveryReport(from.ToString(), to.ToString(), clock.Today, DeliveryRule.DeliveryDays, await queries.RegionsAsync(regions), indicators,
            [.. cells.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)],
            [.. cells.Select(c => new DeliveryCellView(c.Source, c.Indicator, c.Region, c.Period, c.Status.ToCode(), c.FirstArrival, c.DueDate, c.Units,
                c.UnitsWithValue, DeliveryRule.Completeness(c.Units, c.UnitsWithValue)))],
            Summaries(cells, c => c.Region), Summaries(cells, c => c.Source), Summaries(cells, c => c.Period));
    }

    private static List<DeliverySummaryView> Summaries(IEnumerable<DeliveryCell> cells, Func<DeliveryCell, string> key) =>
        [.. DeliverySummary.By(cells, key).Select(s => new DeliverySummaryView(s.Key, s.Due, s.Received, s.Late, s.Missing, s.Expected, s.Units,
            s.UnitsWithValue, s.Completeness))];
}
