using Mend.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mend.BrowserTests.Pages;

/// <summary>Signs in through the real pages: email and password, then the authenticator code.</summary>
public static class SignInPage
{
    public static async Task<IPage> SignInAsync(BrowserFixture browser, TestUser user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(user.NextCode(browser.App.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        return page;
    }
}
