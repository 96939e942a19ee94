using Microsoft.Playwright;
using RiskMap.Web.Features.Access;

namespace RiskMap.Browser.Tests;

/// <summary>The account control in the page header and its sign-in dialog, used as a user uses them (English labels).</summary>
public static class SignInForm
{
    /// <summary>The account control; its data-account is "loading", "public" or "signed-in".</summary>
    public static ILocator Account(IPage page) => page.Locator(".app-header .account");

    /// <summary>Opens the sign-in dialog from the header.</summary>
    public static async Task<ILocator> OpenAsync(IPage page)
    {
        await Account(page).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Sign in to RiskMap" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    public static async Task SubmitAsync(ILocator dialog, string username, string password)
    {
        await dialog.GetByLabel("Username").FillAsync(username);
        await dialog.GetByLabel("Password").FillAsync(password);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in a demo user through the dialog and waits until the reloaded page shows them signed in.</summary>
    public static async Task SignInAsync(IPage page, string username)
    {
        await SubmitAsync(await OpenAsync(page), username, DemoUsers.Password);
        await ExpectSignedInAsync(page);
        await BrowserApp.WaitUntilReadyAsync(page);
    }

    /// <summary>Waits until the header shows a signed-in user.</summary>
    public static Task ExpectSignedInAsync(IPage page) =>
        Assertions.Expect(Account(page)).ToHaveAttributeAsync("data-account", "signed-in",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });

    /// <summary>Whether the server sees the page's session as signed in.</summary>
    public static Task<bool> ServerSeesSignedInAsync(IPage page) =>
        page.EvaluateAsync<bool>("fetch('/api/auth/me').then(r => r.json()).then(me => me.authenticated)");
}
