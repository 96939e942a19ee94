using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

public class ProgrammeTests(ProgrammeBrowserApp app) : IClassFixture<ProgrammeBrowserApp>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_planner_creates_a_programme_adds_two_hotspots_from_the_map_assigns_a_measure_records_progress_and_exports_it()
    {
        var (page, errors) = await app.OpenAsync("/programmes.html?lang=en", signedInAs: "planner-75");

        await page.GetByRole(AriaRole.Button, new() { Name = "New programme" }).ClickAsync();
        var create = page.GetByRole(AriaRole.Dialog, new() { Name = "New programme" });
        await create.GetByLabel("Title").FillAsync("Almaty: crisis programme 2025");
        await create.GetByLabel("First quarter").SelectOptionAsync("2025Q1");
        await create.GetByLabel("Last quarter").SelectOptionAsync("2025Q4");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create the programme" }).ClickAsync();
        await Assertions.Expect(page.Locator("#programme-title")).ToHaveTextAsync("Almaty: crisis programme 2025", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync(new Regex("The programme was created"));
        var id = new Uri(page.Url).Query.Split('&', '?').Single(p => p.StartsWith("id=", StringComparison.Ordinal))[3..];

        // The map of Almaty city lists its districts as hotspots; two of them are added to the programme.
        await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={ProgrammeBrowserApp.AlmatyCity}");
        await BrowserApp.WaitUntilReadyAsync(page);
        var rows = page.Locator("#hotspots-table tbody tr");
        var katos = (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kato)")).Take(2).ToArray();
        Assert.Equal(2, katos.Length);
        var names = new List<string>();
        foreach (var kato in katos)
        {
            var row = page.Locator($"#hotspots-table tbody tr[data-kato='{kato}']");
            var name = await row.Locator("th button").First.InnerTextAsync();
            names.Add(name);
            await row.GetByRole(AriaRole.Button, new() { Name = $"{name}: add to programme" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Add {name} to a programme" });
            await dialog.GetByLabel("Programme").SelectOptionAsync(id);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            var notice = page.Locator(".programme-notice");
            await Assertions.Expect(notice).ToContainTextAsync($"{name} was added to the programme “Almaty: crisis programme 2025”.");
            await Assertions.Expect(notice).ToBeFocusedAsync();
        }

        await page.Locator(".programme-notice").GetByRole(AriaRole.Link, new() { Name = "Open the programme" }).ClickAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        var plan = page.Locator("#plan-table");
        await Assertions.Expect(plan.Locator("tr.target-row")).ToHaveCountAsync(2);

        // A measure for the first target, due before today, so it is overdue.
        await page.GetByRole(AriaRole.Button, new() { Name = $"{names[0]}: add measure" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Dialog, new() { Name = $"New measure: {names[0]}" });
        await add.GetByLabel("Measure").SelectOptionAsync("anti_bullying_kiva");
        await add.GetByLabel("Responsible executors").FillAsync("Education department of Almaty");
        await add.GetByLabel("Deadline").FillAsync("2025-06-30");
        await add.GetByLabel("Funding amount, tenge").FillAsync("12500000");
        await add.GetByLabel("Source of funding").FillAsync("Local budget");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync($"A measure was added to {names[0]}.");
        await Assertions.Expect(page.Locator("#notice")).ToBeFocusedAsync();

        var measure = plan.Locator("tr.measure-row");
        await Assertions.Expect(measure).ToHaveCountAsync(1);
        var cells = await measure.Locator("td, th").AllInnerTextsAsync();
        Assert.Equal("1", cells[0]);
        Assert.Contains("KiVa", cells[1]);
        Assert.Equal("30/06/2025", cells[2]);
        // Overdue is said in words, not by the colour alone.
        Assert.StartsWith("Overdue", cells[3]);
        await Assertions.Expect(measure).ToHaveClassAsync(new Regex("is-overdue"));
        var measureName = await measure.Locator("th > span").First.InnerTextAsync();
        // The rest of the Plan's columns are in the measure's details.
        await measure.GetByRole(AriaRole.Button, new() { Name = $"{measureName}: details" }).ClickAsync();
        var details = plan.Locator("tr.measure-details");
        await Assertions.Expect(details).ToContainTextAsync("Education department of Almaty");
        await Assertions.Expect(details).ToContainTextAsync("12,500,000");
        await Assertions.Expect(details).ToContainTextAsync("Local budget");

        await page.GetByRole(AriaRole.Button, new() { Name = $"{measureName}: record quarterly progress" }).ClickAsync();
        var progress = page.GetByRole(AriaRole.Dialog, new() { Name = $"Quarterly progress: {measureName}" });
        await progress.GetByLabel("Quarter").SelectOptionAsync("2025Q2");
        await progress.GetByLabel("What was done").FillAsync("Trained 40 teachers");
        await progress.GetByLabel("Completion, % (optional)").FillAsync("30");
        await progress.GetByLabel("New status of the measure").SelectOptionAsync("in_progress");
        await progress.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await Assertions.Expect(measure.Locator(".measure-progress")).ToHaveTextAsync("Q2 2025 · 30% · In progress");
        await measure.GetByRole(AriaRole.Button, new() { Name = $"{measureName}: details" }).ClickAsync();
        await Assertions.Expect(plan.Locator("tr.measure-details .progress-list li")).ToHaveTextAsync(new Regex("Q2 2025 · 30% · In progress\\s+Trained 40 teachers"));
        await Assertions.Expect(measure.Locator(".recorded-status")).ToHaveTextAsync("(recorded status: In progress)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"programme-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            Assert.True(new FileInfo(path).Length > 1000);
            var text = SheetText(path);
            Assert.Contains("Almaty: crisis programme 2025", text);
            Assert.Contains("Education department of Almaty", text);
            Assert.Contains(names[0], text);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Empty(errors);
        var print = await page.Locator("#print-link").GetAttributeAsync("href");
        Assert.Equal($"/api/programmes/{id}/print?lang=en", print);
        var response = await page.GotoAsync(app.BaseUrl + print);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Almaty: crisis programme 2025");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Education department of Almaty");

        await page.GoBackAsync();
        await BrowserApp.WaitUntilReadyAsync(page);

        // The programme's targets on the map, the overdue one said so.
        await page.Locator("#show-on-map").ClickAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        var overlay = page.Locator("#programme-overlay");
        await Assertions.Expect(overlay.Locator("li")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(overlay.Locator($"li[data-code='{katos[0]}']")).ToContainTextAsync("overdue: 1");
        await Assertions.Expect(page.Locator("path.programme-target")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("path.programme-target.is-overdue")).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_deadline_before_the_programme_start_is_shown_on_its_field_and_nothing_is_added()
    {
        var district = (await app.AlmatyDistrictsAsync())[2];
        var (id, _) = await app.CreateProgrammeAsync("Validation programme", district);
        var (page, errors) = await app.OpenAsync($"/programmes.html?lang=en&id={id}", signedInAs: "planner-75");

        await page.Locator("#plan-table tr.target-row .row-actions button").First.ClickAsync();
        var add = page.GetByRole(AriaRole.Dialog);
        await add.GetByLabel("Responsible executors").FillAsync("Akimat");
        await add.GetByLabel("Deadline").FillAsync("2024-12-31");
        await add.GetByLabel("Funding amount, tenge").FillAsync("100");
        await add.GetByLabel("Source of funding").FillAsync("Local budget");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();

        var deadline = add.GetByLabel("Deadline");
        await Assertions.Expect(deadline).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(deadline).ToBeFocusedAsync();
        await Assertions.Expect(deadline).ToHaveAccessibleDescriptionAsync(new Regex("before the programme starts"));
        await Assertions.Expect(add).ToBeVisibleAsync();

        await add.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-table tr.measure-row")).ToHaveCountAsync(0);
        var programme = await app.ProgrammeAsync(id);
        Assert.Equal(0, programme.GetProperty("targets")[0].GetProperty("measures").GetArrayLength());
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_analyst_reads_a_programme_without_forms_and_another_region_s_planner_does_not_see_it()
    {
        var district = (await app.AlmatyDistrictsAsync())[3];
        var (id, targets) = await app.CreateProgrammeAsync("Read-only programme", district);
        await app.AddMeasureAsync(id, targets[0], "social_patronage");

        var (page, errors) = await app.OpenAsync("/programmes.html?lang=en", signedInAs: "analyst");
        await Assertions.Expect(page.Locator(".page-link[href^='/programmes.html']")).ToBeVisibleAsync();
        var row = page.Locator($"#programmes-table tr[data-programme='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New programme" })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("#plan-table tr.measure-row")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("#programmes-view button:not(.details-toggle), #programmes-view form, #programmes-view input").CountAsync());
        Assert.DoesNotContain("Actions", await page.Locator("#plan-table thead th").AllInnerTextsAsync());
        await Assertions.Expect(page.Locator("#export-xlsx")).ToBeVisibleAsync();
        Assert.Empty(errors);

        var (other, otherErrors) = await app.OpenAsync("/programmes.html?lang=en", signedInAs: "planner-71");
        await Assertions.Expect(other.Locator("#programmes-view h1")).ToHaveTextAsync("Crisis-management programmes");
        await Assertions.Expect(other.Locator($"tr[data-programme='{id}']")).ToHaveCountAsync(0);
        await other.GotoAsync($"{app.BaseUrl}/programmes.html?lang=en&id={id}");
        await BrowserApp.WaitUntilReadyAsync(other);
        await Assertions.Expect(other.Locator("#error-box")).ToContainTextAsync("was not found");
        Assert.DoesNotContain(otherErrors, e => !e.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_planner_without_programmes_is_told_in_russian_to_start_from_the_map_and_the_link_opens_their_region()
    {
        var (page, errors) = await app.OpenAsync("/programmes.html?lang=ru", signedInAs: "planner-71");
        await Assertions.Expect(page.Locator("#programmes-view .empty-note").First).ToHaveTextAsync("Программ пока нет.");
        await Assertions.Expect(page.Locator("#programmes-view .empty-note").Nth(1)).ToContainTextAsync("«Добавить в программу»");
        await page.GetByRole(AriaRole.Link, new() { Name = "Открыть карту" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]unit=710000000(&|$)"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_effectiveness_section_shows_the_chart_and_says_it_is_a_comparison_not_proof_in_the_ui_language()
    {
        var district = (await app.AlmatyDistrictsAsync())[0];
        var (id, _) = await app.CreateProgrammeAsync("Effectiveness programme", district);
        var (page, errors) = await app.OpenAsync($"/programmes.html?lang=en&id={id}", signedInAs: "planner-75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();

        var section = page.Locator("#effectiveness");
        await Assertions.Expect(section).ToBeVisibleAsync(Slow);
        await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync("Эффективность: до и после начала");
        var report = await page.EvaluateAsync<JsonElement>($"fetch('/api/programmes/{id}/effectiveness').then(r => r.json())");
        var note = report.GetProperty("note").GetProperty("ru").GetString()!;
        Assert.Contains("не", note);
        await Assertions.Expect(section.Locator("#effectiveness-note")).ToHaveTextAsync(note);
        var target = section.Locator($".effectiveness-target");
        await Assertions.Expect(target.Locator("svg.line-chart")).ToBeVisibleAsync();
        var quarters = report.GetProperty("targets")[0].GetProperty("series").GetArrayLength();
        Assert.True(quarters >= 2, $"the series has {quarters} quarters");
        await Assertions.Expect(target.Locator("svg.line-chart circle.series-target")).ToHaveCountAsync(quarters);
        await Assertions.Expect(target.Locator(".effectiveness-table").First.Locator("tbody tr")).ToHaveCountAsync(quarters);

        await page.GetByRole(AriaRole.Button, new() { Name = "Қазақша" }).ClickAsync();
        await Assertions.Expect(section.Locator("#effectiveness-note")).ToHaveTextAsync(report.GetProperty("note").GetProperty("kk").GetString()!);
        Assert.Empty(errors);
    }

    /// <summary>The text of every cell of the workbook (shared and inline strings).</summary>
    private static string SheetText(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
        return string.Join("\n", workbook.WorksheetParts.Select(part => part.Worksheet.InnerText).Append(shared));
    }

    [Fact]
    public async Task Hotspot_rows_drawn_before_the_programme_action_loaded_get_their_add_to_programme_buttons_once_it_does()
    {
        var (page, _) = await app.OpenAsync("/programmes.html?lang=en", signedInAs: "planner-75");
        // The planner's action (a module loaded on demand) arrives only after the hotspot list is drawn, as it does when
        // the page's preloaded score table is quicker than the module.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/programmemap-*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var rows = page.Locator("#hotspots-table tbody tr");
        try
        {
            await page.GotoAsync($"{app.BaseUrl}/?lang=en&unit={ProgrammeBrowserApp.AlmatyCity}");
            await Assertions.Expect(rows.First).ToBeVisibleAsync(Slow);
        }
        finally
        {
            release.TrySetResult();
        }

        await Assertions.Expect(rows.First.Locator("button.add-to-programme")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(rows.Locator("button.add-to-programme")).ToHaveCountAsync(await rows.CountAsync());
    }
}
