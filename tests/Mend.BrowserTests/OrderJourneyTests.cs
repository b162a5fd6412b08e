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

    [Fact]
    public async Task Manager_AddsAReparationProjectAndAnAgency_AndAPractitionerRecordsHoursAndAPlan_EveryPageAccessible()
    {
        var manager = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        var name = "Riverside clean-up " + Guid.NewGuid().ToString("N")[..4];
        await manager.GotoAsync("/Admin/Reparation");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the name");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(manager);
        await manager.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await manager.GetByLabel("Project", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Supervisor", new() { Exact = true }).FillAsync("Ola Reed");
        await manager.GetByLabel("Address").FillAsync("Riverside Walk, Exampletown");
        await manager.GetByLabel("Safety information").FillAsync("Life jackets near the water; gloves for litter picking.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#projects")).ToContainTextAsync(name);
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "reparation-projects");
        var agency = "Mentors " + Guid.NewGuid().ToString("N")[..4];
        await manager.GotoAsync("/Admin/Agencies");
        await manager.GetByLabel("Name", new() { Exact = true }).FillAsync(agency);
        await manager.GetByLabel("Services").FillAsync("One-to-one mentoring");
        await manager.GetByLabel("Voluntary or charity").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#agencies")).ToContainTextAsync(agency);
        await Accessibility.AssertNoViolationsAsync(manager);

        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, user);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Ruth", "Vale");
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        var api = page.Context.APIRequest;
        var made = await api.PostAsync($"/api/v1/cases/{caseId}/orders", new() { DataObject = new { kind = "ReferralOrder", decidedOn = today.AddDays(-20), lengthMonths = 6 } });
        Assert.True(made.Ok, await made.TextAsync());
        var orderId = (await made.JsonAsync())!.Value.GetProperty("id").GetGuid();
        var requirement = await api.PostAsync($"/api/v1/orders/{orderId}/requirements", new()
        {
            Headers = new Dictionary<string, string> { ["If-Match"] = "*" },
            DataObject = new { kind = "Reparation", amount = 8, detail = "Litter picking" },
        });
        Assert.True(requirement.Ok, await requirement.TextAsync());

        await page.GotoAsync($"/Orders/{orderId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a reparation session" }).ClickAsync();
        await page.GetByLabel("Placement or project").SelectOptionAsync(new SelectOptionValue { Label = name + " (Ola Reed)" });
        await CasePages.FillDateAsync(page, "Date of the session", today.AddDays(-1));
        await page.GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hours worked").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Only 8 hours are left");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "reparation-refused");
        await page.GetByLabel("Hours worked").FillAsync("3.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hours")).ToContainTextAsync("3.5 of 8 hours done, 4.5 left");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "order-hours");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add to the intervention plan" }).ClickAsync();
        await page.GetByLabel("Activity", new() { Exact = true }).FillAsync("Weekly mentoring");
        await page.GetByLabel("Delivered by").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel("Whose is it?").FillAsync("Test Practitioner");
        await CasePages.FillDateAsync(page, "Starts", today.AddDays(-5));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan")).ToContainTextAsync("Weekly mentoring");
        await Assertions.Expect(page.Locator("#plan-review")).ToContainTextAsync("Next review due by");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "order-plan");
    }
}
