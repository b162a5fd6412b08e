using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Processes;

/// <summary>What the process tests share: a venue, accredited facilitators, a case ready for a conference, and API calls with If-Match.</summary>
public abstract class ProcessTests(MendFactory factory)
{
    protected MendFactory Factory => factory;

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    protected async Task<(int VenueId, int RoomId)> VenueAsync() => await factory.WithDbAsync(async db =>
    {
        var venue = Venue.Create(new VenueDetails("YOT office " + Guid.NewGuid().ToString("N")[..6], Mend.Web.Features.Assessments.VenueKind.YotOffice, null,
            ["Room 1", "Room 2"], true, true, null, null, null));
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        return (venue.Id, venue.Rooms[0].Id);
    });

    protected async Task<TestUser> FacilitatorAsync(AccreditationLevel? level)
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        if (level is { } l)
        {
            await factory.WithDbAsync(async db =>
            {
                db.Accreditations.Add(Accreditation.Award(user.Id, l, "Restorative Justice Council", new DateOnly(2024, 1, 1), null, "Test", factory.Clock.GetUtcNow().UtcDateTime));
                return await db.SaveChangesAsync();
            });
            await TestUsers.GiveDbsAsync(factory, user.Id);
        }

        return user;
    }

    /// <summary>A case whose young person and victim both have approved assessments for a direct conference, and a planned conference.</summary>
    protected TestUser? Practitioner { get; private set; }

    protected async Task<(HttpClient Client, AssessmentCase Case, Guid ProcessId)> ReadyConferenceAsync(string offence = "Theft from a shop", bool assess = true)
    {
        Practitioner = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, Practitioner);
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

    protected DateTime At(int days, int hour, int minute = 0)
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(days);
        return DateTime.SpecifyKind(day.AddHours(hour).AddMinutes(minute), DateTimeKind.Utc);
    }

    protected object Meeting(AssessmentCase c, Guid facilitator, (int VenueId, int RoomId) room, int days = 10, int victimArrivesMinutesEarly = 30) => new
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

    protected static async Task<HttpResponseMessage> ScheduleAsync(HttpClient client, Guid processId, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{processId}/schedule") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    protected static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }
}
