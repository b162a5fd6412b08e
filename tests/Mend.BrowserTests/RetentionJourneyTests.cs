using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RetentionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task DataProtectionOfficer_SetsARetentionRule_AWrongPeriodIsRefusedOnItsField_AndThePrivacyNoticeShowsIt()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.DataProtectionOfficer]));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set how long each kind of record is kept (the retention schedule)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule")).ToContainTextAsync("A young person's case");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "retention-schedule");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the rule for assessments" }).ClickAsync();
        await page.GetByLabel("Years").FillAsync("0");
        await page.GetByLabel("And months (optional)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("at least 1 month");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "retention-rule-error");

        await page.GetByLabel("Years").FillAsync("8");
        await page.GetByLabel("Why the record is kept for this long").FillAsync("Agreed by the management board");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Assessments: 8 years after the case closes");

        await page.GotoAsync("/Privacy");
        await Assertions.Expect(page.Locator("#retention-schedule")).ToContainTextAsync("8 years after the case closes, or until the young person is 25 if that is later");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
