using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RiskMap.Data.Imports;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// A unit as one surface shows it to a caller; rank 0 is read as no rank. Which of the later fields a surface has at all
/// is in <see cref="Surface.Carries"/>. HasDetailFields: domain scores, changes or (in a profile) contributions.
/// HighRiskProbability and HasUncertainty: methodology 2.0's probability of risk level 4 or 5, and whether any of the score
/// interval, that probability and the clear-change flags is shown.
/// </summary>
public sealed record ShownUnit(int? Class, double? Score, int? Rank, bool? Suppressed = null, bool? Detailed = null, int? RankAmong = null,
    bool? HasRankBand = null, bool? HasDetailFields = null, double? HighRiskProbability = null, bool? HasUncertainty = null);

/// <param name="ListsOnlyScope">Hotspot lists and exports hold only the units the caller sees in full.</param>
/// <param name="Carries">The optional fields of <see cref="ShownUnit"/> the surface has: suppressed, detailed, rankAmong, rankBand, detail, uncertainty.</param>
public sealed record Surface(string Name, bool ListsOnlyScope, IReadOnlySet<string> Carries)
{
    public static readonly Surface Table = new("/api/scores", false, new HashSet<string> { "suppressed", "detailed", "rankAmong", "rankBand", "detail", "uncertainty" });
    public static readonly Surface Profile = new("/api/scores/{level}/{code}", false, new HashSet<string> { "suppressed", "detailed", "rankAmong", "rankBand", "detail", "uncertainty" });
    public static readonly Surface Hotspots = new("/api/hotspots", true, new HashSet<string> { "suppressed", "detailed", "rankAmong", "rankBand", "detail", "uncertainty" });
    public static readonly Surface Export = new("/api/exports/scores (csv)", true, new HashSet<string> { "rankBand", "uncertainty" });
    public static readonly Surface Tiles = new("/tiles", false, new HashSet<string> { "suppressed", "uncertainty" });
    public static readonly Surface Ogc = new("/ogc items", false, new HashSet<string> { "suppressed" });
}

/// <summary>Reads every unit of a level from each surface, as a caller sees it, keyed by code; null where the surface refuses the caller.</summary>
internal static class Surfaces
{
    public static string Collection(string level) => level + "s";

