using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>The programme page as an akimat planner uses it on a 1366 × 768 laptop, in Russian.</summary>
public class ProgrammePageLayoutTests(ProgrammeBrowserApp app) : IClassFixture<ProgrammeBrowserApp>
{
    private static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    private async Task<IPage> OpenAsPlannerInRussianAsync(long id)
    {
        var (page, _) = await app.OpenAsync($"/programmes.html?lang=en&id={id}", signedInAs: "planner-75");
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-table caption")).ToHaveTextAsync("План мероприятий");
        return page;
    }

    [Fact]
    public async Task At_1366_px_every_action_of_the_plan_table_is_in_view_without_scrolling_sideways()
    {
        var districts = await app.AlmatyDistrictsAsync();
        var (id, targets) = await app.CreateProgrammeAsync("Алматы: антикризисная программа 2025", districts[4], districts[5]);
        await app.AddMeasureWithProgressAsync(id, targets[0], "anti_bullying_kiva", "2025Q2", "Обучены 40 педагогов; программа внедрена в 12 школах района");
        await app.AddMeasureWithProgressAsync(id, targets[0], "social_patronage", "2025Q3", "Социальный патронаж 25 семей группы риска");
        await app.AddMeasureWithProgressAsync(id, targets[1], "social_patronage", "2025Q2", "Начат патронаж");
        var page = await OpenAsPlannerInRussianAsync(id);

        var actions = page.Locator("#plan-table .row-actions button");
        // Two targets (add measure, remove) and three measures (report, edit, delete).
        await Assertions.Expect(actions).ToHaveCountAsync(2 * 2 + 3 * 3);
        var viewport = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        // Every button measured in one go: the page may redraw the table (e.g. when the effectiveness arrives) between
        // one button's lookup and the next.
        var boxes = (await actions.EvaluateAllAsync<string[]>("""
            buttons => buttons.map(b => { const r = b.getBoundingClientRect(); return [r.left, r.right, r.width, b.getAttribute('aria-label')].join('|'); })
            """)).Select(ButtonBox.Parse).ToList();
        Assert.Equal(2 * 2 + 3 * 3, boxes.Count);
        foreach (var box in boxes)
        {
            Assert.True(box.Width > 0, $"“{box.Label}” is not drawn");
            Assert.True(box.Left >= 0 && box.Right <= viewport, $"“{box.Label}” ends at {box.Right:0} px, beyond the {viewport} px of the window");
        }
        var overflow = await page.EvaluateAsync<int[]>("""
            [document.querySelector('#plan-table').closest('.table-wrap'), document.scrollingElement]
                .map(el => el.scrollWidth - el.clientWidth)
            """);
        Assert.True(overflow.All(o => o <= 0), $"horizontal overflow of the table box and the page: {string.Join(", ", overflow)} px");

        // The Plan's other columns are one click away, in the measure's details.
        var first = page.Locator("#plan-table tr.measure-row").First;
        var toggle = first.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("подробнее$") });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        var details = page.Locator($"#{await toggle.GetAttributeAsync("aria-controls")}");
        await Assertions.Expect(details).ToContainTextAsync("Управление образования города Алматы");
        await Assertions.Expect(details).ToContainTextAsync("Местный бюджет");
        await Assertions.Expect(details).ToContainTextAsync("Обучены 40 педагогов");
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
    }

    [Fact]
    public async Task A_fresh_programme_says_there_is_no_data_after_its_start_yet_and_when_its_first_quarter_can_be_scored()
    {
        var district = (await app.AlmatyDistrictsAsync())[6];
        var (id, _) = await app.CreateProgrammeAsync("Новая программа 2026", "2026Q1", "2026Q4", [district]);
        var page = await OpenAsPlannerInRussianAsync(id);

        var section = page.Locator("#effectiveness");
        await Assertions.Expect(section.Locator("#effectiveness-awaiting")).ToHaveTextAsync(
            new Regex("^Данных после начала программы пока нет: первый квартал программы, 1 квартал 2026 г\\., будет оценён после импорта его данных — не раньше 01\\.04\\.2026\\.$"),
            new() { Timeout = 30_000 });
        // No "0,00 / 0,00" and no table of one quarter twice.
        await Assertions.Expect(section.Locator("svg.line-chart, .effectiveness-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#plan-table tr.target-row .target-effect")).ToHaveTextAsync("Данных пока нет");

        var report = await page.EvaluateAsync<System.Text.Json.JsonElement>($"fetch('/api/programmes/{id}/effectiveness').then(r => r.json())");
        var awaiting = report.GetProperty("awaiting");
        Assert.Equal(("no-scores-since-start", "2026Q1", "2026-04-01"),
            (awaiting.GetProperty("reason").GetString(), awaiting.GetProperty("quarter").GetString(), awaiting.GetProperty("dataFrom").GetString()));
        var target = report.GetProperty("targets")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, target.GetProperty("latest").ValueKind);
        Assert.Equal("no-scores-since-start", target.GetProperty("comparison").GetProperty("reason").GetString());
    }

    private sealed record ButtonBox(string Label, double Left, double Right, double Width)
    {
        public static ButtonBox Parse(string text)
        {
            var parts = text.Split('|', 4);
            double Number(int i) => double.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            return new ButtonBox(parts[3], Number(0), Number(1), Number(2));
        }
    }
}
