using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

public static class CasesApi
{
    public sealed record CaseResource(
        Guid Id, string Reference, CaseStatus Status, Jurisdiction Jurisdiction, ReferralSource ReferralSource, DateOnly ReferralReceivedOn,
        string ReferrerName, string? ReferrerOrganisation, string? AllocatedTo, RiskLevel RiskLevel, DateOnly? RiskReviewOn, bool IsRestricted,
        IReadOnlyList<ParticipantResource> Participants, IReadOnlyList<OffenceResource> Offences, int Version);

    public sealed record ParticipantResource(Guid PersonId, string Name, ParticipantRole Role);

    public sealed record OffenceResource(string Type, int GravityScore, DateOnly CommittedOn, string? Location, IReadOnlyList<string> Victims);

    public sealed record CaseSummary(Guid Id, string Reference, CaseStatus Status, RiskLevel RiskLevel, string? AllocatedTo, DateOnly ReferralReceivedOn);

    public sealed record DecisionRequest(string? Decision, string? Reason);

    public sealed record RiskRequest(RiskLevel? RiskLevel, DateOnly? ReviewOn);

    public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/cases/{id:guid}", async (Guid id, HttpContext http, MendDb db, CaseAccess access, FieldEncryption encryption, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            {
                var file = await CaseFile.LoadAsync(access.ViewerOf(http.User), db, encryption, id, clock.LondonToday(), ct, summaryOnly: true);
                if (file is null)
                {
                    return Results.Problem(statusCode: 404, title: "There is no case with that id that you can see.");
                }

                audit.Viewed(nameof(Case), id.ToString(), file.Participants.Select(p => p.PersonId), CaseFile.Purpose);

                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, file.Case.Version);
                var c = file.Case;
                return Results.Ok(new CaseResource(c.Id, c.Reference, c.Status, c.Jurisdiction, c.ReferralSource, c.ReferralReceivedOn, c.ReferrerName,
                    c.ReferrerOrganisation, c.AllocatedWorkerName, c.RiskLevel, c.RiskReviewOn, c.IsRestricted,
                    file.Participants.Select(p => new ParticipantResource(p.PersonId, p.Name, p.Role)).ToList(),
                    file.Offences.Select(o => new OffenceResource(o.Type, o.GravityScore, o.CommittedOn, o.Location, o.Victims)).ToList(), c.Version));
            })
            .WithTags("Cases").WithName("GetCase").WithSummary("A case with its people and offences, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<CaseResource>().ProducesProblem(404);

        v1.MapPost("/cases/{id:guid}/decision", async (Guid id, DecisionRequest request, HttpContext http, MendDb db, CaseAccess access, TimeProvider clock, CancellationToken ct) =>
                await ChangeAsync(id, http, db, access, ct, @case =>
                {
                    var errors = CaseRules.CheckDecision(@case, request.Decision, request.Reason);
                    if (errors.Count == 0)
                    {
                        CaseRules.ApplyDecision(@case, request.Decision!, request.Reason, http.User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
                    }

                    return errors.ToDictionary(e => e.Key == "DecisionReason" ? nameof(DecisionRequest.Reason) : e.Key, e => e.Value);
                }))
            .WithTags("Cases").WithName("DecideReferral").WithSummary("Accepts or declines a referral (decision: accept or decline; a reason is needed to decline); needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapPut("/cases/{id:guid}/risk", async (Guid id, RiskRequest request, HttpContext http, MendDb db, CaseAccess access, TimeProvider clock, CancellationToken ct) =>
                await ChangeAsync(id, http, db, access, ct, @case =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var errors = CaseRules.CheckRisk(request.RiskLevel, request.ReviewOn, London.DateOf(now));
                    if (errors.Count == 0)
                    {
                        @case.SetRisk(request.RiskLevel!.Value, request.ReviewOn, now);
                    }

                    return errors.ToDictionary(e => e.Key == "Risk" ? nameof(RiskRequest.RiskLevel) : nameof(RiskRequest.ReviewOn), e => e.Value);
                }))
            .WithTags("Cases").WithName("SetCaseRisk").WithSummary("Sets the case's risk level and review date; needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapGet("/cases", (HttpContext http, CaseAccess access, int? page, CancellationToken ct) =>
                ListAsync(access.VisibleCases(http.User), page, ct))
            .WithTags("Cases").WithName("ListCases").WithSummary("Cases you can see, 50 a page, newest referral first")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<CasePage>();

        v1.MapGet("/referrals", (HttpContext http, CaseAccess access, int? page, CancellationToken ct) =>
                ListAsync(access.VisibleCases(http.User).Where(c => c.Status == CaseStatus.Referred), page, ct))
            .WithTags("Cases").WithName("ListReferrals").WithSummary("Referrals waiting for a decision, 50 a page")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<CasePage>();

        v1.MapPost("/referrals", async (ReferCase.Request request, HttpContext http, ReferCase refer, CancellationToken ct) =>
            {
                return ApiChange.Answer(http, await refer.HandleAsync(request, http.User, ct), c => c.Version,
                    c => Results.Created($"/api/v1/cases/{c.Id}", new { c.Id, c.Reference, c.Status }));
            })
            .WithTags("Cases").WithName("CreateReferral").WithSummary("Records a referral for a young person already on Mend; it opens a case waiting for a decision")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem();
    }

    /// <summary>A change to a case the caller can see, by the one API change sequence (<see cref="ApiChange"/>).</summary>
    private static Task<IResult> ChangeAsync(Guid id, HttpContext http, MendDb db, CaseAccess access, CancellationToken ct, Func<Case, Dictionary<string, string>> change) =>
        ApiChange.RunAsync(http, db, access.VisibleCases(http.User).Where(c => c.Id == id), change,
            c => Results.Ok(new { c.Id, c.Reference, c.Status, c.RiskLevel, c.RiskReviewOn, c.Version }), ct);

    private static async Task<IResult> ListAsync(IQueryable<Case> cases, int? page, CancellationToken ct)
    {
        const int size = 50;
        var pageNumber = Math.Max(1, page ?? 1);
        var total = await cases.CountAsync(ct);
        var items = await cases.AsNoTracking().OrderByDescending(c => c.ReferralReceivedOn).ThenBy(c => c.Reference)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(c => new CaseSummary(c.Id, c.Reference, c.Status, c.RiskLevel, c.AllocatedWorkerName, c.ReferralReceivedOn))
            .ToListAsync(ct);
        return Results.Ok(new CasePage(items, total, pageNumber, size));
    }
}
