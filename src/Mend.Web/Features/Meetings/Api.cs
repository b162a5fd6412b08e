using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Meetings;

/// <summary>Professionals' meetings through the API: record one with its actions, read it (audited), add an action, mark one done.</summary>
public static class MeetingsApi
{
    public sealed record ActionResource(long Id, string What, Guid? OwnerUserId, string OwnerName, DateOnly DueOn, DateOnly? DoneOn, string? DoneByName);

    public sealed record MeetingResource(Guid Id, Guid CaseId, MeetingKind Kind, DateOnly HeldOn, string AgenciesPresent, string Decisions, string RecordedByName,
        IReadOnlyList<ActionResource> Actions, int Version);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/cases/{caseId:guid}/meetings", async (Guid caseId, ProfessionalMeetings.RecordInput input, HttpContext http, ProfessionalMeetings meetings, FieldEncryption encryption, CancellationToken ct) =>
                ApiChange.Answer(http, await meetings.RecordAsync(http.User, caseId, input, ct), m => m.Version,
                    m => Results.Created($"/api/v1/meetings/{m.Id}", Resource(m, encryption))))
            .WithTags("Meetings").WithName("RecordProfessionalMeeting")
            .WithSummary("Records a professionals' meeting on a case: kind, heldOn (today or before), agenciesPresent, decisions (encrypted), actions [{what, ownerUserId or ownerName, dueOn}]; errors name actions[i].field")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<MeetingResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapGet("/meetings/{id:guid}", async (Guid id, HttpContext http, ProfessionalMeetings meetings, FieldEncryption encryption, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var meeting = await meetings.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
                if (meeting is null)
                {
                    return Results.Problem(statusCode: 404, title: "There is no meeting with that id that you can see.");
                }

                audit.Viewed(nameof(ProfessionalMeeting), id.ToString(), await meetings.PeopleOnAsync(meeting.CaseId, ct), ProfessionalMeetings.PurposeOfView);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, meeting.Version);
                return Results.Ok(Resource(meeting, encryption));
            })
            .WithTags("Meetings").WithName("GetProfessionalMeeting").WithSummary("One meeting with its actions and an ETag; reading it is audited")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<MeetingResource>().ProducesProblem(404);

        v1.MapPost("/meetings/{id:guid}/actions", (Guid id, ProfessionalMeetings.ActionInput input, HttpContext http, ProfessionalMeetings meetings, FieldEncryption encryption, CancellationToken ct) =>
                Change(http, meetings, id, encryption, version => meetings.AddActionAsync(http.User, id, version, input, ct), ct))
            .WithTags("Meetings").WithName("AddMeetingAction").WithSummary("Adds an action: what, ownerUserId or ownerName, dueOn (on or after the meeting). Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<MeetingResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapPost("/meetings/{id:guid}/actions/{actionId:long}/done", (Guid id, long actionId, HttpContext http, ProfessionalMeetings meetings, FieldEncryption encryption, CancellationToken ct) =>
                Change(http, meetings, id, encryption, version => meetings.CompleteActionAsync(http.User, id, version, actionId, ct), ct))
            .WithTags("Meetings").WithName("CompleteMeetingAction").WithSummary("Marks an action done today. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<MeetingResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static Task<IResult> Change(HttpContext http, ProfessionalMeetings meetings, Guid id, FieldEncryption encryption,
        Func<int, Task<Outcome<ProfessionalMeeting>>> change, CancellationToken ct) =>
        ApiChange.RunAsync(http, meetings.Visible(http.User).AsNoTracking().Where(m => m.Id == id).Select(m => m.Version), change, m => m.Version,
            m => Results.Ok(Resource(m, encryption)), ct);

    private static MeetingResource Resource(ProfessionalMeeting m, FieldEncryption encryption) => new(m.Id, m.CaseId, m.Kind, m.HeldOn, m.AgenciesPresent,
        m.ReadDecisions(encryption), m.RecordedByName,
        m.Actions.Select(a => new ActionResource(a.Id, a.What, a.OwnerUserId, a.OwnerName, a.DueOn, a.DoneOn, a.DoneByName)).ToList(), m.Version);
}
