using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HolidaysJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_AddsAProclaimedHoliday_AfterFixingErrors_EveryPageAccessible()
    {
        var admin = await TestUsers.CreateAsync(browser.App, [Roles.Administrator]);
        var page = await SignInPage.SignInAsync(browser, admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep the public holidays that Victims' Code deadlines skip" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Public holidays");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the holiday's name");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#Add_Jurisdiction").CheckAsync();
        await page.Locator("#Add_Date").FillAsync("12");
        await page.Locator("#Add_Date-month").FillAsync("May");
        await page.Locator("#Add_Date-year").FillAsync("2034");
        await page.GetByLabel("Name").FillAsync("Coronation anniversary (example)");
        await page.GetByLabel("Where it was proclaimed").FillAsync("Royal Proclamation (example)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Victims' Code deadlines now skip 12 May 2034");
        await Assertions.Expect(page.Locator("#added-holidays")).ToContainTextAsync("Coronation anniversary (example)");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "admin-holidays");
    }
}
