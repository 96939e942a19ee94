using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The pages run under the server's strict Content-Security-Policy (scripts and styles from the site itself only: no
/// inline scripts, no style attributes) for the public, with the sign-in dialog open, and signed in.
/// </summary>
public class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/jobs.html")]
    [InlineData("/imports.html")]
    public async Task The_page_and_its_sign_in_dialog_cause_no_policy_violation(string path)
    {
        var (page, errors) = await app.OpenAsync(path + "?lang=en");

        // The policy is in force, or nothing could violate it.
        var headers = (await page.APIRequest.GetAsync(app.BaseUrl + path)).Headers;
        Assert.Contains("style-src 'self'", headers["content-security-policy"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);

        var dialog = await SignInForm.OpenAsync(page);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await AssertNoViolationsAsync(page, errors);

        await SignInForm.SignInAsync(page, "analyst");
        await AssertNoViolationsAsync(page, errors);
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> errors)
    {
        Assert.Empty(await page.EvaluateAsync<string[]>("window.cspViolations"));
        Assert.DoesNotContain(errors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Empty(errors);
    }
}
