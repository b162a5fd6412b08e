using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PanelJourneyTests(BrowserFixture browser)
{
    private static Dictionary<string, string> IfMatch => new() { ["If-Match"] = "*" };

    [Fact]
    public async Task Manager_SetsUpAPanel_AVolunteerSeesOnlyItsBrief_AndAPractitionerSubscribesToTheirMeetings_EveryPageAccessible()
    {
        var manager = await TestUsers.CreateAsync(browser.App, [Roles.Manager]);
        var volunteer = await TestUsers.CreateAsync(browser.App, [Roles.Volunteer]);
        await TestUsers.GivePanelTrainingAsync(browser.App, volunteer.Id);
        await TestUsers.GiveDbsAsync(browser.App, volunteer.Id);
        var practitioner = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        await TestUsers.GiveDbsAsync(browser.App, practitioner.Id);
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var venue = Venue.Create(new VenueDetails("Riverside hall " + Guid.NewGuid().ToString("N")[..4], Mend.Web.Features.Assessments.VenueKind.CommunityVenue, "2 River Lane",
            ["Main hall", "Side room"], SeparateWaitingRooms: true, StaffMayBeAlone: false, "Doors to the lane and the car park", "Step-free", "Two adults with every young person"));
        await browser.App.WithDbAsync(async db =>
        {
            db.Accreditations.Add(Accreditation.Award(practitioner.Id, AccreditationLevel.Facilitator, "Restorative Justice Council", new DateOnly(2024, 3, 1), null, "Test", now));
            db.Venues.Add(venue);
            return await db.SaveChangesAsync();
        });
        var panelName = "Riverside Community Panel " + Guid.NewGuid().ToString("N")[..4];

        var admin = await SignInPage.SignInAsync(browser, manager);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Panel members" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.GetByLabel("Name").FillAsync(panelName);
        await admin.GetByLabel("Community RJ panel").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add panel" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner--success")).ToContainTextAsync("now add its members");
        await admin.GetByLabel("Add a member").SelectOptionAsync(volunteer.Id.ToString());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
        await admin.GetByLabel("Add a member").SelectOptionAsync(practitioner.Id.ToString());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
        await admin.Locator("#members tr", new() { HasText = "Test Volunteer" }).GetByRole(AriaRole.Button, new() { Name = "Make chair" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner--success")).ToContainTextAsync("now chairs the panel");
        await Accessibility.AssertNoViolationsAsync(admin);
        await Accessibility.ScreenshotAsync(admin, "admin-panel");
        var panelId = await browser.App.WithDbAsync(db => db.Panels.Where(p => p.Name == panelName).Select(p => p.Id).SingleAsync());

        var page = await SignInPage.SignInAsync(browser, practitioner);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Rosa", "Quint");
        var people = await browser.App.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => new { p.PersonId, p.Role }).ToListAsync());
        foreach (var p in people)
        {
            await ProcessJourneyTests.AssessAsync(page, caseId, p.PersonId, p.Role == Mend.Web.Features.Cases.ParticipantRole.YoungPerson, DateOnly.FromDateTime(now).AddMonths(3));
        }

        var api = page.Context.APIRequest;
        var planned = await api.PostAsync($"/api/v1/cases/{caseId}/processes", new() { DataObject = new { kind = "CommunityPanel", personIds = people.Select(p => p.PersonId) } });
        Assert.True(planned.Ok, await planned.TextAsync());
        var processId = (await planned.JsonAsync())!.Value.GetProperty("id").GetGuid();
        await page.GotoAsync($"/Processes/{processId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose the panel" }).ClickAsync();
        await page.GetByLabel("Which panel will meet").SelectOptionAsync(panelId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the panel" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync(panelName);
        await Accessibility.AssertNoViolationsAsync(page);
        var young = people.Single(p => p.Role == Mend.Web.Features.Cases.ParticipantRole.YoungPerson).PersonId;
        var victimId = people.Single(p => p.Role == Mend.Web.Features.Cases.ParticipantRole.Victim).PersonId;
        var day = DateTime.SpecifyKind(now.Date.AddDays(9), DateTimeKind.Utc);
        var scheduled = await api.PostAsync($"/api/v1/processes/{processId}/schedule", new()
        {
            Headers = IfMatch,
            DataObject = new
            {
                facilitatorId = practitioner.Id,
                venueId = venue.Id,
                roomId = venue.Rooms[0].Id,
                startsAt = day.AddHours(18),
                endsAt = day.AddHours(19),
                times = new[] { new { personId = victimId, arriveAt = day.AddHours(17.5), leaveAt = day.AddHours(19) }, new { personId = young, arriveAt = day.AddHours(18), leaveAt = day.AddHours(19.3) } },
            },
        });
        Assert.True(scheduled.Ok, await scheduled.TextAsync());

        var member = await SignInPage.SignInAsync(browser, volunteer);
        await member.GetByRole(AriaRole.Link, new() { Name = "Panels", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(member);
        await member.Locator("#meetings a").First.ClickAsync();
        await Assertions.Expect(member.Locator("#people")).ToContainTextAsync("Rosa");
        await Assertions.Expect(member.Locator("#people")).Not.ToContainTextAsync("Quint");
        await Assertions.Expect(member.Locator("#brief")).ToContainTextAsync("Two adults with every young person");
        await Accessibility.AssertNoViolationsAsync(member);
        await Accessibility.ScreenshotAsync(member, "panel-brief");

        await page.GotoAsync("/Account/Calendar");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar address" }).ClickAsync();
        var address = await page.Locator("#calendar-address").TextContentAsync();
        var feed = await page.Context.APIRequest.GetAsync(address!);
        Assert.Contains($"{processId}@mend", await feed.TextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "account-calendar");
    }
}
