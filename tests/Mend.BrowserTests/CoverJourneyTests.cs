using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CoverJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AManager_SetsUpCover_IsToldOfAnOverlap_ThenEndsItEarly_EveryPageAccessible()
    {
        var manager = await TestUsers.CreateAsync(browser.App, [Roles.Manager]);
        var absent = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var colleague = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var today = Mend.Web.Platform.Time.London.DateOf(browser.App.Clock.GetUtcNow().UtcDateTime);

        var page = await SignInPage.SignInAsync(browser, manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up cover of an absent worker's caseload" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up cover" }).ClickAsync();
        await page.GetByLabel("Whose caseload").SelectOptionAsync(absent.Id.ToString());
        await page.GetByLabel("Covered by").SelectOptionAsync(colleague.Id.ToString());
        await CasePages.FillDateAsync(page, "Last day", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up cover" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The last day must be on or after the first day");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "cover-errors");

        await CasePages.FillDateAsync(page, "Last day", today.AddDays(14));
        await page.GetByLabel("Reason (optional)").FillAsync("Annual leave");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up cover" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("will cover");
        await Assertions.Expect(page.Locator("#covers")).ToContainTextAsync("Covering now");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "cover-list");

        await page.Locator("#covers").GetByRole(AriaRole.Button, new() { Name = "End now" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("ended");
        await Assertions.Expect(page.Locator("#covers")).ToContainTextAsync("Ended early");
    }
}
