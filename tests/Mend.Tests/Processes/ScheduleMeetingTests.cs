using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Processes;

/// <summary>Scheduling a restorative meeting: the assessment gate, accreditation, double bookings and staggered arrivals, through the API.</summary>
public sealed class ScheduleMeetingTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(int VenueId, int RoomId)> VenueAsync() => await factory.WithDbAsync(async db =>
    {
        var venue = Venue.Create(new VenueDetails("YOT office " + Guid.NewGuid().ToString("N")[..6], Mend.Web.Features.Assessments.Venue.YotOffice, null,
            ["Room 1", "Room 2"], true, true, null, null, null));
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        return (venue.Id, venue.Rooms[0].Id);
    });

    private async Task<TestUser> FacilitatorAsync(AccreditationLevel? level)
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        if (level is { } l)
        {
            await factory.WithDbAsync(async db =>
            {
                db.Accreditations.Add(Accreditation.Award(user.Id, l, "Restorative Justice Council", new DateOnly(2024, 1, 1), null, "Test", factory.Clock.GetUtcNow().UtcDateTime));
                return await db.SaveChangesAsync();
            });
        }

        return user;
    }

    /// <summary>A case whose young person and victim both have approved assessments for a direct conference, and a planned conference.</summary>
    private TestUser? _practitioner;

    private async Task<(HttpClient Client, AssessmentCase Case, Guid ProcessId)> ReadyConferenceAsync(string offence = "Theft from a shop", bool assess = true)
    {
        _practitioner = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, _practitioner);
        var c = await AssessmentCase.CreateAsync(factory, client, offence);
        if (assess)
        {
            var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
            foreach (var (person, young) in new[] { (c.YoungPersonId, true), (c.VictimId, false) })
            {
                var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, client, c.CaseId, person, young);
                var submitted = await JsonAsync(await AssessmentCase.PostWithVersionAsync(client, $"/api/v1/assessments/{id}/submit", version));
                if (submitted.GetProperty("status").GetString() == "Submitted")
                {
                    var approved = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", submitted.GetProperty("version").GetInt32());
                    Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
                }
            }
        }

        var planned = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/processes", new { kind = "FaceToFaceConference", personIds = new[] { c.YoungPersonId, c.VictimId } });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        return (client, c, (await JsonAsync(planned)).GetProperty("id").GetGuid());
    }

    private DateTime At(int days, int hour, int minute = 0)
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(days);
        return DateTime.SpecifyKind(day.AddHours(hour).AddMinutes(minute), DateTimeKind.Utc);
    }

    private object Meeting(AssessmentCase c, Guid facilitator, (int VenueId, int RoomId) room, int days = 10, int victimArrivesMinutesEarly = 30) => new
    {
        facilitatorId = facilitator,
        venueId = room.VenueId,
        roomId = room.RoomId,
        startsAt = At(days, 10),
        endsAt = At(days, 11, 30),
        times = new[]
        {
            new { personId = c.VictimId, arriveAt = At(days, 10).AddMinutes(-victimArrivesMinutesEarly), leaveAt = At(days, 11, 30) },
            new { personId = c.YoungPersonId, arriveAt = At(days, 10), leaveAt = At(days, 11, 50) },
        },
    };

    private static async Task<HttpResponseMessage> ScheduleAsync(HttpClient client, Guid processId, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{processId}/schedule") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task Schedule_WithoutApprovedAssessments_IsRefused_ListingWhoIsMissing_AndNothingIsSaved()
    {
        var (client, c, processId) = await ReadyConferenceAsync(assess: false);
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);

        var refused = await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync()));

        var message = await ErrorAsync(refused, "participants");
        Assert.Contains("Kai Morgan", message, StringComparison.Ordinal);
        Assert.Contains("Sam Lee", message, StringComparison.Ordinal);
        Assert.Contains("has no approved assessment", message, StringComparison.Ordinal);
        Assert.Equal("Planning", (await JsonAsync(await client.GetAsync($"/api/v1/processes/{processId}"))).GetProperty("status").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == Mend.Web.Platform.Audit.AuditAction.View
            && e.EntityId == processId.ToString() && e.SubjectPersonId == c.VictimId)));
    }

    [Fact]
    public async Task Schedule_WhenEveryoneIsReady_Succeeds_AndTheCalendarFileHasTheMeetingButNoNames()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);

        var scheduled = await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync()));

        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        Assert.Equal("Scheduled", (await JsonAsync(scheduled)).GetProperty("status").GetString());
        var ics = await client.GetAsync($"/api/v1/processes/{processId}/meeting.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(At(10, 10), meeting.Start!.AsUtc);
        Assert.StartsWith("Restorative meeting – case RJ-", meeting.Summary, StringComparison.Ordinal);
        Assert.Contains("Room 1", meeting.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("Kai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Lee", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_FacilitatorWithoutCurrentAccreditation_AndSensitiveCaseWithoutAdvanced_AreRefusedByName()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var untrained = await FacilitatorAsync(null);
        var room = await VenueAsync();
        Assert.Contains("does not hold a current RJ facilitator accreditation", await ErrorAsync(await ScheduleAsync(client, processId, Meeting(c, untrained.Id, room)), "facilitatorId"), StringComparison.Ordinal);

        var (sensitiveClient, sensitive, sensitiveProcess) = await ReadyConferenceAsync("Wounding or inflicting grievous bodily harm");
        var ordinary = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Contains("advanced facilitator accreditation", await ErrorAsync(await ScheduleAsync(sensitiveClient, sensitiveProcess, Meeting(sensitive, ordinary.Id, room, days: 12)), "facilitatorId"), StringComparison.Ordinal);
        var advanced = await FacilitatorAsync(AccreditationLevel.AdvancedFacilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(sensitiveClient, sensitiveProcess, Meeting(sensitive, advanced.Id, room, days: 12))).StatusCode);
    }

    [Fact]
    public async Task Schedule_DoubleBookedRoomOrFacilitator_AndOverlappingArrivals_AreRefused()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var room = await VenueAsync();

        Assert.Contains("must arrive and leave at least 15 minutes apart",
            await ErrorAsync(await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, room, victimArrivesMinutesEarly: 5)), "times"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, room))).StatusCode);

        var (otherClient, other, otherProcess) = await ReadyConferenceAsync();
        Assert.Contains("is already booked at that time", await ErrorAsync(await ScheduleAsync(otherClient, otherProcess, Meeting(other, (await FacilitatorAsync(AccreditationLevel.Facilitator)).Id, room)), "roomId"), StringComparison.Ordinal);
        Assert.Contains("is facilitating another meeting at that time", await ErrorAsync(await ScheduleAsync(otherClient, otherProcess, Meeting(other, facilitator.Id, await VenueAsync())), "facilitatorId"), StringComparison.Ordinal);

        var past = await ScheduleAsync(otherClient, otherProcess, Meeting(other, facilitator.Id, await VenueAsync(), days: -3));
        Assert.Equal("The meeting must be in the future", await ErrorAsync(past, "startsAt"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AfterTheMeeting_AttendanceRecordAndAgreementAreKept_ItemsTrackedToDone_AndACompletedProcessIsClosed()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);
        var url = $"/api/v1/processes/{processId}";
        var record = new { attendance = new[] { new { personId = c.VictimId, attended = true, spoke = true }, new { personId = c.YoungPersonId, attended = true, spoke = true } }, record = "Both spoke; Kai apologised.", followUp = "Check in after two weeks" };

        Assert.Contains("once it has started", await ErrorAsync(await PostAsync(client, url + "/record", record), ""), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        client = await SignIn.AsAsync(factory, _practitioner!);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/record", record)).StatusCode);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal("The due date must be today or in the future",
            await ErrorAsync(await PostAsync(client, url + "/agreement", new { kind = "Apology", what = "Written apology", who = "Kai", dueOn = today.AddDays(-1) }), "dueOn"));
        Assert.Contains("hours of reparation", await ErrorAsync(await PostAsync(client, url + "/agreement", new { kind = "ReparationHours", what = "Garden work", who = "Kai", dueOn = today.AddDays(30) }), "hours"), StringComparison.Ordinal);
        var added = await JsonAsync(await PostAsync(client, url + "/agreement", new { kind = "ReparationHours", what = "Clear the shop's yard", who = "Kai", dueOn = today.AddDays(30), hours = 6 }));
        var itemId = added.GetProperty("agreement")[0].GetProperty("id").GetInt64();

        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Accept(null, "Test", factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        Assert.Null((await client.GetPageAsync("/Cases?view=team")).QuerySelector("#agreements-due"));
        factory.Clock.Advance(TimeSpan.FromDays(25));
        client = await SignIn.AsAsync(factory, _practitioner!);
        Assert.Contains("Clear the shop's yard", (await client.GetPageAsync("/Cases?view=team")).QuerySelector("#agreements-due")!.TextContent, StringComparison.Ordinal);

        Assert.Contains("Every agreement item must be marked", await ErrorAsync(await PostAsync(client, url + "/outcome", new { outcome = "Completed" }), ""), StringComparison.Ordinal);
        Assert.Contains("Say why the item was not done", await ErrorAsync(await PostAsync(client, url + "/agreement/settle", new { itemId, done = false }), ""), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/agreement/settle", new { itemId, done = true })).StatusCode);
        var ended = await JsonAsync(await PostAsync(client, url + "/outcome", new { outcome = "Completed" }));
        Assert.Equal("Completed", ended.GetProperty("status").GetString());
        Assert.Equal("Done", ended.GetProperty("agreement")[0].GetProperty("status").GetString());
        Assert.True(ended.GetProperty("participants")[0].GetProperty("attended").GetBoolean());

        Assert.Contains("has ended", await ErrorAsync(await PostAsync(client, url + "/agreement", new { kind = "Apology", what = "Another", who = "Kai", dueOn = today.AddDays(60) }), ""), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.RjProcesses.AsNoTracking().SingleAsync(p => p.Id == processId));
        Assert.DoesNotContain("apologised", stored.RecordCiphertext!, StringComparison.Ordinal);

        var timeline = (await client.GetPageAsync($"/Cases/{c.CaseId}?show=processes")).QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("Face-to-face conference planned", timeline, StringComparison.Ordinal);
        Assert.Contains("Face-to-face conference recorded", timeline, StringComparison.Ordinal);
        Assert.Contains("Face-to-face conference: completed", timeline, StringComparison.Ordinal);
        var assessments = (await client.GetPageAsync($"/Cases/{c.CaseId}?show=assessments")).QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("approved (version 1)", assessments, StringComparison.Ordinal);
        Assert.DoesNotContain("conference", assessments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawal_NeedsWhoAndWhy()
    {
        var (client, _, processId) = await ReadyConferenceAsync();
        var url = $"/api/v1/processes/{processId}/outcome";

        Assert.Contains("Say who withdrew", await ErrorAsync(await PostAsync(client, url, new { outcome = "Withdrawn", reason = "Changed their mind" }), ""), StringComparison.Ordinal);
        var withdrawn = await JsonAsync(await PostAsync(client, url, new { outcome = "Withdrawn", withdrawnBy = "The victim", reason = "Decided a letter is enough" }));

        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("The victim", withdrawn.GetProperty("withdrawnBy").GetString());
    }

    [Fact]
    public async Task BeforeTheDay_ChecklistShowsWhatIsMissing_UntilPreparationAndTheSafetyPlanAreDone()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var url = $"/api/v1/processes/{processId}";
        var page = await client.GetPageAsync($"/Processes/{processId}");
        var checklist = page.QuerySelector("#checklist")!.TextContent;
        Assert.Contains("Not yet: Kai Morgan", checklist, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("#checklist .govuk-tag--blue").Length);

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal("The date of the session must be today or in the past",
            await ErrorAsync(await PostAsync(client, url + "/preparation", new { personId = c.VictimId, heldOn = today.AddDays(1) }), "heldOn"));
        Assert.Equal("Select who the session was with", await ErrorAsync(await PostAsync(client, url + "/preparation", new { personId = Guid.NewGuid(), heldOn = today }), "personId"));
        foreach (var person in new[] { c.VictimId, c.YoungPersonId })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/preparation", new { personId = person, heldOn = today, note = "Talked through the day" })).StatusCode);
        }

        Assert.Equal("Enter the safety plan", await ErrorAsync(await PostAsync(client, url + "/safety-plan", new { plan = " " }), "plan"));
        var saved = await JsonAsync(await PostAsync(client, url + "/safety-plan", new { plan = "Sam waits in room 2 with Victim Support; Kai arrives 15 minutes later by the side door." }));
        Assert.True(saved.GetProperty("safetyPlanWritten").GetBoolean());
        Assert.Equal(2, saved.GetProperty("preparation").GetArrayLength());

        var after = await client.GetPageAsync($"/Processes/{processId}");
        Assert.Equal(1, after.QuerySelectorAll("#checklist .govuk-tag--blue").Length);
        var stored = await factory.WithDbAsync(db => db.RjProcesses.AsNoTracking().SingleAsync(p => p.Id == processId));
        Assert.DoesNotContain("Victim Support", stored.SafetyPlanCiphertext!, StringComparison.Ordinal);
    }
}
