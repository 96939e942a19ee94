using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Localization;
using RiskMap.Data.Alerts;
using RiskMap.Data.Forecasting;
using RiskMap.Data.Programmes;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Features.FirstFrame;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Features.Programmes;
using RiskMap.Web.Features.Scoring;

namespace RiskMap.Web.Features.Briefs;

/// <summary>A table of a brief: headings, rows of text, and each column's share of the page's width.</summary>
public sealed record BriefTable(IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths);

/// <summary>A section of a brief: a heading, then label–value facts, a map, a table and notes, each where it has them.</summary>
public sealed record BriefSection(string Heading, IReadOnlyList<(string Label, string Value)> Facts, byte[]? MapPng = null,
    BriefTable? Table = null, IReadOnlyList<string>? Notes = null);

/// <summary>A brief's whole text, in one language, ready to draw: what each page's header and footer say, and its sections.</summary>
public sealed record Brief(string Title, string Area, string Quarter, string? Demo, string Generated, Language Language,
    IReadOnlyList<BriefSection> Sections, string Note);

/// <summary>
/// Builds a brief from the queries the API answers with, as the caller may see it: the region's profile
/// (<c>/api/scores/region/{kato}</c>), the hotspot lists (<c>/api/hotspots</c>), the score table of regions (<c>/api/scores</c>),
/// forecasts, open alerts, programmes and the map image, each cut to the caller's scope by its query.
/// </summary>
public sealed class BriefContent(ScoreQueries scores, ForecastQueries forecasts, AlertQueries alerts, ProgrammeStore programmes,
    ProgrammeClock clock, GeographyQueries geography, CatalogueQueries catalogue, MapImageMaker maps, FrontEndLook look)
{
    private const int RegionTop = 5;
    private const int NationalTop = 10;
    private const int AlertsListed = 10;
    private const int ReasonsListed = 3;
    private const int MapWidth = 1600;
    private const int MapHeight = 1000;

    /// <summary>A region's brief, or null when the caller does not see the region's score (no scores published for it).</summary>
    public async Task<Brief?> RegionAsync(string regionKato, string period, MapDataVersion version, Language language, AccessScope scope)
    {
        var run = version.Run!.Value;
        if (await scores.ProfileAsync(run, EntityLevel.Region, regionKato, period, ScoreMeasure.Composite, false, scope) is not { } profile)
            return null;
        var names = await geography.NamesAsync(regionKato);
        var area = ExportTexts.Area(regionKato, null, names, language);
        var indicators = await catalogue.IndicatorsAsync();
        List<BriefSection> sections =
        [
            new(BriefTexts.MapHeading(language), [], await MapAsync(regionKato, period, version, language, scope)),
            new(BriefTexts.KeyFigures(language), KeyFigures(profile.Latest, language)),
            await RiskiestAsync(BriefTexts.RiskiestDistricts(language), EntityLevel.District, run, period, regionKato, RegionTop, indicators, language, scope),
            await RiskiestAsync(BriefTexts.RiskiestSchools(language), EntityLevel.School, run, period, regionKato, RegionTop, indicators, language, scope),
            await ForecastsAsync(run, period, version, regionKato, language, scope),
            await AlertsAsync(regionKato, language, scope),
            await ProgrammesAsync(regionKato, language, scope),
        ];
        return await BriefAsync(national: false, area, period, language, sections);
    }

    /// <summary>The country's brief (for a caller who sees the whole country).</summary>
    public async Task<Brief> NationalAsync(string period, MapDataVersion version, Language language, AccessScope scope)
    {
        var run = version.Run!.Value;
        var indicators = await catalogue.IndicatorsAsync();
        var regions = await scores.TableAsync(run, EntityLevel.Region, period, null, null, ScoreMeasure.Composite, false, scope);
        List<BriefSection> sections =
        [
            new(BriefTexts.MapHeading(language), [], await MapAsync(null, period, version, language, scope)),
            new(BriefTexts.FiguresByRegion(language), [], Table: RegionTable(regions?.Units ?? [], language)),
            await RiskiestAsync(BriefTexts.RiskiestDistricts(language), EntityLevel.District, run, period, null, NationalTop, indicators, language, scope),
            await RiskiestAsync(BriefTexts.RiskiestSchools(language), EntityLevel.School, run, period, null, NationalTop, indicators, language, scope),
            await ForecastsAsync(run, period, version, null, language, scope),
            await AlertsAsync(null, language, scope),
            await ProgrammesAsync(null, language, scope),
        ];
        return await BriefAsync(national: true, ExportTexts.Area(null, null, null, language), period, language, sections);
    }

    private async Task<Brief> BriefAsync(bool national, string area, string period, Language language, IReadOnlyList<BriefSection> sections)
    {
        var demo = await catalogue.HoldsDemoDataAsync() ? MapImageMaker.Capitalised(ExportTexts.Demo(language)) : null;
        return new Brief(BriefTexts.Title(national, language), area, QuarterNames.Name(period, language), demo,
            BriefTexts.Generated(clock.Now, language), language, sections, BriefTexts.Note(language));
    }

    /// <summary>The districts' map of the region (or the country) as the caller may see it: the same image /api/maps/image.png draws.</summary>
    private async Task<byte[]> MapAsync(string? regionKato, string period, MapDataVersion version, Language language, AccessScope scope)
    {
        var request = new MapImageRequest(EntityLevel.District, new ScoreViewParameters(period, ScoreMeasure.Composite, false), regionKato, null,
            language, MapWidth, MapHeight);
        return (await maps.ImageAsync(request, MapImageFormat.Png, version, period, scope)).Image;
    }

    /// <summary>The region's risk level, score with its interval, probability of a high level, rank, changes and reliability, as its profile shows them.</summary>
    private List<(string, string)> KeyFigures(UnitScoreView unit, Language language)
    {
        List<(string, string)> facts = [(BriefTexts.RiskLevel(language), Level(unit, language))];
        if (!unit.Detailed || unit.Score is not { } score) return facts;
        facts.Add((BriefTexts.Score(language), BriefTexts.ScoreValue(score, unit.ScoreInterval?.Low, unit.ScoreInterval?.High, language)));
        if (unit.HighRiskProbability is { } probability) facts.Add((BriefTexts.HighRisk(language), BriefTexts.Percent(probability, language)));
        if (unit.RankAmong is { } among and > 0)
            facts.Add(BriefTexts.Rank(unit.Rank, among, unit.RankBand is { } band ? (band.Low, band.High) : null, language));
        if (Change(unit.ChangeQuarter, unit.ClearChangeQuarter, unit.LowReliability, language) is { } quarter)
            facts.Add((BriefTexts.ChangeSinceQuarter(language), quarter));
        if (Change(unit.ChangeYear, unit.ClearChangeYear, unit.LowReliability, language) is { } year)
            facts.Add((BriefTexts.ChangeSinceYear(language), year));
        var reliability = BriefTexts.ScoreValue(unit.Reliability, null, null, language);
        facts.Add((BriefTexts.Reliability(language), unit.LowReliability ? $"{reliability} · {BriefTexts.LowReliability(language)}" : reliability));
        return facts;
    }

    /// <summary>A change as the map writes it: a rise or a fall only beyond its uncertainty (<see cref="FrontEndLook.Change"/>).</summary>
    private string? Change(double? change, bool? clear, bool lowReliability, Language language) =>
        look.Change.Direction(change, clear, lowReliability) is { } direction
            ? BriefTexts.Change(look.Change.Shown(change!.Value), direction, language)
            : null;

    private BriefTable RegionTable(IReadOnlyList<UnitScoreView> regions, Language language) => new(BriefTexts.RegionHeadings(language),
        [.. regions.Select(r => (IReadOnlyList<string>)[
            Name(r.NameKk, r.NameRu, r.NameEn, language), Level(r, language), Score(r, language),
            Change(r.ChangeQuarter, r.ClearChangeQuarter, r.LowReliability, language) ?? "—"])],
        [0.3, 0.18, 0.24, 0.28]);

    /// <summary>The riskiest units of a level in the region (or the country) the caller sees in full, with their reasons, as /api/hotspots lists them.</summary>
    private async Task<BriefSection> RiskiestAsync(string heading, EntityLevel level, long run, string period, string? regionKato, int top,
        IReadOnlyList<IndicatorDefinition> indicators, Language language, AccessScope scope)
    {
        var filter = new HotspotFilter(level, period, regionKato, null, ScoreMeasure.Composite, null, top);
        var rows = new List<IReadOnlyList<string>>();
        if (await scores.HotspotsAsync(run, filter, scope) is { } list)
        {
            await foreach (var hotspot in list.Units)
            {
                var unit = hotspot.Unit;
                rows.Add([Name(unit.NameKk, unit.NameRu, unit.NameEn, language), Level(unit, language), Score(unit, language),
                    string.Join("; ", hotspot.Reasons.Take(ReasonsListed).Select(reason => Reason(reason, indicators, language)))]);
            }
        }
        return rows.Count == 0
            ? new BriefSection(heading, [], Notes: [BriefTexts.NoUnits(language)])
            : new BriefSection(heading, [], Table: new BriefTable(BriefTexts.UnitHeadings(language), rows, [0.3, 0.14, 0.18, 0.38]));
    }

    /// <summary>
    /// The composite forecasts after the quarter, where it is the run's latest (forecasts start there): the region's own and its
    /// districts' with the highest probability of risk level 4–5, or the regions' for the country.
    /// </summary>
    private async Task<BriefSection> ForecastsAsync(long run, string period, MapDataVersion version, string? regionKato, Language language,
        AccessScope scope)
    {
        var heading = BriefTexts.Forecasts(language);
        if (period != version.LatestPeriod) return new BriefSection(heading, [], Notes: [BriefTexts.NoForecasts(language)]);
        var units = new List<UnitForecasts>();
        if (regionKato is not null && await forecasts.ListAsync(run, EntityLevel.Region, null, regionKato, scope) is { } region)
            units.AddRange(region.Units);
        var level = regionKato is null ? EntityLevel.Region : EntityLevel.District;
        if (await forecasts.ListAsync(run, level, regionKato, null, scope) is { } others)
        {
            units.AddRange(others.Units
                .OrderByDescending(u => Composite(u).FirstOrDefault()?.HighRiskProbability ?? -1).ThenBy(u => u.Code, StringComparer.Ordinal)
                .Take(regionKato is null ? NationalTop : RegionTop));
        }
        var rows = units.SelectMany(u => Composite(u).Select(f => (IReadOnlyList<string>)[
            Name(u.NameKk, u.NameRu, u.NameEn, language), QuarterNames.Name(f.Period, language),
            f.Score is { } score ? BriefTexts.ScoreValue(score, f.ScoreLow, f.ScoreHigh, language) : "—",
            f.HighRiskProbability is { } p ? BriefTexts.Percent(p, language) : "—"])).ToList();
        return rows.Count == 0
            ? new BriefSection(heading, [], Notes: [BriefTexts.NoForecasts(language)])
            : new BriefSection(heading, [], Table: new BriefTable(BriefTexts.ForecastHeadings(language), rows, [0.3, 0.2, 0.26, 0.24]));
    }

    private static IEnumerable<StoredForecast> Composite(UnitForecasts unit) =>
        unit.Forecasts.Where(f => f.Measure == "composite").OrderBy(f => f.Horizon);

    /// <summary>The alerts not yet acknowledged about units the caller sees in full, newest first, as /api/alerts?status=new lists them.</summary>
    private async Task<BriefSection> AlertsAsync(string? regionKato, Language language, AccessScope scope)
    {
        var heading = BriefTexts.OpenAlerts(language);
        var page = await alerts.ListAsync(new AlertFilter("new", null, regionKato, 0, AlertsListed), scope);
        if (page.Total == 0) return new BriefSection(heading, [], Notes: [BriefTexts.NoAlerts(language)]);
        var rows = page.Alerts.Select(a => (IReadOnlyList<string>)[
            AlertTexts.Rule(a.Rule, language), Name(a.NameKk, a.NameRu, a.NameEn, language), QuarterNames.Name(a.Period, language)]).ToList();
        return new BriefSection(heading, [(BriefTexts.InAll(page.Total, language), "")],
            Table: new BriefTable(BriefTexts.AlertHeadings(language), rows, [0.4, 0.38, 0.22]));
    }

    /// <summary>The measures of the programmes the caller reads (as /api/programmes lists them): due, overdue and done.</summary>
    private async Task<BriefSection> ProgrammesAsync(string? regionKato, Language language, AccessScope scope)
    {
        var heading = BriefTexts.Programmes(language);
        var readable = regionKato is null ? scope.IsNational : scope.Reads(regionKato);
        var list = readable ? await programmes.ListAsync(regionKato, clock.Today) : [];
        if (list.Count == 0) return new BriefSection(heading, [], Notes: [BriefTexts.NoProgrammes(language)]);
        var culture = language.Culture();
        var national = regionKato is null;
        var rows = list.Select(p =>
        {
            var due = p.Measures - p.DoneMeasures - p.OverdueMeasures;
            IReadOnlyList<string> row = [p.Title, $"{QuarterNames.Name(p.StartQuarter, language)} – {QuarterNames.Name(p.EndQuarter, language)}",
                p.Measures.ToString(culture), due.ToString(culture), p.OverdueMeasures.ToString(culture), p.DoneMeasures.ToString(culture)];
            return national ? (IReadOnlyList<string>)[(p.RegionName.Kk, p.RegionName.Ru, p.RegionName.En).In(language), .. row] : row;
        }).ToList();
        IReadOnlyList<double> widths = national ? [0.16, 0.22, 0.2, 0.1, 0.12, 0.1, 0.1] : [0.3, 0.26, 0.11, 0.11, 0.11, 0.11];
        return new BriefSection(heading, [], Table: new BriefTable(BriefTexts.ProgrammeHeadings(national, language), rows, widths));
    }

    private static string Reason(Contribution reason, IReadOnlyList<IndicatorDefinition> indicators, Language language) =>
        $"{ExportTexts.Measure($"indicator:{reason.Indicator}", indicators, language)} (+{reason.Points.ToString("0.0", language.Culture())})";

    private static string Level(UnitScoreView unit, Language language) => unit.Class is { } level ? RiskLevelNames.Name(level, language) : "—";

    private static string Score(UnitScoreView unit, Language language) =>
        unit.Score is { } score ? BriefTexts.ScoreValue(score, unit.ScoreInterval?.Low, unit.ScoreInterval?.High, language) : "—";

    private static string Name(string kk, string ru, string? en, Language language) => (kk, ru, en ?? ru).In(language);
}
