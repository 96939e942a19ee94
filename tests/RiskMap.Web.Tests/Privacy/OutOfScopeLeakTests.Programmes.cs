using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static RiskMap.Web.Tests.Access.Callers;
using static RiskMap.Web.Tests.Privacy.PrivacyCallers;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Privacy;

/// <summary>
/// Programme effectiveness as a reader scoped to one district (Almaly) sees a programme of their region: no score,
/// class, indicator score, change or comparison figure of a target outside Almaly (their scores are 403 to this reader
/// elsewhere); a target in Almaly shows its own figures, its comparison group's only when every comparison unit is in
/// Almaly. The planner and the analyst still see every figure.
/// </summary>
public partial class OutOfScopeLeakTests
{
    private const string OtherDistrict = "751210000";
    private const string OtherSchool = "D751210000-001";
    private const string AlmalySchool = "D751110000-001";

    /// <summary>A signed decimal as the effectiveness cell writes it (+0.12, −0,05); quarters such as 2024Q4 are not figures.</summary>
    [GeneratedRegex(@"\d[.,]\d")]
    private static partial Regex Figure();

    /// <summary>Planner-75's programme targeting a district and a school outside Almaly and a school in it, each with a measure.</summary>
    private async Task<long> ProgrammeAsync()
    {
        var planner = await app.ClientAsAsync(Planner75);
        var id = (await CreateAsync(planner, "Алматы: программа для проверки доступа")).Id();
        foreach (var (level, code) in new[] { ("district", OtherDistrict), ("school", OtherSchool), ("school", AlmalySchool) })
            await AddMeasureAsync(planner, id, (await AddTargetAsync(planner, id, level, code)).Id(), Measure(deadline: "2025-09-30"));
        return id;
    }

