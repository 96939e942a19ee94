using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Indicators;
using RiskMap.Core.Privacy;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Counts;

/// <summary>
/// One unit's count, or null when it is withheld (Flag "c") or there are no data; the rate is per 1,000 pupils
/// (<see cref="PupilRate"/>) and
/// withheld with the count.
/// </summary>
public sealed record CountCellView(string Code, string Level, string NameKk, string NameRu, string? NameEn, double? Value, double? Rate, string? Flag);

/// <summary>
/// A count table; CarriedFrom is the boundary vintage the quarter's region and district counts were carried from into
/// today's units (estimates, whole numbers), or null when they are observed in today's units.
/// </summary>
public sealed record CountTableView(string Indicator, string Period, string Level, int Threshold, CountCellView Total, IReadOnlyList<CountCellView> Units,
    int? CarriedFrom);

/// <summary>
/// A table of counts as the caller may see it: the public pattern of withheld cells (the same for everyone, see
/// <see cref="SmallNumberSuppression"/>) less the cells of the caller's own scope, which they see as they are.
/// </summary>
public static class CountTable
{
    public const string Withheld = "c";

    public static CountTableView Build(string indicator, string period, IReadOnlyList<CountRow> hierarchy, string? regionKato,
        AccessScope scope, IReadOnlySet<string> publicPattern, int threshold)
    {
        var withheld = hierarchy.Where(row => IsWithheld(row, scope, publicPattern)).Select(row => row.Code).ToHashSet();

        var totalCode = regionKato ?? CountQueries.NationalCode;
        var total = hierarchy.Single(row => row.Code == totalCode);
        var units = hierarchy.Where(row => row.ParentCode == totalCode).OrderBy(row => row.Code, StringComparer.Ordinal);
        return new CountTableView(indicator, period, regionKato is null ? "region" : "district", threshold,
            View(total, withheld), units.Select(row => View(row, withheld)).ToList(), hierarchy.Max(row => row.CarriedFrom));
    }

    /// <summary>Whether the caller is denied the row's count (and its rate): it is in the public pattern and outside their scope.</summary>
    public static bool IsWithheld(CountRow row, AccessScope scope, IReadOnlySet<string> publicPattern) =>
        publicPattern.Contains(row.Code) && !Sees(scope, row);

    private static bool Sees(AccessScope scope, CountRow row) => row.Level switch
    {
        "national" => scope.IsNational,
        "region" => scope.Covers(EntityLevel.Region, row.RegionKato, null),
        _ => scope.Covers(EntityLevel.District, row.RegionKato, row.DistrictKato),
    };

    private static CountCellView View(CountRow row, IReadOnlySet<string> withheld) => withheld.Contains(row.Code)
        ? new CountCellView(row.Code, row.Level, row.NameKk, row.NameRu, row.NameEn, null, null, Withheld)
        : new CountCellView(row.Code, row.Level, row.NameKk, row.NameRu, row.NameEn, row.Value,
            row.Value is { } value && PupilRate.Of(value, row.Denominator) is { } rate ? Math.Round(rate, 3) : null, null);
}
