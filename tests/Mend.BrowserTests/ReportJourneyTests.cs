using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_SeesTheKpi10Return_WithHowItIsCounted_AndAWrongQuarterIsRefusedOnItsField()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the YJB KPI 10 (victims) return for a quarter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kpi10")).ToContainTextAsync("Victims who consent to be contacted");
        await Assertions.Expect(page.Locator("#definitions")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "reports-kpi10");

        await page.GetByLabel("Quarter").FillAsync("2026-Q9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the quarter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("like 2026-Q3");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Manager_ReadsTheServiceReportAndDisproportionality_WithChartsAndTables_AndAWrongPeriodIsRefusedOnItsField()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await page.GotoAsync("/Reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Service report" }).ClickAsync();
        await Assertions.Expect(page.Locator("#referrals-by-source")).ToContainTextAsync("Police");
        await Assertions.Expect(page.Locator("#satisfaction-table")).ToContainTextAsync("Victims, after a process");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "reports-service");

        await page.GetByRole(AriaRole.Group, new() { Name = "To" }).GetByLabel("Year").FillAsync("2099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("at most 5 years");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Disproportionality" }).ClickAsync();
        await Assertions.Expect(page.Locator("#harmers-ethnic-group")).ToContainTextAsync("Mixed or Multiple ethnic groups");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "reports-disproportionality");
    }
}