    private static IEnumerable<double> Numbers(JsonElement? element, params string[] names) =>
        element is not { ValueKind: JsonValueKind.Object } e ? []
        : names.Select(n => e.TryGetProperty(n, out var v) ? v : default).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble());

    private static IEnumerable<double> SideFigures(JsonElement point, string side) =>
        point.TryGetProperty(side, out var s) && s.ValueKind == JsonValueKind.Object
            ? Numbers(s, "score", "class").Concat(s.GetProperty("indicators").EnumerateObject().Where(i => i.Value.ValueKind == JsonValueKind.Number)
                .Select(i => i.Value.GetDouble()))
            : [];

    private static JsonElement? Latest(JsonElement target) => target.GetProperty("latest") is { ValueKind: JsonValueKind.Object } l ? l : null;

    /// <summary>The target's own figures: baseline score and class, its score, class and indicator scores per quarter, its changes.</summary>
    private static List<double> TargetFigures(JsonElement target) =>
    [
        .. Numbers(target, "baselineScore", "baselineClass"),
        .. target.GetProperty("series").EnumerateArray().SelectMany(p => SideFigures(p, "target").Concat(Numbers(p, "targetChange"))),
        .. Numbers(Latest(target), "targetChange"),
    ];

    /// <summary>The comparison group's figures: its class band, score, class and indicator scores per quarter, its changes and the differences.</summary>
    private static List<double> ComparisonFigures(JsonElement target) =>
    [
        .. Numbers(target.GetProperty("comparison"), "minClass", "maxClass"),
        .. target.GetProperty("series").EnumerateArray().SelectMany(p => SideFigures(p, "comparison").Concat(Numbers(p, "comparisonChange", "difference"))),
        .. Numbers(Latest(target), "comparisonChange", "difference"),
    ];

    private static Dictionary<string, JsonElement> Targets(JsonElement report) =>
        report.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);

    [Fact]
    public async Task Effectiveness_shows_a_district_reader_no_figures_of_targets_outside_their_district()
    {
        var id = await ProgrammeAsync();
        var analyst = Targets(await Json.GetAsync(await app.ClientAsAsync(Analyst), $"/api/programmes/{id}/effectiveness"));
        Assert.All(analyst.Values, t => Assert.NotEmpty(TargetFigures(t)));

        var reader = Targets(await Json.GetAsync(await ClientAsync(app, EducationAlmaly), $"/api/programmes/{id}/effectiveness"));
        foreach (var code in new[] { OtherDistrict, OtherSchool })
        {
            Assert.True(TargetFigures(reader[code]).Count == 0, $"{EducationAlmaly} sees figures of {code}: {string.Join(", ", TargetFigures(reader[code]))}");
            Assert.True(ComparisonFigures(reader[code]).Count == 0, $"{EducationAlmaly} sees comparison figures of {code}: {string.Join(", ", ComparisonFigures(reader[code]))}");
        }

        Assert.NotEmpty(TargetFigures(reader[AlmalySchool]));
        var comparisonInAlmaly = analyst[AlmalySchool].GetProperty("comparison").GetProperty("codes").EnumerateArray()
            .All(c => c.GetString()!.StartsWith("D" + PrivacyCallers.Almaly + "-", StringComparison.Ordinal));
        Assert.Equal(comparisonInAlmaly, ComparisonFigures(reader[AlmalySchool]).Count > 0);
    }

    [Theory]
    [InlineData(Planner75)]
    [InlineData(Analyst)]
    public async Task The_planner_and_the_analyst_still_see_every_target_s_figures(string caller)
    {
        var id = await ProgrammeAsync();
        var report = Targets(await Json.GetAsync(await app.ClientAsAsync(caller), $"/api/programmes/{id}/effectiveness"));
        Assert.Equal(new[] { OtherDistrict, OtherSchool, AlmalySchool }.Order(StringComparer.Ordinal), report.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Values, t => Assert.NotEmpty(TargetFigures(t)));
        Assert.All(report.Values.Where(t => t.GetProperty("comparison").GetProperty("units").GetInt32() > 0), t => Assert.NotEmpty(ComparisonFigures(t)));
    }

    /// <summary>The effectiveness cell of each measure row, by the target's code (the target cell ends with it in brackets).</summary>
    private static List<(string Target, string Effect)> EffectCells(IEnumerable<IReadOnlyList<string>> measureRows) =>
        measureRows.Select(r => (Regex.Match(r[7], @"\(([^()]+)\)$").Groups[1].Value, r[9])).ToList();

    private async Task<List<(string Target, string Effect)>> XlsxEffectsAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/programmes/{id}.xlsx?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => (IReadOnlyList<string>)r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        // Title, headings, one row per measure, the note.
        return EffectCells(rows.Skip(2).Where(r => r.Count >= 10));
    }

    private async Task<List<(string Target, string Effect)>> PrintEffectsAsync(HttpClient client, long id)
    {
        var html = await (await client.GetAsync($"/api/programmes/{id}/print?lang=en")).Content.ReadAsStringAsync();
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return EffectCells(Regex.Matches(body, "<tr>(.*?)</tr>").Select(row => (IReadOnlyList<string>)Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>")
            .Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToList()));
    }

    [Fact]
    public async Task The_programme_sheet_and_print_page_show_a_district_reader_no_figures_of_targets_outside_their_district()
    {
        var id = await ProgrammeAsync();
        var planner = await app.ClientAsAsync(Planner75);
        var reader = await ClientAsync(app, EducationAlmaly);
        foreach (var (surface, read) in new (string, Func<HttpClient, long, Task<List<(string Target, string Effect)>>>)[]
                 {
                     ("xlsx", XlsxEffectsAsync), ("print", PrintEffectsAsync),
                 })
        {
            var planners = await read(planner, id);
            Assert.Equal(3, planners.Count);
            Assert.All(planners, row => Assert.Matches(Figure(), row.Effect));
            var readers = await read(reader, id);
            Assert.Equal(planners.Select(r => r.Target), readers.Select(r => r.Target));
            Assert.All(readers.Where(r => r.Target != AlmalySchool),
                row => Assert.False(Figure().IsMatch(row.Effect), $"{surface}: {EducationAlmaly} sees '{row.Effect}' for {row.Target}"));
        }
    }
}
