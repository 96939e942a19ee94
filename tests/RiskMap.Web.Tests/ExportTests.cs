using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RiskMap.Core.Localization;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.Web.Features.Exports;
using static RiskMap.Web.Tests.ExportFiles;

namespace RiskMap.Web.Tests;

public class ExportTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Almaty = "750000000";

    /// <summary>Any export as headings → text rows, whatever its format.</summary>
    private static async Task<List<Dictionary<string, string>>> RowsAsync(HttpResponseMessage response, string format)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "geojson")
        {
            return JsonDocument.Parse(bytes).RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())).ToList();
        }
        // A workbook's first row is its title.
        var rows = format == "xlsx" ? ParseXlsx(bytes, out _).Skip(1).ToList() : ParseCsv(bytes);
        return rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static string Number(double value, string decimalSeparator = ".") =>
        Math.Round(value, 3).ToString("0.###", new NumberFormatInfo { NumberDecimalSeparator = decimalSeparator });

    [Theory]
    [InlineData(",", ".")]
    [InlineData(";", ",")]
    public async Task The_CSV_holds_the_hotspot_list_s_numbers_names_and_reasons_in_Cyrillic(string separator, string decimalSeparator)
    {
        var planner = await app.ClientAsAsync("planner-75");
        const string query = "level=school&class=3,4,5&top=40";
        var units = (await Json.GetAsync(planner, $"/api/hotspots?{query}")).GetProperty("units").EnumerateArray().ToList();
        var names = (await Json.GetAsync(planner, "/api/indicators")).EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("nameRu").GetString());
        var rows = ParseCsv(await planner.GetByteArrayAsync($"/api/exports/hotspots?format=csv&lang=ru&sep={Uri.EscapeDataString(separator)}&{query}"), separator[0]);

        var headings = rows[0];
        Assert.Equal(["место", "код", "название"], headings[..3]);
        Assert.Equal(units.Count, rows.Count - 1);
        Assert.NotEmpty(units);
        foreach (var (hotspot, row) in units.Zip(rows.Skip(1)))
        {
            var unit = hotspot.GetProperty("unit");
            string Cell(string heading) => row[Array.IndexOf(headings, heading)];
            Assert.Equal(unit.GetProperty("code").GetString(), Cell("код"));
            Assert.Equal(unit.GetProperty("nameRu").GetString(), Cell("название"));
            Assert.Matches("[А-Яа-яЁё]", Cell("название"));
            Assert.Equal(unit.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), Cell("место"));
            Assert.Equal(unit.GetProperty("class").GetInt32().ToString(CultureInfo.InvariantCulture), Cell("уровень риска (1–5)"));
            Assert.Equal(Number(unit.GetProperty("score").GetDouble(), decimalSeparator), Cell("балл (0–10)"));
            Assert.Equal(Number(unit.GetProperty("reliability").GetDouble(), decimalSeparator), Cell("надёжность (0–10)"));
            foreach (var (reason, n) in hotspot.GetProperty("reasons").EnumerateArray().Select((r, i) => (r, i + 1)))
            {
                Assert.Equal(names[reason.GetProperty("indicator").GetString()!], Cell($"причина {n}"));
                Assert.Equal(Number(reason.GetProperty("points").GetDouble(), decimalSeparator), Cell($"причина {n}: баллы"));
            }
        }
    }

    [Fact]
    public async Task The_workbook_holds_the_hotspot_list_s_numbers_as_numbers_under_a_frozen_header_with_column_widths()
    {
        var analyst = await app.ClientAsAsync("analyst");
        const string query = "level=district&top=40";
        var units = (await Json.GetAsync(analyst, $"/api/hotspots?{query}")).GetProperty("units").EnumerateArray().ToList();
        var bytes = await analyst.GetByteArrayAsync($"/api/exports/hotspots?format=xlsx&lang=kk&{query}");
        var rows = ParseXlsx(bytes, out var sheetRows);

        Assert.Equal(units.Count + 2, rows.Count);
        Assert.Equal("орын", rows[1][0]);
        foreach (var (hotspot, row) in units.Zip(rows.Skip(2)))
        {
            var unit = hotspot.GetProperty("unit");
            Assert.Equal(unit.GetProperty("code").GetString(), row[1]);
            Assert.Equal(unit.GetProperty("nameKk").GetString(), row[2]);
            Assert.Equal(Math.Round(unit.GetProperty("score").GetDouble(), 3), double.Parse(row[7], CultureInfo.InvariantCulture));
        }
        var cells = sheetRows[2].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, cells[0].DataType?.Value);
        Assert.Equal(CellValues.Number, cells[7].DataType?.Value);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var worksheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal("A3", pane.TopLeftCell?.Value);
        Assert.Equal(rows[1].Length, worksheet.Descendants<Column>().Count());
        Assert.Equal(48, worksheet.Descendants<Column>().ElementAt(2).Width?.Value);
    }

    [Fact]
    public async Task The_GeoJSON_holds_the_same_units_as_the_CSV_with_their_boundaries()
    {
        var analyst = await app.ClientAsAsync("analyst");
        const string query = "level=district&class=3,4,5&top=40";
        var csv = await RowsAsync(await analyst.GetAsync($"/api/exports/hotspots?format=csv&{query}"), "csv");
        var geojson = JsonDocument.Parse(await analyst.GetByteArrayAsync($"/api/exports/hotspots?format=geojson&{query}")).RootElement;
        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(csv.Select(r => r["code"]), features.Select(f => f.GetProperty("id").GetString()));
        Assert.True(geojson.GetProperty("demo").GetBoolean());
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
    }

    [Fact]
    public async Task File_names_carry_the_kind_level_area_and_period()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var period = (await Json.GetAsync(planner, "/api/periods")).GetProperty("periods").EnumerateArray().Last().GetString();
        string? Name(HttpResponseMessage r) => r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName;
        Assert.Equal($"riskmap-hotspots-district-{Almaty}-{period}-demo.csv", Name(await planner.GetAsync($"/api/exports/hotspots?level=district&region={Almaty}")));
        Assert.Equal($"riskmap-scores-school-kz-{period}-demo.xlsx", Name(await planner.GetAsync("/api/exports/scores?level=school&format=xlsx")));
    }

    [Fact]
    public async Task The_score_table_export_holds_every_unit_with_a_score_in_the_caller_s_scope()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var table = (await Json.GetAsync(planner, $"/api/scores?level=school&region={Almaty}")).GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("score").ValueKind == JsonValueKind.Number).Select(u => u.GetProperty("code").GetString()).ToList();
        var rows = await RowsAsync(await planner.GetAsync("/api/exports/scores?level=school&format=csv&lang=en"), "csv");
        Assert.True(table.Count > 100, $"only {table.Count} schools");
        Assert.Equal(table, rows.Select(r => r["code"]));
    }

    public static TheoryData<string, string> EveryExport()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "hotspots", "scores" })
        foreach (var format in new[] { "csv", "xlsx", "geojson" }) data.Add(kind, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryExport))]
    public async Task Every_export_is_scoped_by_the_caller_s_role(string kind, string format)
    {
        var url = $"/api/exports/{kind}?format={format}&level=district";
        await Json.ProblemAsync(await app.CreateClient().GetAsync(url), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync(url), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await (await app.ClientAsAsync("planner-71")).GetAsync($"{url}&region={Almaty}"), HttpStatusCode.Forbidden);
        var rows = await RowsAsync(await (await app.ClientAsAsync("planner-75")).GetAsync($"{url}&lang=en"), format);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(Almaty, row["region KATO"]));
    }

    [Theory]
    [InlineData("/api/exports/hotspots?format=pdf")]
    [InlineData("/api/exports/hotspots?sep=|")]
    [InlineData("/api/exports/hotspots?class=9")]
    [InlineData("/api/exports/hotspots?period=2019Q1")]
    [InlineData("/api/exports/scores?level=county")]
    public async Task Exports_with_bad_parameters_are_refused(string url) =>
        await Json.ProblemAsync(await (await app.ClientAsAsync("edu-75")).GetAsync(url), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Every_export_is_audited_with_its_format_filters_and_row_count()
    {
        var education = await app.ClientAsAsync("edu-75");
        var csv = ParseCsv(await education.GetByteArrayAsync("/api/exports/hotspots?format=csv&level=school&class=5,4"));
        var audit = await Json.GetAsync(await app.ClientAsAsync("steward"), "/api/audit?actor=edu-75&action=export&limit=1");
        var details = Assert.Single(audit.EnumerateArray()).GetProperty("details");
        Assert.Equal(csv.Count - 1, details.GetProperty("rows").GetInt32());
        Assert.Equal("4,5", details.GetProperty("class").GetString());
        Assert.Equal("csv", details.GetProperty("format").GetString());
        Assert.Equal("school", details.GetProperty("level").GetString());
        Assert.True(details.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var unit = new UnitScoreView("S1", "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", "+1+1", Almaty, null, 8.5, 5,
            new Dictionary<string, double?>(), 9, false, null, null, 1, null);
        var list = new HotspotList(1, "riskmap-1.0", "school", "2025Q4", "composite", "fixed", [2, 3.5, 5, 6.5], [], One(new Hotspot(unit, [])));
        using var file = new MemoryStream();
        await HotspotCsv.WriteAsync(file, new HotspotSheet(list, [], Language.En, demo: false), list.Units, ',', CancellationToken.None);
        Assert.StartsWith("'+1+1", ParseCsv(file.ToArray())[1][2]);
    }

    private static async IAsyncEnumerable<Hotspot> One(Hotspot hotspot)
    {
        await Task.CompletedTask;
        yield return hotspot;
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
        var refused = await planner.GetAsync("/api/exports/scores");
        await Json.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
