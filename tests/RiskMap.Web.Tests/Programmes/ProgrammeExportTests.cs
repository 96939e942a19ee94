using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Programmes;

[Collection(ProgrammeAppCollection.Name)]
public class ProgrammeExportTests(ScoredDemoApp app)
{
    private const string Responsible = "Управление образования, акимат Алмалинского района";

    private async Task<(HttpClient Planner, long Id, long Target)> ProgrammeAsync()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner)).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        await AddMeasureAsync(planner, id, target, Measure());
        return (planner, id, target);
    }

    [Fact]
    public async Task The_xlsx_has_the_plans_columns_with_cyrillic_intact_and_the_effectiveness_column()
    {
        var (planner, id, _) = await ProgrammeAsync();
        var response = await planner.GetAsync($"/api/programmes/{id}.xlsx?lang=ru");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.StartsWith("Антикризисная программа: Алматы: кризисная программа 2025", rows[0][0]);
        Assert.Equal(["№", "Мероприятие", "Форма завершения", "Срок исполнения", "Ответственные исполнители", "Объём финансирования (тенге)",
            "Источник финансирования"], rows[1].Take(7));
        Assert.StartsWith("Эффективность", rows[1][9]);
        var measure = rows[2];
        Assert.Equal(["1", "Антибуллинговая программа по модели KiVa", "Информация в акимат", "30.06.2025", Responsible, "12500000", "Местный бюджет"], measure.Take(7));
        Assert.Equal("просрочено", measure[8]);
        Assert.Matches(@"^[+−]?\d+,\d\d / [+−]?\d+,\d\d \(4 квартал 2024 г\. → 4 квартал 2025 г\.\)$|^Нет", measure[9]);
        Assert.Contains("не доказательство", rows[^1][0]);
    }

    [Fact]
    public async Task The_print_page_is_the_plans_table_without_scripts()
    {
        var (planner, id, _) = await ProgrammeAsync();
        var response = await planner.GetAsync($"/api/programmes/{id}/print?lang=kk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"kk\">", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/print.css\">", html);
        foreach (var heading in new[] { "№", "Іс-шара", "Аяқталу нысаны", "Орындау мерзімі", "Жауапты орындаушылар", "Қаржыландыру көлемі (теңге)", "Қаржыландыру көзі" })
            Assert.Contains($"<th scope=\"col\">{heading}</th>", html);
        Assert.Contains("<td>30.06.2025</td>", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Responsible), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", html.Replace(" one", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/css/print.css")).StatusCode);
        await Json.ProblemAsync(await (await app.ClientAsAsync("planner-71")).GetAsync($"/api/programmes/{id}/print"), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await app.CreateClient().GetAsync($"/api/programmes/{id}.xlsx"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Effectiveness_compares_each_target_with_comparable_untargeted_units_and_says_it_is_no_proof_of_cause()
    {
        var (planner, id, target) = await ProgrammeAsync();
        var school = await app.Database.ScalarAsync<string>("SELECT code FROM schools WHERE region_kato = @r ORDER BY code LIMIT 1", new { r = Almaty });
        await AddTargetAsync(planner, id, "school", school);

        var report = await Json.GetAsync(await app.ClientAsAsync("analyst"), $"/api/programmes/{id}/effectiveness");
        Assert.Equal(("2025Q1", "2024Q4"), (report.GetProperty("startQuarter").GetString(), report.GetProperty("baselineQuarter").GetString()));
        Assert.Contains("not proof", report.GetProperty("note").GetProperty("en").GetString());
        Assert.Contains("не доказательство", report.GetProperty("note").GetProperty("ru").GetString());
        Assert.Contains("дәлелі емес", report.GetProperty("note").GetProperty("kk").GetString());

        var district = report.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("targetId").GetInt64() == target);
        var baselineClass = district.GetProperty("baselineClass").GetInt32();
        var comparison = district.GetProperty("comparison");
        var codes = comparison.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.DoesNotContain(Almaly, codes);
        var classes = await app.Database.QueryAsync<int>("""
            SELECT r.class FROM score_results r JOIN published_score_run p ON p.run_id = r.run_id
            WHERE r.level = 'district' AND r.period = '2024Q4' AND r.code = ANY(@codes)
            """, new { codes = codes.ToArray() });
        Assert.All(classes, c => Assert.InRange(c, baselineClass - 1, baselineClass + 1));
        Assert.Equal(codes.Count, comparison.GetProperty("units").GetInt32());
        Assert.Equal(["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"], district.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(3, district.GetProperty("keyIndicators").GetArrayLength());
        var last = district.GetProperty("series")[4];
        if (codes.Count > 0)
        {
            Assert.Equal(Math.Round(last.GetProperty("targetChange").GetDouble() - last.GetProperty("comparisonChange").GetDouble(), 2),
                Math.Round(last.GetProperty("difference").GetDouble(), 2));
            Assert.Equal("2025Q4", district.GetProperty("latest").GetProperty("period").GetString());
        }
        else Assert.Equal("no-comparable-units", comparison.GetProperty("reason").GetString());
        Assert.Equal(2, report.GetProperty("targets").GetArrayLength());

        var geojson = await Json.GetAsync(planner, $"/api/programmes/{id}/targets.geojson");
        Assert.Equal(["Point", "Polygon"], geojson.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("type").GetString()).Order());
    }
}
