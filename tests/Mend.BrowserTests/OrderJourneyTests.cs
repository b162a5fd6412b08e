using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrderJourneyTests(BrowserFixture browser)
{
    private static async Task MissAsync(IPage page, DateOnly day)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange an appointment" }).ClickAsync();
        await CasePages.FillDateAsync(page, "Date", day);
        await page.GetByLabel("Time").FillAsync("16:00");
        await page.GetByLabel("What is it for?").FillAsync("Reparation session");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange the appointment" }).ClickAsync();
        await page.Locator("#contacts a", new() { HasText = "Record attendance" }).First.ClickAsync();
        await page.GetByLabel("Unacceptable absence").CheckAsync();
        await page.GetByLabel("Why not (if they did not attend)").FillAsync("Did not come; no reason given");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Attendance recorded");
    }

    private static async Task WarnAsync(IPage page, DateOnly day)
    {
        await page.Locator("#contacts a", new() { HasText = "Give a warning" }).First.ClickAsync();
        await CasePages.FillDateAsync(page, "Date the warning was given", day);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the warning" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Warning recorded");
    }

    [Fact]
    public async Task Practitioner_RecordsAReferralOrder_ItsContract_AndMissedAppointments_UntilAReturnToCourtIsDue_EveryPageAccessible()
    {
        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, user);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Lena", "Okafor");
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        var sentenced = today.AddDays(-60);

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Orders and disposals" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a disposal" }).ClickAsync();
        await page.GetByLabel("Referral order", new() { Exact = true }).CheckAsync();
        await CasePages.FillDateAsync(page, "Date of the decision or sentence", sentenced);
        await page.GetByLabel("Length in months (referral orders)").FillAsync("13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the disposal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("lasts 3 to 12 months");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "order-refused");
        await page.GetByLabel("Length in months (referral orders)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the disposal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Referral order recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record that the contract was signed" }).ClickAsync();
        await CasePages.FillDateAsync(page, "Date the contract was signed", sentenced.AddDays(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("the order runs 6 months");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a panel meeting" }).ClickAsync();
        await page.GetByLabel("Initial meeting (agrees the contract)").CheckAsync();
        await CasePages.FillDateAsync(page, "Date the panel met", sentenced.AddDays(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether the parent attended");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "Did the parent or carer attend?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panels")).ToContainTextAsync("Initial meeting");
        await Assertions.Expect(page.Locator("#panel-due")).ToContainTextAsync("The next panel is due by");

        await MissAsync(page, today.AddDays(-40));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Warning due");
        await Accessibility.AssertNoViolationsAsync(page);
        await WarnAsync(page, today.AddDays(-39));
        await MissAsync(page, today.AddDays(-20));
        await WarnAsync(page, today.AddDays(-19));
        await Assertions.Expect(page.Locator("#compliance")).ToContainTextAsync("2");
        await MissAsync(page, today.AddDays(-2));

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Return to court due");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("A manager decides");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "order-breach-due");

        await page.GotoAsync($"/Cases/{caseId}/Orders");
        await Assertions.Expect(page.Locator("#orders")).ToContainTextAsync("Return to court due");
        await Accessibility.ScreenshotAsync(page, "orders-on-case");
    }
}
