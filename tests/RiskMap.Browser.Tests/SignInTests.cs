using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>Signing in and out through the header of the map page, and what the form says when a sign-in fails.</summary>
public class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_planner_signs_in_through_the_header_stays_signed_in_after_a_reload_and_signs_out_to_the_public_view()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var account = SignInForm.Account(page);
        var notice = page.Locator("#public-notice");
        await Assertions.Expect(notice).ToHaveTextAsync("Public view. School-level data and detailed scores are shown after signing in.");

        await SignInForm.SignInAsync(page, "planner-75");
        await ExpectPlannerAsync(account, "Planner · Almaty (city)");
        await Assertions.Expect(notice).ToBeHiddenAsync();

        await page.ReloadAsync();
        await BrowserApp.WaitUntilReadyAsync(page);
        await ExpectPlannerAsync(account, "Planner · Almaty (city)");
        Assert.True(await SignInForm.ServerSeesSignedInAsync(page));

        // The role and the region's name follow the language.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Русский" }).ClickAsync();
        await ExpectPlannerAsync(account, "Планировщик · Алматы");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("signed-in-planner.png") });

        // Signing out is a change made with the cookie: it only works with the anti-forgery token.
        await account.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Выйти" }).ClickAsync();
        await Assertions.Expect(account).ToHaveAttributeAsync("data-account", "public");
        await BrowserApp.WaitUntilReadyAsync(page);
        await Assertions.Expect(account.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Войти" })).ToBeVisibleAsync();
        await Assertions.Expect(account.Locator(".account-name")).ToBeHiddenAsync();
        await Assertions.Expect(notice).ToBeVisibleAsync();
        Assert.False(await SignInForm.ServerSeesSignedInAsync(page));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_wrong_password_is_explained_in_the_form_and_the_header_stays_signed_out()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        var dialog = await SignInForm.OpenAsync(page);
        await SignInForm.SubmitAsync(dialog, "planner-71", "not-the-password");

        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The username or password is wrong.");
        await Assertions.Expect(dialog.GetByLabel("Password")).ToBeFocusedAsync();
        var account = SignInForm.Account(page);
        Assert.Equal("public", await account.GetAttributeAsync("data-account"));
        await Assertions.Expect(account.Locator(".account-name")).ToBeHiddenAsync();
        Assert.False(await SignInForm.ServerSeesSignedInAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("sign-in-wrong-password.png") });

        // Cancel closes the form; opened again, it starts without the old error.
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        dialog = await SignInForm.OpenAsync(page);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_form_says_until_when()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        var dialog = await SignInForm.OpenAsync(page);
        var alert = dialog.GetByRole(AriaRole.Alert);
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await SignInForm.SubmitAsync(dialog, "edu-75", "not-the-password");
            await Assertions.Expect(alert).ToHaveTextAsync("The username or password is wrong.");
        }
        await SignInForm.SubmitAsync(dialog, "edu-75", "not-the-password");

        // The time is the browser's (en-GB: dd/mm/yyyy, 24-hour clock, with the time zone).
        await Assertions.Expect(alert).ToHaveTextAsync(
            new Regex(@"^Too many failed attempts: the account is locked until \d{2}/\d{2}/\d{4}, \d{2}:\d{2} \S+\.$"));
        Assert.Equal("public", await SignInForm.Account(page).GetAttributeAsync("data-account"));
    }

    private static async Task ExpectPlannerAsync(ILocator account, string roleAndScope)
    {
        await Assertions.Expect(account.Locator(".account-name")).ToHaveTextAsync("Almaty city akimat planner (demo)");
        await Assertions.Expect(account.Locator(".account-role")).ToHaveTextAsync(roleAndScope);
        await Assertions.Expect(account.GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
    }
}
