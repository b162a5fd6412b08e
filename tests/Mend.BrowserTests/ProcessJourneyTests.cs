using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ProcessJourneyTests(BrowserFixture browser)
{
    /// <summary>Answers every section of a low-risk assessment through the API and submits it (approved by the assessor).</summary>
    internal static async Task AssessAsync(IPage page, Guid caseId, Guid personId, bool youngPerson, DateOnly review)
    {
        var api = page.Context.APIRequest;
        var started = await api.PostAsync($"/api/v1/cases/{caseId}/assessments", new() { DataObject = new { personId } });
        Assert.True(started.Ok, await started.TextAsync());
        var id = (await started.JsonAsync())!.Value.GetProperty("id").GetGuid();
        var answers = new
        {
            understanding = new { willingness = "Willing", understandsRj = true },
            responsibility = youngPerson ? new { responsibility = "Full" } : null,
            expectations = "To put things right",
            risks = new { factors = Enum.GetNames<Mend.Web.Features.Assessments.RiskFactor>().Select(f => new { factor = f, rating = f == "Safeguarding" ? "None" : "Low" }) },
            processes = new { suitable = new[] { "DirectConference" }, venue = "YotOffice" },
            recommendation = new { overallRisk = "Low", recommendation = "Proceed", reasons = "Low risk", reviewOn = review.ToString("yyyy-MM-dd") },
        };
        var patched = await api.FetchAsync($"/api/v1/assessments/{id}/answers", new() { Method = "PATCH", DataObject = answers, Headers = new Dictionary<string, string> { ["If-Match"] = "*" } });
        Assert.True(patched.Ok, await patched.TextAsync());
        var submitted = await api.PostAsync($"/api/v1/assessments/{id}/submit", new() { Headers = new Dictionary<string, string> { ["If-Match"] = "*" } });
        Assert.True(submitted.Ok, await submitted.TextAsync());
    }

    [Fact]
    public async Task Practitioner_PlansAndSchedulesAConference_AfterBeingRefusedForBookingTheVictimAndYoungPersonTogether_EveryPageAccessible()
    {
        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        await browser.App.WithDbAsync(async db =>
        {
            db.Accreditations.Add(Accreditation.Award(user.Id, AccreditationLevel.Facilitator, "Restorative Justice Council", new DateOnly(2024, 3, 1), null, "Test", now));
            db.Venues.Add(Venue.Create(new VenueDetails("Exampletown YOT " + Guid.NewGuid().ToString("N")[..4], Mend.Web.Features.Assessments.VenueKind.YotOffice, "1 High Street",
                ["Conference room"], SeparateWaitingRooms: true, StaffMayBeAlone: true, "Front door and fire exit at the back", "Step-free", null)));
            return await db.SaveChangesAsync();
        });
        await TestUsers.GiveDbsAsync(browser.App, user.Id);
        var page = await SignInPage.SignInAsync(browser, user);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Dev", "Anand");
        var today = DateOnly.FromDateTime(now);
        var people = await browser.App.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => new { p.PersonId, p.Role }).ToListAsync());
        foreach (var p in people)
        {
            await AssessAsync(page, caseId, p.PersonId, p.Role == Mend.Web.Features.Cases.ParticipantRole.YoungPerson, today.AddMonths(3));
        }

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Restorative processes" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Face-to-face conference").CheckAsync();
        await page.GetByLabel("Jordan Pryce (young person)").CheckAsync();
        await page.GetByLabel("Dev Anand (victim)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the process" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Face-to-face conference planned");
        await Accessibility.AssertNoViolationsAsync(page);

        await Assertions.Expect(page.Locator("#checklist")).ToContainTextAsync("Not yet: Jordan Pryce, Dev Anand");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a preparation session" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "With whom" }).GetByLabel("Dev Anand").CheckAsync();
        await CasePages.FillDateAsync(page, "Date of the session", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator("#checklist")).ToContainTextAsync("Not yet: Jordan Pryce");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the safety plan" }).ClickAsync();
        await page.GetByLabel("Safety plan", new() { Exact = true }).FillAsync("Dev waits in the family room; Jordan arrives later by the side door. Stop if anyone is distressed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the safety plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Safety plan saved");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "process-before-the-day");

        var day = today.AddDays(14);
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule the meeting" }).ClickAsync();
        await page.GetByLabel("Facilitator", new() { Exact = true }).SelectOptionAsync(user.Id.ToString());
        await page.GetByLabel("Room").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await CasePages.FillDateAsync(page, "Date of the meeting", day);
        await page.GetByLabel("Starts at").FillAsync("10:00");
        await page.GetByLabel("Ends at").FillAsync("11:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("must arrive and leave at least 15 minutes apart");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "process-refused");

        await page.GetByLabel("Dev Anand arrives").FillAsync("09:30");
        await page.GetByLabel("Jordan Pryce leaves").FillAsync("11:50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Meeting scheduled");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Dev Anand: arrives 09:30, leaves 11:30");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "process-scheduled");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the meeting for your calendar (.ics)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var processUrl = page.Url;

        // The day of the meeting and after: record it, agree what happens next, and follow it through.
        browser.App.Clock.Advance(TimeSpan.FromDays(15));
        var after = await SignInPage.SignInAsync(browser, user);
        await after.GotoAsync(processUrl);
        await after.GetByRole(AriaRole.Link, new() { Name = "Record what happened" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(after);
        await after.GetByRole(AriaRole.Group, new() { Name = "Who attended" }).GetByLabel("Jordan Pryce").CheckAsync();
        await after.GetByRole(AriaRole.Group, new() { Name = "Who attended" }).GetByLabel("Dev Anand").CheckAsync();
        await after.GetByRole(AriaRole.Group, new() { Name = "Who spoke" }).GetByLabel("Dev Anand").CheckAsync();
        await after.GetByLabel("Record of the meeting").FillAsync("Dev explained the cost of the damage; Jordan listened and apologised.");
        await after.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(after.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Meeting recorded");
        await after.GetByRole(AriaRole.Link, new() { Name = "Add to the agreement" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(after);
        await after.GetByLabel("Hours of reparation").CheckAsync();
        await after.GetByLabel("What was agreed").FillAsync("Repaint the shop shutter");
        await after.GetByLabel("Who will do it").FillAsync("Jordan Pryce");
        await CasePages.FillDateAsync(after, "Due by", today.AddDays(40));
        await after.GetByLabel("Hours (for reparation)").FillAsync("6");
        await after.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(after.Locator("table").First).ToContainTextAsync("Repaint the shop shutter (6 hours)");
        await Accessibility.AssertNoViolationsAsync(after);
        await Accessibility.ScreenshotAsync(after, "process-agreement");

        // Feedback: a single-use link for the victim, answered without an account; the young person's answers recorded.
        await after.GetByRole(AriaRole.Link, new() { Name = "Record feedback or send a feedback link" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(after);
        await after.GetByLabel("Who the link is for").SelectOptionAsync(new SelectOptionValue { Label = "Dev Anand (victim)" });
        await after.GetByRole(AriaRole.Button, new() { Name = "Make a feedback link" }).ClickAsync();
        var link = await after.Locator("#feedback-link").TextContentAsync();
        await Assertions.Expect(after.Locator("#feedback")).ToContainTextAsync("Link sent");
        await after.GetByRole(AriaRole.Group, new() { Name = "Whose feedback" }).GetByLabel("Jordan Pryce (young person)").CheckAsync();
        await after.GetByRole(AriaRole.Button, new() { Name = "Save feedback" }).ClickAsync();
        Assert.Contains("Select how satisfied they were", await after.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(after);
        await after.GetByRole(AriaRole.Group, new() { Name = "Overall, how satisfied were they with the process?" }).GetByLabel("Satisfied", new() { Exact = true }).CheckAsync();
        await after.GetByRole(AriaRole.Group, new() { Name = "Did they feel safe?" }).GetByLabel("Yes").CheckAsync();
        await after.GetByRole(AriaRole.Group, new() { Name = "Did they feel listened to?" }).GetByLabel("Yes").CheckAsync();
        await after.GetByRole(AriaRole.Group, new() { Name = "Would they recommend restorative justice to others?" }).GetByLabel("Yes").CheckAsync();
        await after.GetByRole(AriaRole.Button, new() { Name = "Save feedback" }).ClickAsync();
        await Assertions.Expect(after.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Feedback recorded");

        var victim = await browser.NewPageAsync();
        await victim.GotoAsync(link!);
        await Accessibility.AssertNoViolationsAsync(victim);
        await Accessibility.ScreenshotAsync(victim, "feedback-link");
        await victim.GetByLabel("Very satisfied").CheckAsync();
        await victim.GetByRole(AriaRole.Group, new() { Name = "Did you feel safe?" }).GetByLabel("Yes").CheckAsync();
        await victim.GetByRole(AriaRole.Group, new() { Name = "Did you feel listened to?" }).GetByLabel("Yes").CheckAsync();
        await victim.GetByRole(AriaRole.Group, new() { Name = "Would you recommend restorative justice to others?" }).GetByLabel("Yes").CheckAsync();
        await victim.GetByLabel("Anything else you want to tell us (optional)").FillAsync("I got the apology I needed.");
        await victim.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(victim.Locator(".govuk-panel")).ToContainTextAsync("Thank you");

        await after.ReloadAsync();
        await Assertions.Expect(after.Locator("#feedback")).ToContainTextAsync("I got the apology I needed.");
        await Assertions.Expect(after.Locator("main")).ToContainTextAsync("Everyone who took part has given their feedback");
        await Accessibility.AssertNoViolationsAsync(after);
        await Accessibility.ScreenshotAsync(after, "process-feedback");
    }
}
