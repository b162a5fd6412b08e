using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StaffRegisterJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AManager_IsRefusedAddingAVolunteerToAPanel_RecordsTheirTrainingAndDbs_ThenAddsThem_EveryPageAccessible()
    {
        var manager = await TestUsers.CreateAsync(browser.App, [Roles.Manager]);
        var volunteer = await TestUsers.CreateAsync(browser.App, [Roles.Volunteer]);
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        var panelName = "Northside Referral Panel " + Guid.NewGuid().ToString("N")[..4];

        var page = await SignInPage.SignInAsync(browser, manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Panel members" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(panelName);
        await page.GetByLabel("Referral-order panel").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add panel" }).ClickAsync();
        var panelUrl = page.Url;
        await page.GetByLabel("Add a member").SelectOptionAsync(volunteer.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("no panel training is recorded");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("no DBS check is recorded");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "staff-panel-refused");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep the staff and volunteers' register" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "Test Volunteer" }).First.ClickAsync();
        await page.GotoAsync($"/Staff/{volunteer.Id}");

        // The training, first with its dates the wrong way round.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record training" }).ClickAsync();
        await page.GetByLabel("Panel member training").CheckAsync();
        await page.GetByLabel("Course").FillAsync("Referral order panel member training");
        await CasePages.FillDateAsync(page, "Date completed", today.AddMonths(-1));
        await CasePages.FillDateAsync(page, "Expires on (optional)", today.AddMonths(-2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the training" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The expiry date must be after the date completed");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "staff-training-errors");
        await CasePages.FillDateAsync(page, "Expires on (optional)", today.AddYears(2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the training" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Training recorded");

        // The DBS check, first one already past its renewal date.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a DBS check" }).ClickAsync();
        await page.GetByLabel("Enhanced with barred list").CheckAsync();
        await page.GetByLabel("Certificate number").FillAsync("0012 3456 7890");
        await CasePages.FillDateAsync(page, "Date issued", today.AddYears(-3));
        await CasePages.FillDateAsync(page, "Renew by", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the DBS check" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("renewal date has passed");
        await Assertions.Expect(page.GetByLabel("Certificate number")).ToHaveValueAsync("");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Certificate number").FillAsync("0012 3456 7890");
        await CasePages.FillDateAsync(page, "Date issued", today.AddMonths(-1));
        await CasePages.FillDateAsync(page, "Renew by", today.AddYears(3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the DBS check" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("•••• •••• 7890");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("Enhanced with barred list");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "staff-register-person");

        await page.GotoAsync(panelUrl);
        await page.GetByLabel("Add a member").SelectOptionAsync(volunteer.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("added to the panel");
        await page.GotoAsync("/Staff");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "staff-register");
    }
}
