using System.Globalization;
using System.Net;
using System.Text.Json;
using RiskMap.Web.Tests.Programmes;
using UglyToad.PdfPig;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.Briefs;

/// <summary>
/// The regional and national briefs, parsed back with PdfPig: the text in Kazakh, Russian and English from the embedded
/// font (Kazakh letters intact), the figures the API answers with, who may have which brief, the demo label and the audit.
/// </summary>
public class BriefTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Region = "/api/briefs/region.pdf";
    private const string National = "/api/briefs/national.pdf";

    private static readonly string[] RiskLevels = ["Very low", "Low", "Medium", "High", "Very high"];

    private sealed record Parsed(string Text, IReadOnlySet<string> Fonts, int Pages);

    private static async Task<Parsed> PdfAsync(HttpClient client, string url)
    {
        var answer = await client.GetAsync(url);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", answer.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await answer.Content.ReadAsByteArrayAsync());
        var pages = document.GetPages().ToList();
        return new Parsed(string.Join("\n", pages.Select(p => p.Text)), pages.SelectMany(p => p.Letters).Select(l => l.FontName ?? "").ToHashSet(), pages.Count);
    }

    private async Task<string> LatestPeriodAsync() =>
        (await Json.GetAsync(app.CreateClient(), "/api/periods")).GetProperty("periods").EnumerateArray().Last().GetString()!;

    [Theory]
    [InlineData("kk", "Өңірлік анықтама", "Алматы қаласы", "тоқсан", "Демо деректер (синтетикалық)")]
    [InlineData("ru", "Региональная справка", "город Алматы", "квартал", "Демо-данные (синтетические)")]
    [InlineData("en", "Regional brief", "Almaty city", "Q", "Demo data (synthetic)")]
    public async Task A_region_brief_reads_back_in_its_language_from_an_embedded_font(string lang, string title, string region, string quarter,
        string demo)
    {
        var pdf = await PdfAsync(await app.ClientAsAsync(Planner75), $"{Region}?region={Almaty}&lang={lang}");

        Assert.Contains(title, pdf.Text);
        Assert.Contains(region, pdf.Text);
        Assert.Contains(quarter, pdf.Text);
        Assert.Contains(demo, pdf.Text);
        Assert.All(pdf.Fonts, font => Assert.Contains("DejaVu", font, StringComparison.Ordinal));
        Assert.Contains(lang switch { "kk" => $"{pdf.Pages} беттің 1-беті", "ru" => $"Страница 1 из {pdf.Pages}", _ => $"Page 1 of {pdf.Pages}" }, pdf.Text);
    }

    [Fact]
    public async Task Kazakh_letters_come_back_intact()
    {
        var pdf = await PdfAsync(await app.ClientAsAsync(Planner75), $"{Region}?region={Almaty}&lang=kk");

        // Ө, ң and і of the title; қ of the region and the quarter; ғ, ү and ұ of the headings and the note.
        foreach (var letter in new[] { "Ө", "ң", "і", "қ", "ғ", "ү", "ұ" }) Assert.Contains(letter, pdf.Text);
        Assert.Contains("Негізгі көрсеткіштер", pdf.Text);
    }

    [Fact]
    public async Task The_region_brief_shows_the_region_score_and_top_district_the_API_gives()
    {
        var client = await app.ClientAsAsync(Planner75);
        var period = await LatestPeriodAsync();
        var en = CultureInfo.GetCultureInfo("en-GB");
        var ru = CultureInfo.GetCultureInfo("ru-KZ");
        var profile = (await Json.GetAsync(client, $"/api/scores/region/{Almaty}?period={period}")).GetProperty("latest");
        var top = (await Json.GetAsync(client, $"/api/hotspots?level=district&region={Almaty}&period={period}&top=1"))
            .GetProperty("units").EnumerateArray().Single().GetProperty("unit");

        var english = await PdfAsync(client, $"{Region}?region={Almaty}&period={period}&lang=en");
        var russian = await PdfAsync(client, $"{Region}?region={Almaty}&period={period}&lang=ru");

        var score = profile.GetProperty("score").GetDouble();
        // The label and its value are drawn side by side, with no space between them in the text.
        Assert.Contains($"Compositeriskscore{score.ToString("0.0", en)}", english.Text.Replace(" ", ""));
        Assert.Contains(score.ToString("0.0", ru), russian.Text);
        var district = top.GetProperty("nameEn").GetString()!;
        var districtScore = top.GetProperty("score").GetDouble().ToString("0.0", en);
        var riskiest = english.Text[english.Text.IndexOf("Highest-risk districts", StringComparison.Ordinal)..];
        // The table's first row, cell after cell: name, risk level, score.
        var level = RiskLevels[top.GetProperty("class").GetInt32() - 1];
        Assert.Contains($"{district}{level}{districtScore}", riskiest);
        Assert.Contains(top.GetProperty("nameRu").GetString()!, russian.Text);
    }

    [Fact]
    public async Task The_programme_status_counts_the_measures_due_overdue_and_done_as_the_programme_list_does()
    {
        const string Title = "Brief test";
        var planner = await app.ClientAsAsync(Planner75);
        var programme = await ProgrammeClient.CreateAsync(planner, Title);
        var target = await ProgrammeClient.AddTargetAsync(planner, programme.Id(), "district", AlmatyDistrict);
        var ahead = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var measure in new[] { ProgrammeClient.Measure("2025-06-30"), ProgrammeClient.Measure(ahead), ProgrammeClient.Measure(ahead, status: "done") })
            await ProgrammeClient.AddMeasureAsync(planner, programme.Id(), target.Id(), measure);
        var listed = (await Json.GetAsync(planner, "/api/programmes")).EnumerateArray().Single(p => p.Id() == programme.Id());
        var (all, overdue, done) = (listed.GetProperty("measures").GetInt32(), listed.GetProperty("overdueMeasures").GetInt32(), listed.GetProperty("doneMeasures").GetInt32());
        Assert.Equal((3, 1, 1), (all, overdue, done));

        var brief = await PdfAsync(planner, $"{Region}?region={Almaty}&lang=en");
        var national = await PdfAsync(await app.ClientAsAsync(Analyst), $"{National}?lang=en");
        var astana = await PdfAsync(await app.ClientAsAsync(Planner71), $"{Region}?region={Astana}&lang=en");

        // One row, cell after cell: title, period, measures, due, overdue, done.
        Assert.Contains($"{Title}Q1 2025 – Q4 2025{all}{all - overdue - done}{overdue}{done}", brief.Text);
        Assert.Contains(Title, national.Text);
        Assert.DoesNotContain(Title, astana.Text);
        Assert.Contains("There are no programmes.", astana.Text);
    }

    [Fact]
    public async Task A_planner_gets_their_region_only_the_public_nothing_and_the_national_brief_is_the_analyst_s()
    {
        var planner = await app.ClientAsAsync(Planner75);
        await PdfAsync(planner, $"{Region}?region={Almaty}");

        await Json.ProblemAsync(await planner.GetAsync($"{Region}?region={Astana}"), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await app.CreateClient().GetAsync($"{Region}?region={Almaty}"), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await app.CreateClient().GetAsync(National), HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(await planner.GetAsync(National), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await (await app.ClientAsAsync(Steward)).GetAsync($"{Region}?region={Almaty}"), HttpStatusCode.Forbidden);

        var national = await PdfAsync(await app.ClientAsAsync(Analyst), $"{National}?lang=en");
        Assert.Contains("National brief", national.Text);
        Assert.Contains("Kazakhstan", national.Text);
        Assert.Contains("Figures by region", national.Text);
        Assert.Contains("Demo data (synthetic)", national.Text);
    }

    [Fact]
    public async Task Bad_input_is_a_problem()
    {
        var planner = await app.ClientAsAsync(Planner75);
        Assert.Equal("region", (await Json.ProblemAsync(await planner.GetAsync(Region), HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        Assert.Equal("lang", (await Json.ProblemAsync(await planner.GetAsync($"{Region}?region={Almaty}&lang=de"), HttpStatusCode.BadRequest))
            .GetProperty("parameter").GetString());
        Assert.Equal("period", (await Json.ProblemAsync(await planner.GetAsync($"{Region}?region={Almaty}&period=1999Q1"), HttpStatusCode.BadRequest))
            .GetProperty("parameter").GetString());
        await Json.ProblemAsync(await planner.GetAsync($"{Region}?region=990000000"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_brief_is_audited_once_as_an_export()
    {
        const string Count = "SELECT count(*) FROM audit_log WHERE action = 'export' AND target LIKE 'brief %'";
        var before = await app.Database.ScalarAsync<long>(Count);
        await PdfAsync(await app.ClientAsAsync(Planner75), $"{Region}?region={Almaty}&lang=ru");
        await PdfAsync(await app.ClientAsAsync(Analyst), $"{National}?lang=kk");

        Assert.Equal(before + 2, await app.Database.ScalarAsync<long>(Count));
        var entries = await app.Database.QueryAsync<(string Actor, string Target, string Details)>(
            "SELECT actor, target, details::text FROM audit_log WHERE action = 'export' AND target LIKE 'brief %' ORDER BY id DESC LIMIT 2");
        Assert.Equal([Analyst, Planner75], entries.Select(e => e.Actor));
        Assert.StartsWith("brief national kz ", entries[0].Target);
        Assert.StartsWith($"brief region {Almaty} ", entries[1].Target);
        Assert.Equal("pdf", JsonDocument.Parse(entries[1].Details).RootElement.GetProperty("format").GetString());
    }
}
