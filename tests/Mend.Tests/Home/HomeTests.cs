using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Tests.Processes;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Home;

/// <summary>The home page tells a worker what to do next: today's meetings, what is due or overdue on their cases, new notifications.</summary>
public sealed class HomeTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    [Fact]
    public async Task NewWorker_SeesThatNothingIsDue_AndNoMeetings()
    {
        var client = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Roles.Practitioner]));
        var home = await client.GetPageAsync("/");
        Assert.Equal("You have no meetings today.", home.QuerySelector("#today-meetings")!.TextContent.Trim());
        Assert.NotNull(home.QuerySelector("#nothing-due"));
    }

    [Fact]
    public async Task Worker_SeesTheirVictimsDue_TodaysMeetingTheyFacilitate_AndNewNotifications()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var worker = Practitioner!;
        await Factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Allocate(worker.Id, "Worker", "Manager", Factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var started = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}",
            new { source = "PolicePassedDetails", receivedOn = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var choice = await PostAsync(client, $"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}/choices",
            new { kind = "Contact", agreed = true, on = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, choice.StatusCode);

        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);

        var home = await client.GetPageAsync("/");
        Assert.True(home.QuerySelector("#victims-due") is not null, home.QuerySelector("main")!.TextContent);
        Assert.Contains("information about restorative justice, due by", home.QuerySelector("#victims-due")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("You have no meetings today.", home.QuerySelector("#today-meetings")!.TextContent.Trim());

        // The next day the meeting is today: the facilitator sees it with the case reference, and the invitation as a notification.
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var theirs = await (await SignIn.AsAsync(Factory, facilitator)).GetPageAsync("/");
        var today = theirs.QuerySelector("#today-meetings")!.TextContent;
        Assert.Contains("Face-to-face conference, case RJ-", today, StringComparison.Ordinal);
        Assert.Contains("You are facilitating", today, StringComparison.Ordinal);
        Assert.Contains("10:00am to 11:30am", today, StringComparison.Ordinal);
        Assert.NotNull(theirs.QuerySelector($"#latest-notifications a[href='/Processes/{processId}']"));
    }
}
