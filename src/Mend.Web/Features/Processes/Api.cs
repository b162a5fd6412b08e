using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

public static class ProcessesApi
{
    public sealed record ParticipantResource(Guid PersonId, Cases.ParticipantRole Role, DateTime? ArriveAt, DateTime? LeaveAt, bool? Attended, bool Spoke);

    public sealed record PreparationResource(Guid PersonId, DateOnly HeldOn, string By);

    public sealed record AgreementResource(long Id, AgreementItemKind Kind, string What, string Who, DateOnly DueOn, decimal? Hours, AgreementStatus Status, DateOnly? SettledOn, string? Note);

    public sealed record FeedbackResource(Guid PersonId, Cases.ParticipantRole Role, DateTime? CompletedAt, bool ByParticipant, int? Satisfaction, bool? FeltSafe,
        bool? FeltListenedTo, bool? WouldRecommend, DateTime? LinkExpiresAt);

    public sealed record FeedbackLinkResource(Guid PersonId, string Link, DateTime ExpiresAt, ProcessResource Process);

    public sealed record ProcessResource(Guid Id, Guid CaseId, ProcessKind Kind, ProcessStatus Status, Guid? FacilitatorId, string? FacilitatorName,
        Guid? CoFacilitatorId, string? CoFacilitatorName, int? VenueId, int? RoomId, DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<ParticipantResource> Participants,
        IReadOnlyList<AgreementResource> Agreement, IReadOnlyList<PreparationResource> Preparation, bool SafetyPlanWritten, string? FollowUpPlan, DateTime? RecordedAt, string? WithdrawnBy, string? OutcomeReason, IReadOnlyList<FeedbackResource> Feedback, int? PanelId, DateTime? MinutesAt, int Version);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/cases/{id:guid}/processes", async (Guid id, ScheduleMeeting.PlanInput input, HttpContext http, ScheduleMeeting schedule, CancellationToken ct) =>
                ApiChange.Answer(http, await schedule.PlanAsync(http.User, id, input, ct), p => p.Version,
                    process => Results.Created($"/api/v1/processes/{process.Id}", Resource(process))))
            .WithTags("Processes").WithName("PlanProcess").WithSummary("Plans a restorative process on a case with the people taking part")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ProcessResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapGet("/processes/{id:guid}", async (Guid id, HttpContext http, ScheduleMeeting schedule, MendDb db, Platform.Audit.AuditTrail audit, CancellationToken ct) =>
            {
                var process = await schedule.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
                if (process is null)
                {
                    return NotFound();
                }

                audit.Viewed(nameof(RjProcess), id.ToString(), process.Participants.Select(p => p.PersonId), RjProcess.ViewPurpose);

                await db.SaveChangesAsync(ct);

                ApiResults.SetETag(http, process.Version);
                return Results.Ok(Resource(process));
            })
            .WithTags("Processes").WithName("GetProcess").WithSummary("A restorative process with its meeting, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ProcessResource>().ProducesProblem(404);

        v1.MapPost("/processes/{id:guid}/schedule", (Guid id, ScheduleMeeting.ScheduleInput input, HttpContext http, ScheduleMeeting schedule, CancellationToken ct) =>
                ChangeAsync(id, http, schedule, version => schedule.ScheduleAsync(http.User, id, version, input, ct), process => Results.Ok(Resource(process)), ct))
            .WithTags("Processes").WithName("ScheduleMeeting")
            .WithSummary("Schedules the meeting; refused, naming every problem, without approved in-date assessments for everyone, accredited facilitators, a free room and people, and staggered arrivals. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ProcessResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        MapRecord<RecordProcess.MeetingInput>(v1, "/processes/{id:guid}/record", "RecordMeeting", "Records attendance, who spoke, the (encrypted) record of the meeting and the follow-up plan",
            (r, u, id, v, i, ct) => r.MeetingAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.ItemInput>(v1, "/processes/{id:guid}/agreement", "AddAgreementItem", "Adds an item to the outcome agreement (what, who, by when); a due date in the past is refused",
            (r, u, id, v, i, ct) => r.AddItemAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.SettleInput>(v1, "/processes/{id:guid}/agreement/settle", "SettleAgreementItem", "Marks an agreement item done, or not done with the reason",
            (r, u, id, v, i, ct) => r.SettleAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.PreparationInput>(v1, "/processes/{id:guid}/preparation", "RecordPreparationSession", "Records a preparation session held with one participant",
            (r, u, id, v, i, ct) => r.PreparationAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.SafetyPlanInput>(v1, "/processes/{id:guid}/safety-plan", "WriteSafetyPlan", "Writes the safety plan (kept encrypted)",
            (r, u, id, v, i, ct) => r.SafetyPlanAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.OutcomeInput>(v1, "/processes/{id:guid}/outcome", "ConcludeProcess", "Records how the process ended: completed, partially completed, withdrawn (by whom and why) or not suitable",
            (r, u, id, v, i, ct) => r.ConcludeAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.PanelInput>(v1, "/processes/{id:guid}/panel", "ChoosePanel", "Chooses the community or referral-order panel that meets for a panel process",
            (r, u, id, v, i, ct) => r.ChoosePanelAsync(u, id, v, i, ct));
        MapRecord<RecordProcess.FeedbackInput>(v1, "/processes/{id:guid}/feedback", "RecordFeedback",
            "Records a participant's feedback questionnaire (satisfaction 1 to 5, felt safe, felt listened to, would recommend, comments kept encrypted); once the meeting is recorded or the process has ended",
            (r, u, id, v, i, ct) => r.FeedbackAsync(u, id, v, i, ct));

        v1.MapPost("/processes/{id:guid}/feedback-links", (Guid id, RecordProcess.FeedbackLinkInput input, HttpContext http, ScheduleMeeting schedule, RecordProcess record, CancellationToken ct) =>
                ApiChange.RunAsync(http, VersionOf(schedule, http, id), version => record.FeedbackLinkAsync(http.User, id, version, input, ct), made => made.Process.Version,
                    made =>
                    {
                        var link = made.Process.Feedback.Where(f => f.PersonId == input.PersonId).MaxBy(f => f.CreatedAt)!;
                        return Results.Created(made.Link, new FeedbackLinkResource(input.PersonId!.Value, $"{http.Request.Scheme}://{http.Request.Host}{made.Link}",
                            link.ExpiresAt!.Value, Resource(made.Process)));
                    }, ct))
            .WithTags("Processes").WithName("MakeFeedbackLink")
            .WithSummary("Makes a single-use, expiring feedback link for one participant; the link is returned once and a new one replaces an unanswered one. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<FeedbackLinkResource>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapGet("/processes/{id:guid}/meeting.ics", async (Guid id, HttpContext http, ScheduleMeeting schedule, MeetingDiary diary, CancellationToken ct) =>
                await diary.IcsFileAsync(schedule.Visible(http.User), id, ct) is { } file
                    ? Results.File(file.Content, MeetingCalendar.ContentType, file.Name)
                    : NotFound())
            .WithTags("Processes").WithName("MeetingCalendarFile").WithSummary("The scheduled meeting as an iCalendar (.ics) file")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces(200, contentType: "text/calendar").ProducesProblem(404);
    }

    private delegate Task<Outcome<RjProcess>> Change<in T>(RecordProcess record, System.Security.Claims.ClaimsPrincipal user, Guid id, int version, T input, CancellationToken ct);

    private static void MapRecord<T>(RouteGroupBuilder v1, string pattern, string name, string summary, Change<T> change) =>
        v1.MapPost(pattern, (Guid id, T input, HttpContext http, ScheduleMeeting schedule, RecordProcess record, CancellationToken ct) =>
                ChangeAsync(id, http, schedule, version => change(record, http.User, id, version, input, ct), process => Results.Ok(Resource(process)), ct))
            .WithTags("Processes").WithName(name).WithSummary(summary + ". Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ProcessResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

    /// <summary>A change to a process through the API, by the one API change sequence (<see cref="ApiChange"/>).</summary>
    private static Task<IResult> ChangeAsync(Guid id, HttpContext http, ScheduleMeeting schedule, Func<int, Task<Outcome<RjProcess>>> change,
        Func<RjProcess, IResult> ok, CancellationToken ct) =>
        ApiChange.RunAsync(http, VersionOf(schedule, http, id), change, p => p.Version, ok, ct);

    private static IQueryable<int> VersionOf(ScheduleMeeting schedule, HttpContext http, Guid id) =>
        schedule.Visible(http.User).AsNoTracking().Where(p => p.Id == id).Select(p => p.Version);

    /// <summary>The private calendar feed: public, because calendar applications cannot sign in; the secret address is the key.</summary>
    public static void MapCalendarFeed(IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, MeetingDiary diary, CancellationToken ct) =>
                await diary.FeedAsync(token, ct) is { } feed
                    ? Results.Text(feed, MeetingCalendar.ContentType, System.Text.Encoding.UTF8)
                    : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(MendApp.CalendarFeedRateLimit);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "There is no process with that id that you can see.");

    private static ProcessResource Resource(RjProcess p) => new(p.Id, p.CaseId, p.Kind, p.Status, p.FacilitatorId, p.FacilitatorName, p.CoFacilitatorId, p.CoFacilitatorName,
        p.VenueId, p.RoomId, p.StartsAt, p.EndsAt, p.Participants.Select(x => new ParticipantResource(x.PersonId, x.Role, x.ArriveAt, x.LeaveAt, x.Attended, x.Spoke)).ToList(),
        p.Agreement.OrderBy(i => i.DueOn).Select(i => new AgreementResource(i.Id, i.Kind, i.What, i.Who, i.DueOn, i.Hours, i.Status, i.SettledOn, i.Note)).ToList(),
        p.Preparation.OrderBy(s => s.HeldOn).Select(s => new PreparationResource(s.PersonId, s.HeldOn, s.ByName)).ToList(), p.SafetyPlanCiphertext is not null,
        p.FollowUpPlan, p.RecordedAt, p.WithdrawnBy, p.OutcomeReason,
        p.Feedback.OrderBy(f => f.CreatedAt).Select(f => new FeedbackResource(f.PersonId, f.Role, f.CompletedAt, f.ByParticipant, f.Satisfaction, f.FeltSafe,
            f.FeltListenedTo, f.WouldRecommend, f.IsComplete ? null : f.ExpiresAt)).ToList(), p.PanelId, p.MinutesAt, p.Version);
}
