using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SafeguardingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AWorker_RecordsASafeguardingReferralFromTheCase_FixingErrors_ThenRecordsTheResponse_EveryPageAccessible()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Vera", "Lowe");
        var today = Mend.Web.Platform.Time.London.DateOf(browser.App.Clock.GetUtcNow().UtcDateTime);

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Safeguarding referral about Jordan" }).ClickAsync();
        await CasePages.FillDateAsync(page, "Follow it up by", today.AddDays(40));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose who the referral went to");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the referral was made");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Follow the referral up within 28 days");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "safeguarding-refer-errors");

        await page.GetByLabel("Multi-agency safeguarding hub (MASH)").CheckAsync();
        await page.GetByLabel("Team or organisation (optional)").FillAsync("Exampletown MASH");
        await page.GetByLabel("Why the referral was made").FillAsync("Jordan said his older brother hit him and he is afraid to go home.");
        await CasePages.FillDateAsync(page, "Follow it up by", today.AddDays(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Safeguarding referral recorded");
        await Assertions.Expect(page.Locator("#warnings")).ToContainTextAsync("Safeguarding concern");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "safeguarding-referral");

        await page.GotoAsync("/Safeguarding");
        await Assertions.Expect(page.Locator("#open")).ToContainTextAsync("Exampletown MASH");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "safeguarding-follow-ups");

        await page.Locator("#open").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the response" }).ClickAsync();
        await page.GetByLabel("Accepted for assessment or enquiry").CheckAsync();
        await CasePages.FillDateAsync(page, "Date of the response", today);
        await page.GetByLabel("Notes (optional)").FillAsync("Social worker allocated; strategy discussion tomorrow.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("the referral is closed");
        await Assertions.Expect(page.Locator("#response-notes")).ToContainTextAsync("Social worker allocated");

        await page.GotoAsync($"/Cases/{caseId}?kind=safeguarding");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Safeguarding response from Exampletown MASH");
        await Accessibility.ScreenshotAsync(page, "safeguarding-timeline");
    }
}
