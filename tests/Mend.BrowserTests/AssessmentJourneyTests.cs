using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SeriousCase_PractitionerAssessesTheVictim_ManagerApproves_AndTheGateOpens_EveryPageAccessible()
    {
        var practitioner = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(practitioner, browser.App, "Wounding or inflicting grievous bodily harm", "Morgan", "Ellis");
        var review = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime).AddMonths(3);

        await practitioner.GotoAsync($"/Cases/{caseId}");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Suitability and risk assessments" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator("h1")).ToHaveTextAsync("Suitability and risk assessments");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessments");

        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Start Morgan Ellis" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator(".govuk-task-list")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessment-task-list");

        await AssessmentPages.OpenSectionAsync(practitioner, "Understanding and willingness");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Save and return to the task list" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether they are willing to take part");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(practitioner);
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await AssessmentPages.Question(practitioner, "Are they willing to take part in a restorative process?").GetByLabel("Willing to take part").CheckAsync();
        await AssessmentPages.Question(practitioner, "Do they understand what restorative justice involves, and that they can stop at any time?").GetByLabel("Yes").CheckAsync();
        await AssessmentPages.SaveAsync(practitioner);

        await AssessmentPages.OpenSectionAsync(practitioner, "Expectations and motivation");
        await practitioner.GetByLabel("What do they expect from a restorative process, and why do they want to take part?").FillAsync("To ask why, and to hear that it will not happen again.");
        await AssessmentPages.SaveAsync(practitioner);

        await AssessmentPages.OpenSectionAsync(practitioner, "Risks of harm");
        foreach (var group in await practitioner.Locator(".mend-factor .govuk-radios").AllAsync())
        {
            await group.GetByLabel("Low").CheckAsync();
        }

        await AssessmentPages.Question(practitioner, "Safeguarding concerns").GetByLabel("None").CheckAsync();
        await AssessmentPages.Question(practitioner, "Risk of emotional harm or re-victimisation").GetByLabel("Medium").CheckAsync();
        await practitioner.GetByLabel("Notes on risk of emotional harm or re-victimisation").FillAsync("Still anxious going out after dark.");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessment-risks");
        await AssessmentPages.SaveAsync(practitioner);

        await AssessmentPages.OpenSectionAsync(practitioner, "Suitable processes and safety");
        await practitioner.GetByLabel("Direct (face-to-face) conference").CheckAsync();
        await practitioner.GetByLabel("Youth justice or probation office").CheckAsync();
        await practitioner.GetByLabel("Conditions and safety measures (optional)").FillAsync("Separate waiting rooms; arrive 15 minutes apart.");
        await AssessmentPages.SaveAsync(practitioner);

        await AssessmentPages.OpenSectionAsync(practitioner, "Overall risk and recommendation");
        await AssessmentPages.Question(practitioner, "Overall risk level").GetByLabel("Medium").CheckAsync();
        await practitioner.GetByLabel("Go ahead with conditions").CheckAsync();
        await practitioner.GetByLabel("Reasons for your recommendation").FillAsync("Wants to meet; support in place.");
        await CasePages.FillDateAsync(practitioner, "Review the assessment by", review);
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await AssessmentPages.SaveAsync(practitioner);

        await Assertions.Expect(practitioner.Locator("#approval-reasons")).ToContainTextAsync("(Wounding or inflicting grievous bodily harm) is a sensitive or complex kind");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessment-ready-to-submit");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Send for a manager's approval" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Assessment sent to a manager for approval");
        var assessmentUrl = practitioner.Url;

        var manager = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await manager.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).First.ClickAsync();
        await Assertions.Expect(manager.Locator("table")).ToContainTextAsync("Morgan Ellis");
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "approvals");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Decide on the assessment of Morgan Ellis" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "assessment-decide");
        await manager.GetByLabel("Conditions of approval (optional)").FillAsync("An advanced facilitator chairs.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Assessment approved");
        await Assertions.Expect(manager.Locator("h1 .govuk-tag")).ToHaveTextAsync("Approved");

        await practitioner.GotoAsync("/");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "home-practitioner");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Read all your notifications" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "An assessment you submitted was approved" }).First.ClickAsync();
        Assert.Equal(assessmentUrl, practitioner.Url);
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessment-approved");

        await practitioner.GotoAsync($"/Cases/{caseId}/Assessments");
        await practitioner.GetByLabel("Direct (face-to-face) conference").CheckAsync();
        await practitioner.GetByLabel("Morgan Ellis (victim)").CheckAsync();
        await practitioner.GetByLabel("Jordan Pryce (young person)").CheckAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(practitioner.Locator("#readiness-missing")).ToContainTextAsync("Jordan Pryce has no approved assessment");
        await Accessibility.AssertNoViolationsAsync(practitioner);
        await Accessibility.ScreenshotAsync(practitioner, "assessment-gate");
    }
}
