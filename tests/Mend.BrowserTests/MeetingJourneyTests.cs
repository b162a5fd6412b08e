using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AWorker_RecordsAStrategyMeetingWithActions_FixingErrors_ThenMarksOneDone_EveryPageAccessible()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Vera", "Lowe");
        var today = Mend.Web.Platform.Time.London.DateOf(browser.App.Clock.GetUtcNow().UtcDateTime);

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Professionals' meetings" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a meeting" }).ClickAsync();
        await page.GetByLabel("Strategy meeting or discussion").CheckAsync();
        await page.GetByLabel("Agencies present").FillAsync("Children's social care, police, school");
        await page.Locator("#Input_Actions_0__What").FillAsync("Share the risk assessment with the school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was decided");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose or enter who will do it");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "meeting-record-errors");

        await page.GetByLabel("What was decided").FillAsync("Section 47 enquiry to start. Jordan stays with his grandmother for now.");
        await page.Locator("#Input_Actions_0__OwnerName").FillAsync("Ms Obi, school");
        var due = today.AddDays(2);
        await page.Locator("[name='Input.Actions[0].DueOn.Day']").FillAsync(due.Day.ToString());
        await page.Locator("[name='Input.Actions[0].DueOn.Month']").FillAsync(due.Month.ToString());
        await page.Locator("[name='Input.Actions[0].DueOn.Year']").FillAsync(due.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("recorded");
        await Assertions.Expect(page.Locator("#action-list")).ToContainTextAsync("Ms Obi, school");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "meeting-view");

        await page.Locator("#action-list").GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Action marked done");
        await Assertions.Expect(page.Locator("#action-list")).ToContainTextAsync("Done");
    }
}
