using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class VictimJourneyTests(BrowserFixture browser)
{
    private static async Task SaveAsync(IPage page, string button = "Save")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task Practitioner_RecordsTheVictimsChoicesContactAndOffer_TheVictimAnswersTheSurvey_EveryPageAccessible()
    {
        var practitioner = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(practitioner, browser.App, "Criminal damage", "Priya", "Shah");
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);

        await practitioner.GotoAsync($"/Cases/{caseId}");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Victim's journey for Priya Shah" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await practitioner.GetByLabel("Police passed on their details").CheckAsync();
        await CasePages.FillDateAsync(practitioner, "Date the details were received", today.AddDays(-1));
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Start the victim's record" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator("#victim-tasks")).ToBeVisibleAsync();
        await Assertions.Expect(practitioner.Locator("#victim-due")).ToContainTextAsync("Information about restorative justice: due by");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "victim-journey-new");
        var journey = practitioner.Url;

        foreach (var choice in new[] { "To be contacted by the service", "To be kept informed of the case's progress", "To receive a satisfaction survey" })
        {
            await practitioner.GetByRole(AriaRole.Link, new() { Name = "Consent and choices" }).ClickAsync();
            await practitioner.GetByLabel(choice).CheckAsync();
            await practitioner.GetByLabel("Yes").CheckAsync();
            await CasePages.FillDateAsync(practitioner, "When did they say so?", today);
            await SaveAsync(practitioner);
            await Assertions.Expect(practitioner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("saved");
        }

        await practitioner.GetByRole(AriaRole.Link, new() { Name = "First contact" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await practitioner.GetByLabel("We contacted them").CheckAsync();
        await practitioner.GetByRole(AriaRole.Group, new() { Name = "How?" }).GetByLabel("Phone").CheckAsync();
        await CasePages.FillDateAsync(practitioner, "When", today);
        await practitioner.GetByLabel("Spoke to them").CheckAsync();
        await practitioner.GetByLabel("Next step (optional)").FillAsync("Explain restorative justice on Thursday");
        await SaveAsync(practitioner);

        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Offer of restorative justice" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator(".govuk-inset-text")).ToContainTextAsync("is due by");
        await practitioner.GetByRole(AriaRole.Group, new() { Name = "How was restorative justice explained?" }).GetByLabel("Phone").CheckAsync();
        await practitioner.GetByLabel("Not now").CheckAsync();
        await CasePages.FillDateAsync(practitioner, "Date", today);
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await SaveAsync(practitioner);

        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Their views for the decision-maker" }).ClickAsync();
        await practitioner.GetByLabel("Court", new() { Exact = true }).CheckAsync();
        await practitioner.GetByLabel("What does the victim want the decision-maker to know?").FillAsync("The damage to the shop front cost us a week's takings.");
        await practitioner.GetByRole(AriaRole.Group, new() { Name = "Do they want to attend?" }).GetByLabel("No").CheckAsync();
        await CasePages.FillDateAsync(practitioner, "Date the views were given", today);
        await SaveAsync(practitioner);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Their views for the decision-maker" }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Record that views were shared" }).ClickAsync();
        await practitioner.GetByLabel("Views for the court").CheckAsync();
        await practitioner.GetByLabel("Shared with").FillAsync("Youth court, 4 December");
        await CasePages.FillDateAsync(practitioner, "Date shared", today);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Record the sharing" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator(".govuk-error-summary")).ToContainTextAsync("has not agreed to their views being shared");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(practitioner);
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "victim-views-refused");

        await practitioner.GotoAsync(journey);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Satisfaction", Exact = true }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Make a survey link for the victim" }).ClickAsync();
        var link = (await practitioner.Locator("#survey-link").TextContentAsync())!.Trim();
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "victim-survey-link");

        var victim = await browser.NewPageAsync();
        await victim.GotoAsync(new Uri(link).PathAndQuery);
        await Accessibility.AssertNoViolationsAsync(victim);
        await victim.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(victim.Locator(".govuk-error-summary")).ToContainTextAsync("Select how satisfied you are");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(victim);
        await victim.GetByLabel("Satisfied", new() { Exact = true }).CheckAsync();
        await victim.GetByRole(AriaRole.Group, new() { Name = "Did you feel listened to?" }).GetByLabel("Yes").CheckAsync();
        await victim.GetByRole(AriaRole.Group, new() { Name = "Would you recommend restorative justice to others?" }).GetByLabel("Yes").CheckAsync();
        await victim.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(victim.Locator(".govuk-panel")).ToContainTextAsync("Thank you");
        await Accessibility.AssertNoViolationsAsync(victim);
        await Accessibility.ScreenshotAsync(victim, "victim-survey-done");

        await practitioner.GotoAsync(journey);
        await Assertions.Expect(practitioner.Locator(".moj-timeline")).ToContainTextAsync("Satisfaction survey: 4 out of 5");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "victim-journey");

        var manager = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await manager.GotoAsync("/Victims/Overdue");
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "victims-overdue");
        await manager.GotoAsync("/Victims/Compliance");
        await Assertions.Expect(manager.Locator("#compliance")).ToContainTextAsync("Information about restorative justice");
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "victims-compliance");
    }
}
