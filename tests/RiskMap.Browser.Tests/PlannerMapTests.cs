using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The map as an akimat planner, an education department and the public meet it: finding a place by the name they
/// know, landing on their own region, a phone held upright, the keyboard alone, and the district tooltip.
/// </summary>
public class PlannerMapTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string AlmatyCity = "750000000";
    private const string Shymkent = "790000000";

    private static ILocator Search(IPage page) => page.Locator("#unit-search");

    private static async Task SearchAsync(IPage page, string text)
    {
        await Search(page).FillAsync(text);
        await Search(page).PressAsync("Enter");
    }

    private static Task ExpectUnitAsync(IPage page, string kato) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]unit={kato}(&|$)"));

    [Fact]
    public async Task A_russian_planner_who_types_Шымкент_gets_the_city_the_data_call_Чимкент()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru", "ru-RU", signedInAs: "planner-75");
        await SearchAsync(page, "Шымкент");
        await ExpectUnitAsync(page, Shymkent);
        await Assertions.Expect(page.Locator("#breadcrumb")).ToContainTextAsync("Чимкент");
        await Assertions.Expect(Search(page)).ToHaveAttributeAsync("aria-invalid", "false");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_name_the_source_spells_with_a_Latin_letter_is_found_as_typed_in_Cyrillic()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru", "ru-RU");
        await SearchAsync(page, "Аршалинский");
        await ExpectUnitAsync(page, "113400000");
        await Assertions.Expect(page.Locator("#unit-search-status")).ToBeEmptyAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Ambiguous_text_lists_the_units_it_fits_and_one_of_them_opens_by_keyboard()
    {
        var (page, errors) = await app.OpenAsync("/?lang=ru", "ru-RU");
        await SearchAsync(page, "Турк");
        var results = page.Locator("#unit-search-results");
        await Assertions.Expect(results).ToBeVisibleAsync();
        await Assertions.Expect(results.Locator("button[data-code='610000000']")).ToContainTextAsync("Туркестанская");
        Assert.True(await results.Locator("button").CountAsync() > 2, "Турк fits the region, the city of Turkistan and Turksib");
        await Assertions.Expect(page.Locator("#unit-search-status")).ToContainTextAsync("выберите");
        Assert.DoesNotContain("не найден", await page.Locator("#unit-search-status").InnerTextAsync());

        await Search(page).PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await ExpectUnitAsync(page, "610000000");
        await Assertions.Expect(results).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("planner-75")]
    [InlineData("edu-75")]
    public async Task A_planner_or_education_department_lands_on_their_own_region_after_sign_in_and_on_a_later_visit(string user)
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, user);
        await ExpectUnitAsync(page, AlmatyCity);
        await Assertions.Expect(page.Locator("#breadcrumb")).ToContainTextAsync("Almaty (city)");

        await page.GotoAsync(app.BaseUrl + "/");
        await BrowserApp.WaitUntilReadyAsync(page);
        await ExpectUnitAsync(page, AlmatyCity);

        // A link to another unit still opens that unit.
        await page.GotoAsync(app.BaseUrl + $"/?unit={Shymkent}");
        await BrowserApp.WaitUntilReadyAsync(page);
        await ExpectUnitAsync(page, Shymkent);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_analyst_keeps_the_national_view_after_sign_in()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "analyst");
        await Assertions.Expect(page.Locator("#breadcrumb")).ToHaveTextAsync("Kazakhstan");
        Assert.DoesNotContain("unit=", page.Url);
    }

    [Fact]
    public async Task After_sign_in_focus_is_on_the_map_not_on_the_page()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        await SignInForm.SignInAsync(page, "planner-75");
        await Assertions.Expect(page.Locator("#map")).ToBeFocusedAsync();
        Assert.NotEqual("BODY", await page.EvaluateAsync<string>("document.activeElement.tagName"));
    }

    [Fact]
    public async Task Skip_links_move_focus_to_the_map_and_to_the_panel()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await page.Keyboard.PressAsync("Tab");
        var toMap = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to the map" });
        await Assertions.Expect(toMap).ToBeFocusedAsync();
        await Assertions.Expect(toMap).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#map")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Shift+Tab"); // back into the header…
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to the panel" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#map-panel")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.closest('#map-panel') !== null"), "Tab should go on inside the panel");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_district_tooltip_shows_score_and_change_to_the_analyst_but_not_to_the_public()
    {
        var (publicPage, _) = await app.OpenAsync("/?lang=en");
        await DistrictPaths.WaitUntilDrawnAsync(publicPage);
        await DistrictPaths.Of(publicPage, "751110000").DispatchEventAsync("mouseover");
        var publicTooltip = publicPage.Locator(".leaflet-tooltip");
        await Assertions.Expect(publicTooltip).ToContainTextAsync("Risk");
        Assert.DoesNotContain("Score", await publicTooltip.InnerTextAsync());

        var (page, _) = await app.OpenAsync("/?lang=en", signedInAs: "analyst");
        await DistrictPaths.WaitUntilDrawnAsync(page);
        await DistrictPaths.Of(page, "751110000").DispatchEventAsync("mouseover");
        var tooltip = page.Locator(".leaflet-tooltip");
        await Assertions.Expect(tooltip).ToContainTextAsync(new Regex(@"Score\d+[.,]\d"));
        await Assertions.Expect(tooltip).ToContainTextAsync("Change over the quarter");
    }

    [Fact]
    public async Task Under_a_domain_a_district_outside_the_planners_region_reads_outside_your_area_not_no_data()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en", signedInAs: "planner-75");
        var colourBy = page.GetByLabel("Colour by");
        var firstDomain = await colourBy.Locator("option[value^='domain:']").First.GetAttributeAsync("value");
        await colourBy.SelectOptionAsync(firstDomain!);
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Outside your area");
        await page.Locator("#breadcrumb").GetByText("Kazakhstan").ClickAsync();
        await DistrictPaths.WaitUntilDrawnAsync(page);
        var astanaDistrict = page.Locator("path.district[data-kato^='71']").First;
        await Assertions.Expect(astanaDistrict).ToHaveAttributeAsync("data-class", "outside");
        await astanaDistrict.DispatchEventAsync("mouseover");
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToContainTextAsync("Outside your area");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_the_map_takes_most_of_the_screen_and_the_panel_opens_by_a_tap()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/?lang=ru");
        await BrowserApp.WaitUntilReadyAsync(page);

        await Assertions.Expect(page.Locator("#demo-banner")).ToHaveAttributeAsync("data-collapsed", "");
        await Assertions.Expect(page.Locator("#public-notice")).ToHaveAttributeAsync("data-collapsed", "");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("phone-390-ru-collapsed.png") });
        var mapHeight = await page.EvaluateAsync<double>("document.getElementById('map').getBoundingClientRect().height");
        var layout = await page.EvaluateAsync<string>("""
            [".app-header", "#demo-banner", "#public-notice", "#breadcrumb", ".map-wrap", ".status-bar", "#map-panel"]
              .map(s => `${s} ${Math.round(document.querySelector(s).getBoundingClientRect().height)}`).join(", ") + ` window ${innerWidth}×${innerHeight}`
            """);
        Assert.True(mapHeight >= 0.6 * 844, $"The map is {mapHeight} px high of 844: {layout}");
        await Assertions.Expect(page.Locator("#period-select")).Not.ToBeInViewportAsync();

        await page.Locator("#panel-handle").TapAsync();
        await Assertions.Expect(page.Locator("#map-panel")).ToHaveAttributeAsync("data-sheet", "open");
        await Assertions.Expect(page.Locator("#period-select")).ToBeInViewportAsync();

        // The header is one line; its links and the sign-in are behind the menu.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти" })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Меню" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("phone-390-ru.png") });
        await context.CloseAsync();
    }
}
