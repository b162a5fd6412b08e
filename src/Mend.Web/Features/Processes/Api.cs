using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

public static class ProcessesApi
{
    public sealed record ParticipantResource(Guid PersonId, Cases.ParticipantRole Role, DateTime? ArriveAt, DateTime? LeaveAt);

    public sealed record ProcessResource(Guid Id, Guid CaseId, ProcessKind Kind, ProcessStatus Status, Guid? FacilitatorId, string? FacilitatorName,
        Guid? CoFacilitatorId, string? CoFacilitatorName, int? VenueId, int? RoomId, DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<ParticipantResource> Participants, int Version);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/cases/{id:guid}/processes", async (Guid id, ScheduleMeeting.PlanInput input, HttpContext http, ScheduleMeeting schedule, CancellationToken ct) =>
            {
                var result = await schedule.PlanAsync(http.User, id, input, ct);
                if (result.NotFound)
                {
                    return Results.Problem(statusCode: 404, title: "There is no case with that id that you can see.");
                }

                if (!result.Succeeded)
                {
                    return ApiResults.FieldErrors(result.Errors);
                }

                ApiResults.SetETag(http, result.Process!.Version);
                return Results.Created($"/api/v1/processes/{result.Process.Id}", Resource(result.Process));
            })
            .WithTags("Processes").WithName("PlanProcess").WithSummary("Plans a restorative process on a case with the people taking part")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ProcessResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapGet("/processes/{id:guid}", async (Guid id, HttpContext http, ScheduleMeeting schedule, CancellationToken ct) =>
            {
                var process = await schedule.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
                if (process is null)
                {
                    return NotFound();
                }

                ApiResults.SetETag(http, process.Version);
                return Results.Ok(Resource(process));
            })
            .WithTags("Processes").WithName("GetProcess").WithSummary("A restorative process with its meeting, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ProcessResource>().ProducesProblem(404);

        v1.MapPost("/processes/{id:guid}/schedule", async (Guid id, ScheduleMeeting.ScheduleInput input, HttpContext http, ScheduleMeeting schedule, CancellationToken ct) =>
            {
                var current = await schedule.Visible(http.User).AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Version).SingleOrDefaultAsync(ct);
                if (current is null)
                {
                    return NotFound();
                }

                if (ApiResults.CheckIfMatch(http, current.Value) is { } refused)
                {
                    return refused;
                }

                var result = await schedule.ScheduleAsync(http.User, id, current.Value, input, ct);
                if (result.Conflict)
                {
                    return Results.Problem(statusCode: 412, title: ScheduleMeeting.ConflictMessage + ".");
                }

                if (!result.Succeeded)
                {
                    return ApiResults.FieldErrors(result.Errors);
                }

                ApiResults.SetETag(http, result.Process!.Version);
                return Results.Ok(Resource(result.Process));
            })
            .WithTags("Processes").WithName("ScheduleMeeting")
            .WithSummary("Schedules the meeting; refused, naming every problem, without approved in-date assessments for everyone, accredited facilitators, a free room and people, and staggered arrivals. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ProcessResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapGet("/processes/{id:guid}/meeting.ics", async (Guid id, HttpContext http, ScheduleMeeting schedule, MendDb db, CancellationToken ct) =>
                await IcsAsync(schedule.Visible(http.User), db, id, ct) ?? NotFound())
            .WithTags("Processes").WithName("MeetingCalendarFile").WithSummary("The scheduled meeting as an iCalendar (.ics) file")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces(200, contentType: "text/calendar").ProducesProblem(404);
    }

    /// <summary>The .ics download for a scheduled meeting the user can see, or null.</summary>
    public static async Task<IResult?> IcsAsync(IQueryable<RjProcess> visible, MendDb db, Guid id, CancellationToken ct)
    {
        var process = await visible.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == ProcessStatus.Scheduled, ct);
        if (process is null)
        {
            return null;
        }

        var reference = await db.Cases.Where(c => c.Id == process.CaseId).Select(c => c.Reference).SingleAsync(ct);
        var venue = process.VenueId is { } venueId ? await db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, ct) : null;
        var place = venue is null ? "Video call" : $"{venue.Rooms.FirstOrDefault(r => r.Id == process.RoomId)?.Name}, {venue.Name}{(venue.Address is null ? "" : ", " + venue.Address)}";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(MeetingCalendar.For(process, reference, place)), "text/calendar", $"meeting-{reference}.ics");
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "There is no process with that id that you can see.");

    private static ProcessResource Resource(RjProcess p) => new(p.Id, p.CaseId, p.Kind, p.Status, p.FacilitatorId, p.FacilitatorName, p.CoFacilitatorId, p.CoFacilitatorName,
        p.VenueId, p.RoomId, p.StartsAt, p.EndsAt, p.Participants.Select(x => new ParticipantResource(x.PersonId, x.Role, x.ArriveAt, x.LeaveAt)).ToList(), p.Version);
}
