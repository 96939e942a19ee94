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
        await Assertions.Expect(notice).ToContainTextAsync("Public view. School-level data and detailed scores are shown after signing in.");

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
    public async Task A_locked_account_is_told_no_more_than_a_wrong_password()
    {
        var (page, _) = await app.OpenAsync("/?lang=en");
        var dialog = await SignInForm.OpenAsync(page);
        var alert = dialog.GetByRole(AriaRole.Alert);
        // Five wrong passwords lock the account; then even the right one is refused, in the same words, so the form
        // does not tell anyone that the account exists.
        string[] passwords = ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", RiskMap.Web.Features.Access.DemoUsers.Password];
        foreach (var password in passwords)
        {
            var answer = await page.RunAndWaitForResponseAsync(() => SignInForm.SubmitAsync(dialog, "edu-75", password),
                response => response.Url.EndsWith("/api/auth/login", StringComparison.Ordinal));
            Assert.Equal(401, answer.Status);
            await Assertions.Expect(alert).ToHaveTextAsync("The username or password is wrong.");
        }
        Assert.Equal("public", await SignInForm.Account(page).GetAttributeAsync("data-account"));
    }

    private static async Task ExpectPlannerAsync(ILocator account, string roleAndScope)
    {
        await Assertions.Expect(account.Locator(".account-name")).ToHaveTextAsync("Айгерім Сейітова");
        await Assertions.Expect(account.Locator(".account-role")).ToHaveTextAsync(roleAndScope);
        await Assertions.Expect(account.GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
    }
}
