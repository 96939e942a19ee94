using System.Text.Json;
using static RiskMap.Web.Tests.ExportFiles;

namespace RiskMap.Web.Tests;

/// <summary>
/// Exports an education department hands on as they are: a workbook that says what it is, with a bold, filterable, frozen
/// header and a sheet named in the user's language, and Kazakh files with nothing in English.
/// </summary>
public class HandOnExportTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Almaty = "750000000";
    private static readonly string[] KazakhRiskLevels = ["Өте төмен", "Төмен", "Орташа", "Жоғары", "Өте жоғары"];

    [Theory]
    [InlineData("hotspots", "kk", "Тәуекел тізімі", "Тәуекел ошақтарының тізімі", "Алматы қаласы", "2025 ж. 4-тоқсан", "Жиынтық балл")]
    [InlineData("scores", "ru", "Баллы", "Баллы риска", "город Алматы", "4 квартал 2025 г.", "сводный балл")]
    [InlineData("hotspots", "en", "Hotspots", "Hotspot list", "Almaty city", "Q4 2025", "composite score")]
    public async Task The_workbook_says_what_it_is_above_a_bold_filtered_frozen_header_on_a_sheet_named_in_the_language(
        string kind, string lang, string sheetName, string what, string area, string quarter, string measure)
    {
        var education = await app.ClientAsAsync("edu-75");
        var workbook = ReadWorkbook(await education.GetByteArrayAsync($"/api/exports/{kind}?format=xlsx&level=school&region={Almaty}&lang={lang}"));

        Assert.Equal(sheetName, workbook.SheetName);
        var title = Assert.Single(workbook.Rows[0]);
        foreach (var part in new[] { what, area, quarter, measure }) Assert.Contains(part, title, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2025Q4", title);
        Assert.True(workbook.BoldRows[1], "the header row is bold");
        Assert.False(workbook.BoldRows[2], "data rows are not bold");
        Assert.Equal("A3", workbook.FrozenAt);
        Assert.Equal($"A2:{ColumnName(workbook.Rows[1].Length)}{workbook.Rows.Count}", workbook.AutoFilter);
        Assert.True(workbook.Rows.Count > 100, $"only {workbook.Rows.Count - 2} schools");
    }

    [Theory]
    [InlineData("csv", "composite")]
    [InlineData("xlsx", "composite")]
    [InlineData("csv", "domain:violence")]
    [InlineData("xlsx", "domain:violence")]
    public async Task A_Kazakh_export_holds_no_English_codes_words_or_booleans(string format, string by)
    {
        var education = await app.ClientAsAsync("edu-75");
        var bytes = await education.GetByteArrayAsync($"/api/exports/hotspots?format={format}&level=school&lang=kk&by={Uri.EscapeDataString(by)}&top=100000");
        var rows = format == "csv" ? ParseCsv(bytes) : ReadWorkbook(bytes).Rows;
        var headings = rows[format == "csv" ? 0 : 1];
        var code = Array.IndexOf(headings, "код");
        var level = Array.IndexOf(headings, "тәуекел деңгейі");
        Assert.True(code >= 0 && level >= 0, string.Join(" | ", headings));
        Assert.DoesNotContain(headings, h => h.Contains("сынып", StringComparison.OrdinalIgnoreCase));
        if (format == "xlsx") Assert.False(ReadWorkbook(bytes).HasBooleanCells, "booleans show as 1/0 in a spreadsheet");
        var firstData = format == "csv" ? 1 : 2;
        var data = rows.Skip(firstData).ToList();
        Assert.True(data.Count > 100, $"only {data.Count} schools");
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            foreach (var (cell, column) in row.Select((c, i) => (c, i)))
            {
                if (column == code && index >= firstData) continue;
                Assert.DoesNotMatch("[A-Za-z]", cell);
            }
        }
        Assert.All(data, row => Assert.Contains(row[level], KazakhRiskLevels));
        Assert.Contains(data, row => row[level] == "Орташа");
    }

    [Fact]
    public async Task The_Kazakh_GeoJSON_names_its_properties_and_values_in_Kazakh()
    {
        var education = await app.ClientAsAsync("edu-75");
        var features = JsonDocument.Parse(await education.GetByteArrayAsync("/api/exports/hotspots?format=geojson&level=school&lang=kk&top=100000"))
            .RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count > 100);
        foreach (var property in features.SelectMany(f => f.GetProperty("properties").EnumerateObject()))
        {
            Assert.DoesNotMatch("[A-Za-z]", property.Name);
            Assert.NotEqual(JsonValueKind.True, property.Value.ValueKind);
            Assert.NotEqual(JsonValueKind.False, property.Value.ValueKind);
        }
    }

    public static TheoryData<string, string, string> EveryExportInEveryLanguage()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "hotspots", "scores" })
            foreach (var format in new[] { "csv", "xlsx", "geojson" })
                foreach (var lang in new[] { "kk", "ru", "en" }) data.Add(kind, format, lang);
        return data;
    }

    /// <summary>The glossary's "risk level": the 1–5 column and the column of its name, in each language.</summary>
    [Theory]
    [MemberData(nameof(EveryExportInEveryLanguage))]
    public async Task Every_export_heads_the_risk_level_columns_with_the_glossary_s_word_never_class(string kind, string format, string lang)
    {
        var (number, word) = lang switch
        {
            "kk" => ("тәуекел деңгейі (1–5)", "тәуекел деңгейі"),
            "ru" => ("уровень риска (1–5)", "уровень риска"),
            _ => ("risk level (1–5)", "risk level"),
        };
        var education = await app.ClientAsAsync("edu-75");
        var bytes = await education.GetByteArrayAsync($"/api/exports/{kind}?format={format}&level=school&region={Almaty}&lang={lang}");
        var headings = format switch
        {
            "csv" => ParseCsv(bytes)[0],
            "xlsx" => ReadWorkbook(bytes).Rows[1],
            _ => JsonDocument.Parse(bytes).RootElement.GetProperty("features")[0].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray(),
        };
        Assert.Contains(number, headings);
        Assert.Contains(word, headings);
        Assert.DoesNotContain(headings, h => h.Contains("class", StringComparison.OrdinalIgnoreCase) || h.Contains("класс", StringComparison.OrdinalIgnoreCase)
                                             || h.Contains("сынып", StringComparison.OrdinalIgnoreCase));
    }
}
