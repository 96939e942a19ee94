using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Rating;
using RiskMap.Core.Timeliness;
using RiskMap.Data.Timeliness;
using RiskMap.Web.Features.DataDelivery;

namespace RiskMap.Web.Features.Rating;

/// <summary>
/// The rating's data-delivery inputs from the delivery rule and figures of the data-delivery page (docs/data-delivery.md):
/// per region, of the run's last <see cref="RatingMethod.DeliveryQuarters"/> quarters up to the rated one, those judged and
/// those with every expected delivery received on time (a district takes its region's: agencies deliver per region), and
/// per unit the values expected and present in the rated quarter.
/// </summary>
public sealed class RatingDelivery(DataDeliveryReport report, DeliveryQueries queries)
{
    public sealed class Figures(IReadOnlyDictionary<string, (int Expected, int OnTime)> quarters, IReadOnlyDictionary<string, UnitCompleteness> values)
    {
        public (int Expected, int OnTime) Quarters(string regionKato) => quarters.GetValueOrDefault(regionKato.Trim());

        public (int Units, int UnitsWithValue) Values(string code) =>
            values.TryGetValue(code.Trim(), out var v) ? (v.Units, v.UnitsWithValue) : (0, 0);
    }

    public async Task<Figures> ByUnitAsync(IReadOnlyList<string> runPeriods, Quarter period, EntityLevel level, string? regionKato)
    {
        var judged = runPeriods.Select(p => Quarter.TryParse(p, out var q) ? q : (Quarter?)null).OfType<Quarter>()
            .Where(q => q.CompareTo(period) <= 0).Order().TakeLast(RatingMethod.DeliveryQuarters).ToList();
        var cells = await report.CellsAsync(judged, regionKato is null ? null : [regionKato]);
        var quarters = cells.GroupBy(c => c.Region).ToDictionary(g => g.Key, g =>
        {
            var onTime = g.GroupBy(c => c.Period).Select(DeliverySummary.QuarterOnTime).OfType<bool>().ToList();
            return (onTime.Count, onTime.Count(o => o));
        });
        var values = (await queries.CompletenessAsync(level, [period.ToString()])).ToDictionary(v => v.Code);
        return new Figures(quarters, values);
    }
}
