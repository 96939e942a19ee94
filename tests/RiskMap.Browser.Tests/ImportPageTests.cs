using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The data steward's import page: reached from the map's header, an upload of indicator values that is stored and
/// logged, a rejected upload that lists its findings and stores nothing, and the page for everybody else. The class
/// has its own demo database, so its imports change no data that other classes read.
/// </summary>
public class ImportPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Header = "entity_level,entity_code,indicator,period,value\n";
    private const float ImportTimeoutMs = 60_000;

    private static ILocator ImportsLink(IPage page) => page.Locator(".page-nav a[data-page-link='/imports.html']");

    private static ILocator ResultHeading(IPage page) => page.Locator("#result-heading");

    [Fact]
    public async Task The_steward_opens_the_page_from_the_map_and_imports_indicator_values_that_then_head_the_log()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await Assertions.Expect(ImportsLink(page)).ToBeHiddenAsync();
        await SignInForm.SignInAsync(page, "steward");

        await ImportsLink(page).PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/imports.html?lang=en", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserApp.WaitUntilReadyAsync(page);
        Assert.Equal("Data imports", (await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Imports" }).GetAttributeAsync("aria-current"));

        // The log is an accessible table, and the demo's own imports are marked as demo data.
        var table = page.Locator("#batches-table");
        Assert.Equal("Recent imports (newest first)", (await table.Locator("caption").InnerTextAsync()).Trim());
        Assert.Equal(11, await table.Locator("thead th[scope='col']").CountAsync());
        await Assertions.Expect(table.Locator("tbody tr", new LocatorLocatorOptions { HasText = "demo-schools.csv" }).GetByText("Demo data")).ToBeVisibleAsync();

        // Boundary options are offered for boundaries only.
        var kind = page.GetByLabel("What to import");
        await kind.SelectOptionAsync("boundaries");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Boundary options" })).ToBeVisibleAsync();
        await kind.SelectOptionAsync("indicators");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Boundary options" })).ToBeHiddenAsync();

        var stored = await ObservationsFromAsync("akimat-71");
        await page.GetByLabel("File", new PageGetByLabelOptions { Exact = true }).SetInputFilesAsync(Csv("astana-2019q1.csv",
            Header + "region,710000000,suicides,2019Q1,2\nregion,750000000,suicides,2019Q1,3\n"));
        await page.GetByLabel("Source (optional)").FillAsync("akimat-71");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import", Exact = true }).PressAsync("Enter");

        // The summary takes the focus.
        var heading = ResultHeading(page);
        await Assertions.Expect(heading).ToHaveTextAsync(new Regex(@"^Imported: batch #\d+$"), new LocatorAssertionsToHaveTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        var summary = await page.Locator("#result").InnerTextAsync();
        Assert.Contains("astana-2019q1.csv was stored (Indicator values).", summary);
        Assert.Matches(@"Rows read\s+2\s+New\s+2\s+Updated\s+0\s+Unchanged\s+0", summary);
        Assert.Equal(stored + 2, await ObservationsFromAsync("akimat-71"));

        // The new batch heads the log.
        var batchId = Regex.Match(await heading.InnerTextAsync(), @"#(\d+)").Groups[1].Value;
        var first = table.Locator("tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-batch-id", batchId);
        var cells = await first.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal([$"#{batchId}", "Indicator values", "astana-2019q1.csv", "akimat-71", "Succeeded"], cells.Take(5).Select(c => c.Trim()));
        Assert.Equal(["steward", "2", "2", "0", "0"], cells.Skip(6).Select(c => c.Trim()));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("imports-succeeded.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_rejected_with_its_row_and_field_and_nothing_is_stored()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=en", signedInAs: "steward");
        var before = await app.Database.DataFingerprintAsync();
        var observations = await app.Database.ScalarAsync<long>("SELECT count(*) FROM observations");

        await page.GetByLabel("What to import").SelectOptionAsync("indicators");
        await page.GetByLabel("File", new PageGetByLabelOptions { Exact = true }).SetInputFilesAsync(Csv("bad-row.csv",
            Header + "region,710000000,suicides,2019Q2,2\nregion,710000000,offences_by_minors,2019Q2,много\n"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import", Exact = true }).ClickAsync();

        var heading = ResultHeading(page);
        await Assertions.Expect(heading).ToHaveTextAsync("The file was rejected", new LocatorAssertionsToHaveTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#result .nothing-changed")).ToContainTextAsync("Nothing was changed");

        // One finding: the header is line 1, so the second data row is row 3.
        var issues = page.Locator("#result table");
        Assert.Equal("Problems found: 1", (await issues.Locator("caption").InnerTextAsync()).Trim());
        Assert.Equal(6, await issues.Locator("thead th[scope='col']").CountAsync());
        var issue = issues.Locator("tbody tr");
        await Assertions.Expect(issue).ToHaveCountAsync(1);
        Assert.Equal("3", (await issue.Locator("th[scope='row']").InnerTextAsync()).Trim());
        Assert.Equal("value", (await issue.Locator("td[data-field]").InnerTextAsync()).Trim());
        Assert.Contains("много", await issue.InnerTextAsync());

        Assert.Equal(observations, await app.Database.ScalarAsync<long>("SELECT count(*) FROM observations"));
        Assert.Equal(before, await app.Database.DataFingerprintAsync());

        // The log shows the refused batch with its finding.
        var first = page.Locator("#batches-table tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("bad-row.csv");
        await Assertions.Expect(first.Locator(".badge[data-status='failed']")).ToBeVisibleAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("imports-rejected.png"), FullPage = true });
        // The browser reports the refusal (HTTP 422) on the console; nothing else may go wrong.
        Assert.All(errors, error => Assert.Contains("422", error));
    }

    [Fact]
    public async Task Others_see_no_link_and_the_page_tells_them_only_stewards_import()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=en");
        await Assertions.Expect(page.GetByText("Sign in as a data steward to import data.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-form")).ToBeHiddenAsync();

        await page.GotoAsync(app.BaseUrl + "/?lang=en");
        await BrowserApp.WaitUntilReadyAsync(page);
        await SignInForm.SignInAsync(page, "analyst");
        await Assertions.Expect(ImportsLink(page)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Score runs" })).ToBeVisibleAsync();

        await page.GotoAsync(app.BaseUrl + "/imports.html?lang=en");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.GetByText("Only data stewards can import data.", new PageGetByTextOptions { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Sign in as a data steward to import data.")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#import-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#batches-table")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_page_speaks_Kazakh_and_Russian_with_dates_in_the_language()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=en", signedInAs: "steward");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Қазақша" }).ClickAsync();
        Assert.Equal("kk", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Деректерді импорттау", (await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Equal("Жаңа импорт", (await page.Locator("#form-heading").InnerTextAsync()).Trim());
        Assert.Equal("Соңғы импорттар (ең жаңасы басында)", (await page.Locator("#batches-caption").InnerTextAsync()).Trim());
        await Assertions.Expect(page.GetByLabel("Нені импорттау")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Импорт" })).ToBeVisibleAsync();

        await page.GotoAsync(app.BaseUrl + "/imports.html?lang=ru");
        await BrowserApp.WaitUntilReadyAsync(page);
        Assert.Equal("RiskMap — импорт данных", await page.TitleAsync());
        Assert.Equal("Импорт данных", (await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Equal("Последние импорты (сначала новые)", (await page.Locator("#batches-caption").InnerTextAsync()).Trim());
        Assert.Equal("Пакет", (await page.Locator("#batches-table thead th").First.InnerTextAsync()).Trim());
        var demoRow = page.Locator("#batches-table tbody tr", new PageLocatorOptions { HasText = "demo-schools.csv" });
        await Assertions.Expect(demoRow.Locator("td[data-kind]")).ToHaveTextAsync("Школы");
        await Assertions.Expect(demoRow.Locator("time")).ToHaveTextAsync(new Regex(@"^\d{2}\.\d{2}\.\d{4}"));
        await Assertions.Expect(demoRow.GetByText("Демо-данные")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_steward_downloads_the_template_checks_a_file_without_importing_and_then_imports_it()
    {
        var (page, errors) = await app.OpenAsync("/imports.html?lang=ru", "ru-RU", signedInAs: "steward");
        await page.GetByLabel("Что импортировать").SelectOptionAsync("indicators");

        // The template is a file the importer reads as it is: its header and one example row.
        var templateLink = page.Locator("#template-link");
        await Assertions.Expect(templateLink).ToHaveTextAsync("Скачать шаблон (indicators-template.csv)");
        var download = await page.RunAndWaitForDownloadAsync(() => templateLink.ClickAsync());
        Assert.Equal("indicators-template.csv", download.SuggestedFilename);
        var template = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = template.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("entity_level,entity_code,indicator,period,value,denominator", lines[0]);
        Assert.Equal(2, lines.Length);

        // The code list names every indicator in the page language.
        var codes = page.Locator("#indicator-codes > summary");
        await Assertions.Expect(codes).ToHaveTextAsync("Коды индикаторов");
        await codes.ClickAsync();
        var suicides = page.Locator("#codes-body tr", new PageLocatorOptions { Has = page.Locator("th", new PageLocatorOptions { HasTextRegex = new Regex("^suicides$") }) });
        await Assertions.Expect(suicides.Locator("td")).ToHaveTextAsync(["Суициды несовершеннолетних", "число"]);
        var psychologists = page.Locator("#codes-body tr", new PageLocatorOptions { Has = page.Locator("th", new PageLocatorOptions { HasTextRegex = new Regex("^pupils_per_psychologist$") }) });
        await Assertions.Expect(psychologists.Locator("td")).ToHaveTextAsync(["Учащихся на одного школьного психолога", "учащихся на одного специалиста"]);

        var file = page.GetByLabel("Файл", new PageGetByLabelOptions { Exact = true });
        var check = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Проверить без импорта" });
        var heading = ResultHeading(page);
        var facts = page.Locator("#result dl.facts");
        var batches = await ImportBatchesAsync();

        await file.SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(template) });
        await check.ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Проверка: indicators-template.csv", new LocatorAssertionsToHaveTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(facts).ToHaveTextAsync(new Regex(@"Прочитано строк\s*1\s*Новых\s*1"));

        // The steward's own earlier value, which the file changes.
        var steward = await app.ClientAsAsync("steward");
        using (var content = new MultipartFormDataContent())
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "region,710000000,suicides,2019Q3,4\n")), "file", "astana-2019q3.csv");
            (await steward.PostAsync("/api/imports/indicators", content)).EnsureSuccessStatusCode();
        }
        batches = await ImportBatchesAsync();
        var before = await app.Database.DataFingerprintAsync();

        await file.SetInputFilesAsync(Csv("2019q3.csv", Header + "region,710000000,suicides,2019Q3,7\nregion,750000000,suicides,2019Q3,3\n"));
        await check.ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Проверка: 2019q3.csv", new LocatorAssertionsToHaveTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#result .nothing-changed")).ToContainTextAsync("ничего не сохранено");
        await Assertions.Expect(facts).ToHaveTextAsync(new Regex(@"Прочитано строк\s*2\s*Новых\s*1\s*Обновлено\s*1\s*Без изменений\s*0"));
        var changes = page.Locator("#result table.changes-table");
        await Assertions.Expect(changes.Locator("caption")).ToHaveTextAsync("Первые 2 изменяемых значения");
        var changed = changes.Locator("tbody tr").First;
        await Assertions.Expect(changed.Locator("th, td")).ToHaveTextAsync(["710000000", "Суициды несовершеннолетних", "3 квартал 2019 г.", "4", "7"]);
        await Assertions.Expect(changes.Locator("tbody tr").Nth(1).Locator("td.num")).ToHaveTextAsync(["новое", "3"]);

        // Nothing was stored: not the values, not a batch.
        Assert.Equal(4, await SuicidesIn2019Q3Async("710000000"));
        Assert.Equal(batches, await ImportBatchesAsync());
        Assert.Equal(before, await app.Database.DataFingerprintAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("imports-preview.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Импортировать этот файл" }).ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync(new Regex(@"^Импортировано: пакет №\s\d+$"), new LocatorAssertionsToHaveTextOptions { Timeout = ImportTimeoutMs });
        await Assertions.Expect(facts).ToHaveTextAsync(new Regex(@"Прочитано строк\s*2\s*Новых\s*1\s*Обновлено\s*1\s*Без изменений\s*0"));
        Assert.Equal(7, await SuicidesIn2019Q3Async("710000000"));
        Assert.Equal(3, await SuicidesIn2019Q3Async("750000000"));
        Assert.Equal(batches + 1, await ImportBatchesAsync());
        Assert.Empty(errors);
    }

    private Task<long> ImportBatchesAsync() => app.Database.ScalarAsync<long>("SELECT count(*) FROM import_batches");

    private Task<double> SuicidesIn2019Q3Async(string region) => app.Database.ScalarAsync<double>(
        "SELECT value FROM observations WHERE entity_level = 'region' AND entity_code = @region AND indicator_code = 'suicides' AND period = '2019Q3'",
        new { region });

    private Task<long> ObservationsFromAsync(string source) =>
        app.Database.ScalarAsync<long>("SELECT count(*) FROM observations WHERE source = @source", new { source });

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
