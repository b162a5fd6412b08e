namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_EmptyForm_ShowsErrorSummaryAndIsAccessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Microsoft.Playwright.Assertions.Expect(summary).ToContainTextAsync("Enter your email address");
        await Microsoft.Playwright.Assertions.Expect(summary).ToContainTextAsync("Enter your password");
        Assert.StartsWith("Error:", await page.TitleAsync());
        await Accessibility.ScreenshotAsync(page, "sign-in-errors");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
