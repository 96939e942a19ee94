using System.Net;
using System.Net.Http.Json;
using static RiskMap.Web.Tests.ExportFiles;
using static RiskMap.Web.Tests.Programmes.ProgrammeClient;

namespace RiskMap.Web.Tests.Programmes;

/// <summary>A programme's workbook and print page as a planner hands them on: the city called a city, quarters in words, progress and the demo marker.</summary>
[Collection(ProgrammeAppCollection.Name)]
public class ProgrammeHandOnTests(ScoredDemoApp app)
{
    private const string Note = "Обучены 40 педагогов";

    private async Task<(HttpClient Planner, long Id)> ProgrammeWithProgressAsync()
    {
        var planner = await app.ClientAsAsync("planner-75");
        var id = (await CreateAsync(planner)).Id();
        var target = (await AddTargetAsync(planner, id, "district", Almaly)).Id();
        var measure = (await AddMeasureAsync(planner, id, target, Measure())).Id();
        var reported = await planner.PostAsJsonAsync($"/api/programmes/{id}/measures/{measure}/progress",
            new { quarter = "2025Q1", note = Note, percent = 30, status = "in_progress" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        return (planner, id);
    }

    [Theory]
    [InlineData("kk", "Алматы қаласы", "2025 ж. 1-тоқсан", "2025 ж. 4-тоқсан", "демо")]
    [InlineData("ru", "город Алматы", "1 квартал 2025 г.", "4 квартал 2025 г.", "демо")]
    [InlineData("en", "Almaty city", "Q1 2025", "Q4 2025", "demo")]
    public async Task The_print_page_calls_Almaty_a_city_names_quarters_in_words_and_shows_progress_and_the_demo_marker(
        string lang, string city, string start, string end, string demo)
    {
        var (planner, id) = await ProgrammeWithProgressAsync();
        var html = System.Net.WebUtility.HtmlDecode(await planner.GetStringAsync($"/api/programmes/{id}/print?lang={lang}"));
        Assert.Contains(city, html);
        Assert.DoesNotContain("Облыс", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Область", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(start, html);
        Assert.Contains(end, html);
        Assert.DoesNotMatch(@"\d{4}Q\d", html);
        Assert.Contains(Note, html);
        Assert.Contains(demo, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_programme_workbook_has_a_title_row_a_bold_filtered_header_and_a_Kazakh_sheet_name()
    {
        var (planner, id) = await ProgrammeWithProgressAsync();
        var workbook = ReadWorkbook(await planner.GetByteArrayAsync($"/api/programmes/{id}.xlsx?lang=kk"));
        Assert.Equal("Бағдарлама", workbook.SheetName);
        var title = Assert.Single(workbook.Rows[0]);
        Assert.Contains("Алматы қаласы", title);
        Assert.Contains("2025 ж. 1-тоқсан", title);
        Assert.Contains("демо", title);
        Assert.True(workbook.BoldRows[1], "the header row is bold");
        Assert.Equal("A3", workbook.FrozenAt);
        Assert.StartsWith("A2:", workbook.AutoFilter);
        Assert.Contains(workbook.Rows.Skip(2), row => row.Any(cell => cell.Contains(Note)));
        Assert.DoesNotContain(workbook.Rows, row => row.Any(cell => System.Text.RegularExpressions.Regex.IsMatch(cell, @"\d{4}Q\d")));
    }
}
