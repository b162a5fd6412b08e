using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

public static class AssessmentsApi
{
    public sealed record StartRequest(Guid? PersonId);

    public sealed record ApproveRequest(string? Conditions);

    public sealed record ReturnRequest(string? Reasons);

    public sealed record ReadinessRequest(SuitableProcesses? Kind, IReadOnlyList<Guid>? PersonIds);

    public sealed record AssessmentSummary(Guid Id, Guid PersonId, int Number, AssessmentStatus Status, Cases.RiskLevel? OverallRisk, DateOnly? ReviewOn, bool OutOfDate, IReadOnlyList<string> OutOfDateReasons);

    public sealed record WaitingItem(Guid Id, Guid CaseId, Guid PersonId, string? SubmittedBy, DateTime? SubmittedAt, IReadOnlyList<string> Reasons);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/cases/{id:guid}/assessments", async (Guid id, HttpContext http, MendDb db, Cases.CaseAccess access, AssessmentChecks checks, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await access.VisibleCases(http.User).AnyAsync(c => c.Id == id, ct))
                {
                    return NotFound("case");
                }

                var all = await db.Assessments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.PersonId).ThenBy(a => a.Number).ToListAsync(ct);
                var outOfDate = await checks.OutOfDateAsync(all, clock.LondonToday(), ct);
                foreach (var personId in all.Select(a => a.PersonId).Distinct())
                {
                    audit.Record(AuditAction.View, nameof(Assessment), id.ToString(), subjectPersonId: personId, purpose: Assessment.ListPurpose);
                }

                await db.SaveChangesAsync(ct);
                return Results.Ok(all.Select(a => new AssessmentSummary(a.Id, a.PersonId, a.Number, a.Status, a.OverallRisk, a.ReviewOn,
                    outOfDate.ContainsKey(a.Id), outOfDate.TryGetValue(a.Id, out var r) ? r : [])).ToList());
            })
            .WithTags("Assessments").WithName("ListCaseAssessments").WithSummary("Every version of every assessment on a case, with whether each is out of date")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<AssessmentSummary>>().ProducesProblem(404);

        v1.MapPost("/cases/{id:guid}/assessments", async (Guid id, StartRequest request, HttpContext http, StartAssessment start, FieldEncryption encryption, CancellationToken ct) =>
            {
                if (request.PersonId is not { } personId)
                {
                    return ApiResults.FieldErrors(new Dictionary<string, string> { ["personId"] = "Say whose assessment to start" });
                }

                var outcome = await start.HandleAsync(id, personId, http.User, ct);
                return outcome.Kind == OutcomeKind.Exists
                    ? Results.Problem(statusCode: 409, title: outcome.Message, extensions: new Dictionary<string, object?> { ["existingDraftId"] = outcome.ExistingId })
                    : ApiChange.Answer(http, outcome, a => a.Version,
                        a => Results.Created($"/api/v1/assessments/{a.Id}", AssessmentSheet.From(a, encryption)));
            })
            .WithTags("Assessments").WithName("StartAssessment").WithSummary("Starts an assessment of someone on the case, or a reassessment from their last one")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AssessmentSheet>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        v1.MapGet("/assessments/{id:guid}", async (Guid id, HttpContext http, MendDb db, AssessmentChecks checks, FieldEncryption encryption, AuditTrail audit, CancellationToken ct) =>
            {
                var assessment = await checks.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
                if (assessment is null)
                {
                    return NotFound("assessment");
                }

                audit.Record(AuditAction.View, nameof(Assessment), id.ToString(), subjectPersonId: assessment.PersonId, purpose: Assessment.ViewPurpose);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, assessment.Version);
                return Results.Ok(AssessmentSheet.From(assessment, encryption));
            })
            .WithTags("Assessments").WithName("GetAssessment").WithSummary("An assessment with its answers, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<AssessmentSheet>().ProducesProblem(404);

        v1.MapPatch("/assessments/{id:guid}/answers", (Guid id, RecordAnswers.Answers answers, HttpContext http, MendDb db, AssessmentChecks checks, RecordAnswers record,
                FieldEncryption encryption, TimeProvider clock, CancellationToken ct) =>
                ApiChange.RunAsync(http, db, checks.Visible(http.User).Where(a => a.Id == id),
                    assessment => record.Apply(assessment, answers, clock.LondonToday(), clock.GetUtcNow().UtcDateTime),
                    assessment => Results.Ok(AssessmentSheet.From(assessment, encryption)), ct, Assessment.StaleMessage))
            .WithTags("Assessments").WithName("RecordAssessmentAnswers")
            .WithSummary("Records the answers to one or more sections of an assessment in progress; only the sections sent change. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AssessmentSheet>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapPost("/assessments/{id:guid}/submit", (Guid id, HttpContext http, AssessmentChecks checks, DecideAssessment decide, FieldEncryption encryption, CancellationToken ct) =>
                DecideAsync(id, http, checks, encryption, ct, version => decide.SubmitAsync(id, version, http.User, ct)))
            .WithTags("Assessments").WithName("SubmitAssessment")
            .WithSummary("Submits a complete assessment: approved at once when the approval policy does not need a manager, otherwise queued for one with the reasons. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AssessmentSheet>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

        v1.MapPost("/assessments/{id:guid}/approve", (Guid id, ApproveRequest request, HttpContext http, AssessmentChecks checks, DecideAssessment decide, FieldEncryption encryption, CancellationToken ct) =>
                DecideAsync(id, http, checks, encryption, ct, version => decide.ApproveAsync(id, version, request.Conditions, http.User, ct)))
            .WithTags("Assessments").WithName("ApproveAssessment").WithSummary("Approves a submitted assessment, with any conditions; a manager cannot approve their own. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AssessmentSheet>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

        v1.MapPost("/assessments/{id:guid}/return", (Guid id, ReturnRequest request, HttpContext http, AssessmentChecks checks, DecideAssessment decide, FieldEncryption encryption, CancellationToken ct) =>
                DecideAsync(id, http, checks, encryption, ct, version => decide.ReturnAsync(id, version, request.Reasons, http.User, ct)))
            .WithTags("Assessments").WithName("ReturnAssessment").WithSummary("Returns a submitted assessment to the assessor with reasons (managers). Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AssessmentSheet>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

        v1.MapGet("/assessments/awaiting-approval", async (HttpContext http, AssessmentChecks checks, CancellationToken ct) =>
            {
                var waiting = await checks.Visible(http.User).AsNoTracking()
                    .Where(a => a.Status == AssessmentStatus.Submitted && a.NeedsManagerApproval)
                    .OrderBy(a => a.SubmittedAt).Take(200)
                    .Select(a => new { a.Id, a.CaseId, a.PersonId, a.SubmittedByName, a.SubmittedAt, a.ApprovalReasons })
                    .ToListAsync(ct);
                return Results.Ok(waiting.Select(a => new WaitingItem(a.Id, a.CaseId, a.PersonId, a.SubmittedByName, a.SubmittedAt, a.ApprovalReasons?.Split('\n') ?? [])).ToList());
            })
            .WithTags("Assessments").WithName("AssessmentsAwaitingApproval").WithSummary("Assessments waiting for a manager's approval, oldest first (managers)")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<WaitingItem>>();

        v1.MapPost("/cases/{id:guid}/process-readiness", async (Guid id, ReadinessRequest request, HttpContext http, ProcessReadiness readiness, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string>();
                if (request.Kind is null or SuitableProcesses.None)
                {
                    errors["kind"] = "Say which kind of process: DirectConference, ShuttleOrIndirect or Letter";
                }

                if (request.PersonIds is not { Count: > 0 })
                {
                    errors["personIds"] = "Say who would take part";
                }

                if (errors.Count > 0)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var answer = await readiness.CheckAsync(http.User, id, request.PersonIds!, request.Kind!.Value, ct);
                return answer is null ? NotFound("case") : Results.Ok(answer);
            })
            .WithTags("Assessments").WithName("CheckProcessReadiness")
            .WithSummary("The assessment gate: whether everyone named has an approved, in-date assessment recommending this kind of process, and exactly what is missing if not")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ProcessReadiness.Answer>().ProducesValidationProblem().ProducesProblem(404);
    }

    /// <summary>A decision on an assessment, by the one API change sequence (<see cref="ApiChange"/>).</summary>
    private static Task<IResult> DecideAsync(Guid id, HttpContext http, AssessmentChecks checks, FieldEncryption encryption, CancellationToken ct,
        Func<int, Task<Outcome<DecideAssessment.Decided>>> decide) =>
        ApiChange.RunAsync(http, checks.Visible(http.User).AsNoTracking().Where(a => a.Id == id).Select(a => a.Version),
            decide, d => d.Assessment.Version, d => Results.Ok(AssessmentSheet.From(d.Assessment, encryption)), ct);

    private static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: $"There is no {what} with that id that you can see.");
}
