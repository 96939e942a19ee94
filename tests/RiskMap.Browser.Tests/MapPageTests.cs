using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

public class MapPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_national_map_draws_all_224_districts_and_20_regions_without_console_errors()
    {
        var (page, errors) = await app.OpenAsync("/");

        await DistrictPaths.ExpectCountAsync(page, 224);
        await Assertions.Expect(page.Locator("path.region")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-districts", "224");
        // This fixture has no published score run: every district is "no data" and the legend says why.
        await DistrictPaths.ExpectCountAsync(page, 224, "[fill='#bdbdbd']");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("No risk scores have been published yet.");
        await Assertions.Expect(page.Locator("#period-select")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("national-view.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Demo_data_are_labelled_and_the_boundaries_credited()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        Assert.Contains("demo", (await page.GetByRole(AriaRole.Status).First.InnerTextAsync()).ToLowerInvariant());
        Assert.Contains("geokz", await page.Locator(".leaflet-control-attribution").InnerTextAsync());
    }

    [Theory]
    [InlineData("kk", "Қазақша")]
    [InlineData("ru", "Русский")]
    [InlineData("en", "English")]
    public async Task Switching_language_relabels_the_page_and_the_tooltips(string language, string button)
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = button }).ClickAsync();

        Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = button }).GetAttributeAsync("aria-pressed"));

        // Almaty's Almaly district, named as the boundary data name it in this language.
        var expected = language switch { "kk" => "Алмалы", "ru" => "Алмалинский", _ => "Almaly" };
        var almaly = DistrictPaths.Of(page, "751110000");
        await almaly.DispatchEventAsync("mouseover");
        var tooltip = page.Locator(".leaflet-tooltip");
        await tooltip.WaitForAsync();
        Assert.Contains(expected, await tooltip.InnerTextAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath($"national-view-{language}.png") });
        Assert.Empty(errors);
    }
}
