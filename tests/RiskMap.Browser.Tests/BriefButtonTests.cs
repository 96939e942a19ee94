using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace RiskMap.Browser.Tests;

/// <summary>Almaty city's planner saves the region's brief from its profile on the map: a PDF in the page's language.</summary>
public class BriefButtonTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    private const string Almaty = "750000000";

    [Fact]
    public async Task The_region_profile_s_brief_button_saves_a_pdf_of_the_region()
    {
        var (page, errors) = await app.OpenAsync($"/?lang=ru&unit={Almaty}&profile={Almaty}", signedInAs: "planner-75");
        var profile = page.Locator("#profile");
        await Assertions.Expect(profile).ToHaveAttributeAsync("data-profile", "ready");
        var button = profile.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Справка (PDF)" });

        IDownload? download = null;
        var response = await page.RunAndWaitForResponseAsync(
            async () => download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync()),
            r => r.Url.Contains("/api/briefs/region.pdf", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", (await response.HeaderValueAsync("content-type"))?.Split(';')[0]);
        Assert.Contains($"region={Almaty}", response.Url);
        Assert.Contains("lang=ru", response.Url);

        Assert.EndsWith(".pdf", download!.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        using var pdf = PdfDocument.Open(buffer.ToArray());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Региональная справка", text);
        Assert.Contains("город Алматы", text);
        Assert.Empty(errors);
    }
}