    private static async Task<JsonElement?> JsonOrRefusalAsync(HttpResponseMessage response, string caller)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await RefusalAsync(response, caller);
            return null;
        }
        return await Json.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A unit as the score table, profile and hotspot list give it (UnitScoreView).</summary>
    public static ShownUnit FromUnitView(JsonElement u) => new(
        Int(u, "class"), Double(u, "score"), Int(u, "rank") is > 0 and var rank ? rank : null,
        u.GetProperty("suppressed").GetBoolean(), u.GetProperty("detailed").GetBoolean(), Int(u, "rankAmong"),
        u.TryGetProperty("rankBand", out var band) && band.ValueKind != JsonValueKind.Null,
        u.GetProperty("domainScores").EnumerateObject().Any(d => d.Value.ValueKind != JsonValueKind.Null)
            || Double(u, "changeQuarter") is not null || Double(u, "changeYear") is not null,
        Double(u, "highRiskProbability"),
        Double(u, "highRiskProbability") is not null || (u.TryGetProperty("scoreInterval", out var interval) && interval.ValueKind != JsonValueKind.Null)
            || (u.TryGetProperty("clearChangeQuarter", out var quarter) && quarter.ValueKind != JsonValueKind.Null)
            || (u.TryGetProperty("clearChangeYear", out var year) && year.ValueKind != JsonValueKind.Null));

    public static async Task<Dictionary<string, ShownUnit>?> TableAsync(HttpClient client, string caller, string level, string period) =>
        await JsonOrRefusalAsync(await client.GetAsync($"/api/scores?level={level}&period={period}"), caller) is { } table
            ? table.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, FromUnitView)
            : null;

    /// <summary>Profiles of the given units; a school outside the scope must be a 403 (then it is not listed), anything else a 200.</summary>
    public static async Task<Dictionary<string, ShownUnit>?> ProfilesAsync(HttpClient client, string caller, string level, IEnumerable<string> codes)
    {
        var shown = new Dictionary<string, ShownUnit>();
        foreach (var code in codes)
        {
            var response = await client.GetAsync($"/api/scores/{level}/{code}");
            if (level == "school" && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await RefusalAsync(response, caller);
                continue;
            }
            var profile = await Json.ReadAsync(response, HttpStatusCode.OK);
            var latest = FromUnitView(profile.GetProperty("latest"));
            var contributions = profile.GetProperty("contributions").GetArrayLength() > 0;
            shown[code] = latest with { HasDetailFields = latest.HasDetailFields == true || contributions };
        }
        return shown;
    }

    public static async Task<Dictionary<string, ShownUnit>?> HotspotsAsync(HttpClient client, string caller, string level, string period) =>
        await JsonOrRefusalAsync(await client.GetAsync($"/api/hotspots?level={level}&period={period}&top=100000"), caller) is { } list
            ? list.GetProperty("units").EnumerateArray().Select(h => h.GetProperty("unit"))
                .ToDictionary(u => u.GetProperty("code").GetString()!, FromUnitView)
            : null;

    public static async Task<Dictionary<string, ShownUnit>?> ExportAsync(HttpClient client, string caller, string level, string period)
    {
        var response = await client.GetAsync($"/api/exports/scores?level={level}&period={period}&format=csv&lang=en");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await RefusalAsync(response, caller);
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var reader = new CsvRecordReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), ',');
        Assert.True(reader.TryRead(out _, out var headings));
        string? Cell(string[] row, string heading) => row[Array.IndexOf(headings, heading)] is { Length: > 0 } text ? text : null;
        var shown = new Dictionary<string, ShownUnit>();
        while (reader.TryRead(out _, out var row))
        {
            shown[Cell(row, "code")!] = new ShownUnit(
                Cell(row, "risk level (1–5)") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : null,
                Cell(row, "score (0–10)") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : null,
                Cell(row, "rank") is { } r && int.Parse(r, CultureInfo.InvariantCulture) is > 0 and var rank ? rank : null,
                HasRankBand: Cell(row, "rank band: from") is not null,
                HighRiskProbability: Cell(row, "probability of risk level 4 or 5 (%)") is { } p ? double.Parse(p, CultureInfo.InvariantCulture) / 100 : null,
                HasUncertainty: new[] { "score interval: from", "score interval: to", "probability of risk level 4 or 5 (%)", "clear change on quarter", "clear change on year" }
                    .Any(h => Cell(row, h) is not null));
        }
        return shown;
    }

    /// <summary>
    /// The features of the tiles (x, y) of the layer at zoom z; a feature cut by several tiles must
    /// carry the same attributes in each (else the difference is added to <paramref name="discrepancies"/>).
    /// </summary>
    public static async Task<Dictionary<string, ShownUnit>?> TilesAsync(HttpClient client, string caller, string level, string period, int z,
        IEnumerable<(int X, int Y)> tiles, List<string> discrepancies)
    {
        var layer = Collection(level);
        var shown = new Dictionary<string, ShownUnit>();
        foreach (var (x, y) in tiles)
        {
            var response = await client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt?period={period}");
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await RefusalAsync(response, caller);
                return null;
            }
            foreach (var feature in await TileFeaturesAsync(response, layer))
            {
                var a = feature.Attributes;
                var unit = new ShownUnit(
                    a.TryGetValue("class", out var c) ? (int)(double)c : null,
                    a.TryGetValue("score", out var s) ? (double)s : null,
                    a.TryGetValue("rank", out var r) && (int)(double)r is > 0 and var rank ? rank : null,
                    a.TryGetValue("suppressed", out var suppressed) ? (bool)suppressed : null,
                    HighRiskProbability: a.TryGetValue("high_risk_probability", out var p) ? (double)p : null,
                    HasUncertainty: new[] { "score_low", "score_high", "high_risk_probability", "clear_change_quarter", "clear_change_year" }.Any(a.ContainsKey));
                var code = (string)a["kato"];
                if (shown.TryGetValue(code, out var earlier) && earlier != unit)
                    discrepancies.Add($"{caller} {Surface.Tiles.Name} {level} {code}: tile {z}/{x}/{y} shows {unit}, another tile {earlier}");
                shown[code] = unit;
            }
        }
        return shown;
    }

    public static async Task<Dictionary<string, ShownUnit>?> OgcAsync(HttpClient client, string caller, string level, string period) =>
        await JsonOrRefusalAsync(await client.GetAsync($"/ogc/collections/{Collection(level)}/items?limit=10000&datetime={period}&f=json"), caller) is { } page
            ? FeaturesOf(page).ToDictionary(f => f.GetProperty("id").GetString()!, f => new ShownUnit(
                Property(f, "class") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : null,
                Property(f, "score") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : null,
                Property(f, "rank") is { } r && int.Parse(r, CultureInfo.InvariantCulture) is > 0 and var rank ? rank : null,
                Property(f, "suppressed") is { } suppressed ? bool.Parse(suppressed) : null))
            : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
