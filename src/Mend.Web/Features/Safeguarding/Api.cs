using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Safeguarding;

/// <summary>Safeguarding referrals through the API: make one, read one (audited), chase, record the response, list those open.</summary>
public static class SafeguardingApi
{
    /// <summary>A referral, with its reason and response notes (reading it is audited).</summary>
    public sealed record ReferralResource(Guid Id, Guid PersonId, Guid? CaseId, DateOnly MadeOn, SafeguardingAgency Agency, string AgencyName, string Reason,
        string ReferredByName, DateOnly? FollowUpOn, int TimesChased, SafeguardingResponse? Response, DateOnly? RespondedOn, string? ResponseNotes, bool Open, int Version);

    public sealed record ChaseInput(DateOnly? FollowUpOn);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/safeguarding-referrals", async (SafeguardingReferrals.MakeInput input, HttpContext http, SafeguardingReferrals referrals, FieldEncryption encryption, CancellationToken ct) =>
                ApiChange.Answer(http, await referrals.MakeAsync(http.User, input, ct), r => r.Version,
                    r => Results.Created($"/api/v1/safeguarding-referrals/{r.Id}", Resource(r, encryption))))
            .WithTags("Safeguarding").WithName("MakeSafeguardingReferral")
            .WithSummary("Records a safeguarding referral about a person you can see: madeOn, agency, agencyName, reason (required, encrypted), followUpOn (within 28 days); raises a safeguarding-concern warning on the person")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ReferralResource>(201).ProducesValidationProblem();

        v1.MapGet("/safeguarding-referrals", async (bool? mine, HttpContext http, SafeguardingReferrals referrals, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var open = await referrals.OpenAsync(http.User, mine ?? false, ct);
                foreach (var r in open)
                {
                    audit.Viewed(nameof(SafeguardingReferral), r.Id.ToString(), [r.PersonId], SafeguardingReferrals.PurposeOfView);
                }

                await db.SaveChangesAsync(ct);
                return Results.Ok(open);
            })
            .WithTags("Safeguarding").WithName("OpenSafeguardingReferrals")
            .WithSummary("Open referrals you can see (mine=true: those you made or on your cases), follow-up soonest first; no reason or response text")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<SafeguardingReferrals.Listed>>();

        v1.MapGet("/safeguarding-referrals/{id:guid}", async (Guid id, HttpContext http, SafeguardingReferrals referrals, FieldEncryption encryption, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var referral = await referrals.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
                if (referral is null)
                {
                    return Results.Problem(statusCode: 404, title: "There is no safeguarding referral with that id that you can see.");
                }

                audit.Viewed(nameof(SafeguardingReferral), id.ToString(), [referral.PersonId], SafeguardingReferrals.PurposeOfView);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, referral.Version);
                return Results.Ok(Resource(referral, encryption));
            })
            .WithTags("Safeguarding").WithName("GetSafeguardingReferral").WithSummary("One referral, with an ETag; reading it is audited")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ReferralResource>().ProducesProblem(404);

        v1.MapPost("/safeguarding-referrals/{id:guid}/chase", (Guid id, ChaseInput input, HttpContext http, SafeguardingReferrals referrals, FieldEncryption encryption, CancellationToken ct) =>
                Change(http, referrals, id, encryption, version => referrals.ChaseAsync(http.User, id, version, input.FollowUpOn, ct), ct))
            .WithTags("Safeguarding").WithName("ChaseSafeguardingReferral").WithSummary("Chased, no answer yet: the next followUpOn (after today, within 28 days). Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ReferralResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapPost("/safeguarding-referrals/{id:guid}/response", (Guid id, SafeguardingReferrals.ResponseInput input, HttpContext http, SafeguardingReferrals referrals, FieldEncryption encryption, CancellationToken ct) =>
                Change(http, referrals, id, encryption, version => referrals.RespondAsync(http.User, id, version, input, ct), ct))
            .WithTags("Safeguarding").WithName("RecordSafeguardingResponse")
            .WithSummary("The agency's response: response, respondedOn, notes (encrypted), and followUpOn to keep it open (none closes it). Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<ReferralResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static Task<IResult> Change(HttpContext http, SafeguardingReferrals referrals, Guid id, FieldEncryption encryption,
        Func<int, Task<Outcome<SafeguardingReferral>>> change, CancellationToken ct) =>
        ApiChange.RunAsync(http, referrals.Visible(http.User).AsNoTracking().Where(r => r.Id == id).Select(r => r.Version), change, r => r.Version,
            r => Results.Ok(Resource(r, encryption)), ct);

    public static ReferralResource Resource(SafeguardingReferral r, FieldEncryption encryption) => new(r.Id, r.PersonId, r.CaseId, r.MadeOn, r.Agency, r.AgencyName,
        r.ReadReason(encryption), r.ReferredByName, r.FollowUpOn, r.TimesChased, r.Response, r.RespondedOn, r.ReadResponse(encryption), r.IsOpen, r.Version);
}
