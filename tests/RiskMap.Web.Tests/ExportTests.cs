using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Core.Localization;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Exports;

namespace RiskMap.Web.Tests;

public class ExportTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Almaty = "750000000";

    /// <summary>Read back with the importer's own RFC 4180 reader.</summary>
    private static List<string[]> ParseCsv(byte[] bytes)
    {
        var reader = new CsvRecordReader(new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')), ',');
        var rows = new List<string[]>();
        while (reader.TryRead(out _, out var fields)) rows.Add(fields);
        return rows;
    }

    [Fact]
    public async Task A_planner_exports_the_high_risk_schools_of_their_region_only_riskiest_first_labelled_as_demo()
    {
        var response = await (await app.ClientAsAsync("planner-75")).GetAsync("/api/exports/hotspots?format=csv&level=school&lang=ru");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("riskmap-hotspots-school-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        var headings = rows[0];
        Assert.Equal("место", headings[0]);
        Assert.Equal("данные", headings[^1]);
        var data = rows.Skip(1).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, row => Assert.Equal(Almaty, row[Array.IndexOf(headings, "КАТО области")]));
        Assert.All(data, row => Assert.True(int.Parse(row[Array.IndexOf(headings, "класс")]) >= 4));
        Assert.All(data, row => Assert.Equal("демо (синтетические)", row[^1]));
        var ranks = data.Select(row => int.Parse(row[0])).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task The_workbook_and_the_GeoJSON_hold_the_same_rows_as_the_CSV()
    {
        var analyst = await app.ClientAsAsync("analyst");
        const string query = "level=district&minClass=3&top=40";
        var csv = ParseCsv(await analyst.GetByteArrayAsync($"/api/exports/hotspots?format=csv&{query}"));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await analyst.GetByteArrayAsync($"/api/exports/hotspots?format=xlsx&{query}")), false);
        var sheetRows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(csv.Count + 1, sheetRows.Count); // the title row, then the headings and rows as in the CSV
        var firstScore = sheetRows[2].Elements<Cell>().ElementAt(7);
        Assert.Equal(CellValues.Number, firstScore.DataType?.Value);

        var geojson = JsonDocument.Parse(await analyst.GetByteArrayAsync($"/api/exports/hotspots?format=geojson&{query}")).RootElement;
        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(csv.Count - 1, features.Count);
        Assert.True(geojson.GetProperty("demo").GetBoolean());
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.Equal(csv[1][1], features[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null, "/api/exports/hotspots", HttpStatusCode.Unauthorized)]
    [InlineData("steward", "/api/exports/hotspots", HttpStatusCode.Forbidden)]
    [InlineData("planner-71", "/api/exports/hotspots?region=750000000", HttpStatusCode.Forbidden)]
    [InlineData("edu-75", "/api/exports/hotspots?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("edu-75", "/api/exports/hotspots?minClass=9", HttpStatusCode.BadRequest)]
    [InlineData("edu-75", "/api/exports/hotspots?period=2019Q1", HttpStatusCode.BadRequest)]
    public async Task Exports_outside_the_caller_s_role_or_scope_or_with_bad_parameters_are_refused(string? user, string url, HttpStatusCode status)
    {
        var client = user is null ? app.CreateClient() : await app.ClientAsAsync(user);
        await Json.ProblemAsync(await client.GetAsync(url), status);
    }

    [Fact]
    public async Task Every_export_is_audited_with_its_filters_and_row_count()
    {
        var education = await app.ClientAsAsync("edu-75");
        var csv = ParseCsv(await education.GetByteArrayAsync("/api/exports/hotspots?format=csv&level=school&minClass=5"));
        var audit = await Json.GetAsync(await app.ClientAsAsync("steward"), "/api/audit?actor=edu-75&action=export&limit=1");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(csv.Count - 1, entry.GetProperty("details").GetProperty("rows").GetInt32());
        Assert.Equal(5, entry.GetProperty("details").GetProperty("minClass").GetInt32());
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var unit = new UnitScoreView("S1", "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", "+1+1", Almaty, null, 8.5, 5,
            new Dictionary<string, double?>(), 9, false, null, null, 1, null);
        var table = new ScoreTable(1, "riskmap-1.0", "school", "2025Q4", "composite", "fixed", [2, 3.5, 5, 6.5], [unit]);
        var rows = ParseCsv(HotspotCsv.Write(HotspotSheet.Build(table, [unit], Language.En, demo: false)));
        Assert.StartsWith("'+1+1", rows[1][2]);
    }
}

public class TightExportLimitApp : ScoredDemoApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Access:ExportsPerMinute"] = "2" };
}

public class ExportRateLimitTests(TightExportLimitApp app) : IClassFixture<TightExportLimitApp>
{
    [Fact]
    public async Task Exports_beyond_the_limit_per_minute_are_429_problems()
    {
        var planner = await app.ClientAsAsync("planner-75");
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/api/exports/hotspots?top=5")).StatusCode);
        var refused = await planner.GetAsync("/api/exports/hotspots?top=5");
        await Json.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
