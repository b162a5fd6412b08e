using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Mend.Tests.Processes;

/// <summary>Meetings in diaries: e-mailed invitations and cancellations with the meeting attached, and each user's private, revocable calendar feed.</summary>
public sealed class MeetingDiaryTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    private List<MimeMessage> MailTo(TestUser user) => Directory.Exists(Factory.MailFolder)
        ? Directory.GetFiles(Factory.MailFolder).Order().Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == user.Email)).ToList()
        : [];

    private static string Calendar(MimeMessage message)
    {
        using var stream = new MemoryStream();
        ((MimePart)message.Attachments.Single()).Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Scheduling_InvitesTheFacilitators_ARemovedCoFacilitatorIsToldItIsOff_AndWithdrawalCancelsForEveryone()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var co = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var room = await VenueAsync();
        var meeting = Meeting(c, facilitator.Id, room, days: 5);
        var withCo = System.Text.Json.JsonSerializer.SerializeToElement(meeting);
        var body = System.Text.Json.Nodes.JsonNode.Parse(withCo.GetRawText())!.AsObject();
        body["coFacilitatorId"] = co.Id;

        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, body)).StatusCode);

        var invitation = Assert.Single(MailTo(facilitator));
        Assert.StartsWith("Mend: restorative meeting, ", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("You are facilitating a restorative meeting for case RJ-", invitation.TextBody, StringComparison.Ordinal);
        var ics = Calendar(invitation);
        Assert.Equal(Ical.Net.Calendar.Load(ics)!.Events.Single().Uid, $"{processId}@mend");
        Assert.DoesNotContain("Kai", invitation.TextBody + ics, StringComparison.Ordinal);
        Assert.Contains("co-facilitating", Assert.Single(MailTo(co)).TextBody, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == facilitator.Id && n.Link == $"/Processes/{processId}")));

        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, meeting)).StatusCode);
        var off = Assert.Single(MailTo(co), m => m.Subject!.StartsWith("Mend: meeting cancelled", StringComparison.Ordinal));
        Assert.Contains("METHOD:CANCEL", Calendar(off), StringComparison.Ordinal);
        var cancelType = ((MimePart)off.Attachments.Single()).ContentType;
        Assert.Equal("text/calendar", cancelType.MimeType);
        Assert.Equal("utf-8", cancelType.Charset, ignoreCase: true);
        Assert.Equal("CANCEL", cancelType.Parameters["method"]);
        var cancellation = Ical.Net.Calendar.Load(Calendar(off))!.Events.Single();
        Assert.Equal("mailto:mend@localhost", cancellation.Organizer!.Value!.ToString());
        Assert.Contains(cancellation.Attendees, a => string.Equals(a.Value!.ToString(), $"mailto:{co.Email}", StringComparison.OrdinalIgnoreCase));
        var inviteType = ((MimePart)invitation.Attachments.Single()).ContentType;
        Assert.Equal("utf-8", inviteType.Charset, ignoreCase: true);
        Assert.Equal("PUBLISH", inviteType.Parameters["method"]);
        Assert.Equal(2, MailTo(facilitator).Count);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/processes/{processId}/outcome", new { outcome = "Withdrawn", withdrawnBy = "The victim", reason = "Changed their mind" })).StatusCode);
        var cancelled = Assert.Single(MailTo(facilitator), m => m.Subject!.StartsWith("Mend: meeting cancelled", StringComparison.Ordinal));
        Assert.Contains("STATUS:CANCELLED", Calendar(cancelled), StringComparison.Ordinal);
        Assert.Equal(2, MailTo(co).Count);
    }

    [Fact]
    public async Task CalendarFeed_ShowsOnlyTheUsersMeetings_WithoutNames_AndANewAddressOrTurningItOffStopsTheOldOne()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 6))).StatusCode);
        var (otherClient, other, otherProcess) = await ReadyConferenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(otherClient, otherProcess, Meeting(other, (await FacilitatorAsync(AccreditationLevel.Facilitator)).Id, await VenueAsync(), days: 6))).StatusCode);

        var mine = await SignIn.AsAsync(Factory, facilitator);
        Assert.Contains("Not set up", (await mine.GetPageAsync("/Account/Calendar")).Body!.TextContent, StringComparison.Ordinal);
        var made = await Html.ParseAsync(await mine.SubmitAsync("/Account/Calendar"));
        var address = new Uri(made.QuerySelector("#calendar-address")!.TextContent).AbsolutePath;

        var calendarApp = Factory.CreateBrowserClient();
        var feed = await calendarApp.GetAsync(address);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", feed.Content.Headers.ContentType.CharSet, ignoreCase: true);
        var text = await feed.Content.ReadAsStringAsync();
        var meeting = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal($"{processId}@mend", meeting.Uid);
        Assert.DoesNotContain("Kai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet", (await mine.GetPageAsync("/Account/Calendar")).QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        var renewed = new Uri((await Html.ParseAsync(await mine.SubmitAsync("/Account/Calendar"))).QuerySelector("#calendar-address")!.TextContent).AbsolutePath;
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(address)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(renewed)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await mine.SubmitAsync("/Account/Calendar", [], "/Account/Calendar?handler=TurnOff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(renewed)).StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.CalendarFeeds.AnyAsync(f => f.UserId == facilitator.Id)));
    }
}
