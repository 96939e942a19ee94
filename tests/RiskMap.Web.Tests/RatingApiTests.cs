using System.Net;
using System.Text.Json;
using static RiskMap.Web.Tests.ExportFiles;

namespace RiskMap.Web.Tests;

/// <summary>
/// GET /api/rating and /api/exports/rating on the scored demo with one programme in Almaty city: who sees which figures,
/// the rating recomputed here from the answer's own inputs and weights (docs/rating.md), and the file in kk and ru.
/// </summary>
public class RatingApiTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>, IAsyncLifetime
{
    private const string Almaty = "750000000";
    private const string Astana = "710000000";

    public async Task InitializeAsync()
    {
        if (await app.Database.ScalarAsync<long>("SELECT count(*) FROM programmes") > 0) return;
        // Two measures due before 2025Q4's end: one done by its deadline, one never done (overdue).
        await app.Database.ExecuteAsync("""
            WITH p AS (INSERT INTO programmes (region_kato, title, start_quarter, end_quarter, created_by)
                       VALUES (@almaty, 'Test programme', '2025Q1', '2025Q4', 'planner-75') RETURNING id),
                 t AS (INSERT INTO programme_targets (programme_id, level, code, added_by)
                       SELECT p.id, 'district', (SELECT kato FROM districts WHERE region_kato = @almaty ORDER BY kato LIMIT 1), 'planner-75' FROM p RETURNING id),
                 m AS (INSERT INTO programme_measures (target_id, measure_code, responsible, deadline, funding_amount, funding_source, status, created_by)
                       SELECT t.id, x.code, 'Department', DATE '2025-06-30', 0, 'Budget', x.status, 'planner-75'
                       FROM t, (VALUES ('school_psychologists', 'done'), ('parent_education', 'in_progress')) x (code, status) RETURNING id, status)
            INSERT INTO measure_progress (measure_id, quarter, note, status, recorded_by, recorded_at)
            SELECT m.id, '2025Q2', 'Done', 'done', 'planner-75', TIMESTAMPTZ '2025-06-01 10:00+05' FROM m WHERE m.status = 'done'
            """, new { almaty = Almaty });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<JsonElement> Units(JsonElement table) => [.. table.GetProperty("units").EnumerateArray()];

    private static JsonElement Unit(JsonElement table, string code) => Units(table).Single(u => u.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_public_must_sign_in_a_steward_is_refused_and_bad_input_is_a_problem()
    {
        await Json.ProblemAsync(await app.CreateClient().GetAsync("/api/rating"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().GetAsync("/api/exports/rating"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await (await app.ClientAsAsync("steward")).GetAsync("/api/rating"), HttpStatusCode.Forbidden);
        var analyst = await app.ClientAsAsync("analyst");
        await Json.ProblemAsync(await analyst.GetAsync("/api/rating?period=2025Q5"), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await analyst.GetAsync("/api/rating?period=1999Q1"), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await analyst.GetAsync("/api/rating?region=75"), HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await analyst.GetAsync("/api/rating?region=123456789"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await analyst.GetAsync("/api/exports/rating?format=pdf"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_analyst_gets_all_20_regions_rated_and_the_rating_recomputes_from_the_answers_own_numbers()
    {
        var table = await Json.GetAsync(await app.ClientAsAsync("analyst"), "/api/rating?period=2025Q4");
        var units = Units(table);
        var weights = table.GetProperty("weights").EnumerateArray().ToDictionary(w => w.GetProperty("component").GetString()!, w => w.GetProperty("weight").GetDouble());

        Assert.Equal(20, units.Count);
        Assert.Equal(20, table.GetProperty("rankAmong").GetInt32());
        Assert.Equal(1.0, weights.Values.Sum(), 9);
        var recomputed = units.Select(u => Recompute(u.GetProperty("inputs"), weights)).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            var (rating, low, high, components) = recomputed[i];
            Assert.Equal(rating, units[i].GetProperty("rating").GetDouble(), 9);
            Assert.Equal(low, units[i].GetProperty("ratingLow").GetDouble(), 9);
            Assert.Equal(high, units[i].GetProperty("ratingHigh").GetDouble(), 9);
            foreach (var (code, value) in components) Assert.Equal(value, units[i].GetProperty("components").GetProperty(code).GetDouble(), 9);
            Assert.Equal(weights.Keys.Where(k => !components.ContainsKey(k)), units[i].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(1 + recomputed.Count(r => r.Rating > rating), units[i].GetProperty("rank").GetInt32());
            Assert.Equal(1 + recomputed.Count(r => r.Low > high), units[i].GetProperty("rankBest").GetInt32());
            Assert.Equal(units.Count - recomputed.Count(r => r.High < low), units[i].GetProperty("rankWorst").GetInt32());
        }
        Assert.Equal([.. units.Select(u => u.GetProperty("rank").GetInt32()).Order()], units.Select(u => u.GetProperty("rank").GetInt32()));

        var almaty = Unit(table, Almaty);
        Assert.Equal(50, almaty.GetProperty("components").GetProperty("execution").GetDouble(), 9);
        Assert.Contains("execution", Unit(table, Astana).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>docs/rating.md, written out again: the components from the inputs, the weighted mean over those present, the interval.</summary>
    private static (double Rating, double Low, double High, Dictionary<string, double> Components) Recompute(JsonElement inputs, Dictionary<string, double> weights)
    {
        double? Number(string name) => inputs.GetProperty(name).ValueKind == JsonValueKind.Number ? inputs.GetProperty(name).GetDouble() : null;
        int Whole(string name) => inputs.GetProperty(name).GetInt32();
        static double Centred(double change) => Math.Clamp(50 - 20 * change, 0, 100);
        var components = new Dictionary<string, double> { ["risk-level"] = Math.Clamp(100 - 10 * Number("score")!.Value, 0, 100) };
        if (Number("changeYear") is { } change) components["risk-change"] = inputs.GetProperty("clearChangeYear").ValueKind == JsonValueKind.True ? Centred(change) : 50;
        if (Whole("measuresDue") is > 0 and var due) components["execution"] = 100.0 * (Whole("doneOnTime") + due - Whole("overdue")) / (2.0 * due);
        if (Number("effectDifference") is { } difference) components["effect"] = Centred(difference);
        var delivery = new List<double>();
        if (Whole("quartersExpected") > 0) delivery.Add(100.0 * Whole("quartersOnTime") / Whole("quartersExpected"));
        if (Whole("valuesExpected") > 0) delivery.Add(100.0 * Whole("valuesWithData") / Whole("valuesExpected"));
        if (delivery.Count > 0) components["data-delivery"] = delivery.Average();
        double Mean(double riskLevel) => components.Sum(c => weights[c.Key] * (c.Key == "risk-level" ? riskLevel : c.Value)) / components.Keys.Sum(k => weights[k]);
        var rating = Mean(components["risk-level"]);
        return (rating, Math.Min(rating, Mean(Math.Clamp(100 - 10 * Number("scoreHigh")!.Value, 0, 100))),
            Math.Max(rating, Mean(Math.Clamp(100 - 10 * Number("scoreLow")!.Value, 0, 100))), components);
    }

    [Fact]
    public async Task A_planner_sees_figures_of_their_own_region_and_its_districts_only()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var national = await Json.GetAsync(planner, "/api/rating?period=2025Q4");
        Assert.Equal(20, Units(national).Count);
        Assert.Equal(1, national.GetProperty("rankAmong").GetInt32());
        Assert.Equal(1, Unit(national, Almaty).GetProperty("rank").GetInt32());
        Assert.All(Units(national).Where(u => u.GetProperty("code").GetString() != Almaty), u =>
        {
            Assert.NotEqual("full", u.GetProperty("sight").GetString());
            foreach (var figure in new[] { "rating", "rank", "rankBest", "components", "inputs" })
                Assert.Equal(JsonValueKind.Null, u.GetProperty(figure).ValueKind);
        });

        var districts = Units(await Json.GetAsync(planner, $"/api/rating?region={Almaty}"));
        var count = await app.Database.ScalarAsync<long>("SELECT count(*) FROM districts WHERE region_kato = @r", new { r = Almaty });
        Assert.Equal(count, districts.Count);
        Assert.All(districts, d => Assert.True(d.GetProperty("rankBest").GetInt32() <= d.GetProperty("rank").GetInt32()
            && d.GetProperty("rank").GetInt32() <= d.GetProperty("rankWorst").GetInt32()));

        var elsewhere = Units(await Json.GetAsync(planner, $"/api/rating?region={Astana}"));
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("rating").ValueKind));
    }

    [Theory]
    [InlineData("kk", "Әкімдіктер рейтингі", "Орын", "Аудан", "Деректердің уақтылығы мен толықтығы", "әңгімені бастауға")]
    [InlineData("ru", "Рейтинг акиматов", "Место", "Район", "Своевременность и полнота данных", "повод для разговора")]
    public async Task The_export_is_headed_in_the_language_above_a_bold_filtered_header_and_audited(
        string lang, string sheetName, string rank, string unit, string delivery, string caveat)
    {
        var planner = await app.ClientAsAsync("planner-75");
        var workbook = ReadWorkbook(await planner.GetByteArrayAsync($"/api/exports/rating?format=xlsx&region={Almaty}&lang={lang}"));
        Assert.Equal(sheetName, workbook.SheetName);
        Assert.Contains(caveat, Assert.Single(workbook.Rows[0]));
        Assert.Equal(rank, workbook.Rows[1][0]);
        Assert.Equal(unit, workbook.Rows[1][2]);
        Assert.Contains(delivery, workbook.Rows[1]);
        Assert.True(workbook.BoldRows[1], "the header row is bold");
        Assert.StartsWith("A2:", workbook.AutoFilter);
        Assert.Contains(ExportTextsDemo(lang), workbook.Rows[0][0]);

        var csv = ParseCsv(await planner.GetByteArrayAsync($"/api/exports/rating?region={Almaty}&lang={lang}"));
        Assert.Equal(workbook.Rows[1], csv[0]);
        Assert.Equal(workbook.Rows.Count - 1, csv.Count);
        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'export' AND target LIKE 'rating district%'") >= 2);
    }

    private static string ExportTextsDemo(string lang) => lang == "kk" ? "демо деректер" : "демо-данные";
}
