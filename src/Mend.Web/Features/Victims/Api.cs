using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

public static class VictimsApi
{
    public sealed record ChoiceResource(ChoiceKind Kind, bool Agreed, DateOnly On, string? Note, string RecordedBy);

    public sealed record ContactResource(DateTime At, ContactDirection Direction, ContactMethod Method, string? Via, ContactOutcome Outcome, string? NextStep, string By);

    public sealed record RecordResource(RecordKind Kind, DateOnly On, string? Detail, string? To, RjResponse? Response, ContactMethod? Method, string? LateReason, string By);

    public sealed record ViewsResource(long Id, DecisionMaker DecisionMaker, string Views, bool WantsToAttend, string? RepresentedBy, DateOnly On, IReadOnlyList<ShareResource> SharedWith);

    public sealed record ShareResource(string SharedWith, DateOnly On, string By);

    public sealed record SurveyResource(Guid Id, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? CompletedAt, bool CompletedByVictim, int? Satisfaction, bool? FeltListenedTo, bool? WouldRecommend, string? Comments);

    public sealed record VictimResource(
        Guid CaseId, Guid PersonId, string Name, Guid? OnBehalfOfPersonId, DetailsSource DetailsSource, DateOnly DetailsReceivedOn, IReadOnlyList<EnhancedReasons> Enhanced,
        ContactMethod? PreferredMethod, string? SafeTimes, IReadOnlyList<ContactMethod> BlockedMethods, IReadOnlyList<long> UnsafeAddressIds,
        bool? InviteAppropriate, string? InviteReasons, DateOnly? InviteDecidedOn, DateOnly? DeclinedOn, bool Minimised,
        IReadOnlyDictionary<ChoiceKind, bool?> CurrentChoices, IReadOnlyList<ChoiceResource> Choices, IReadOnlyList<ContactResource> Contacts,
        IReadOnlyList<RecordResource> Records, IReadOnlyList<ViewsResource> Views, IReadOnlyList<SurveyResource> Surveys,
        IReadOnlyList<EntitlementStatus> Entitlements, int Version, Guid Id);

    public sealed record DeclineRequest(DateOnly? On);

    public sealed record OverdueItem(Guid CaseId, string CaseReference, Guid PersonId, string Name, string? AllocatedTo, Entitlement Entitlement, DateOnly DueOn);

    public static void Map(RouteGroupBuilder v1)
    {
        var victim = v1.MapGroup("/cases/{caseId:guid}/victims/{personId:guid}").WithTags("Victims");
        victim.MapGet("", async (Guid caseId, Guid personId, HttpContext http, VictimWork work, FieldEncryption encryption, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var loaded = await work.LoadAsync(http.User, caseId, personId, tracked: false, ct);
                if (loaded?.Victim is null)
                {
                    return NotFound();
                }

                audit.Record(AuditAction.View, nameof(Victim), caseId.ToString(), subjectPersonId: personId, purpose: Victim.ViewPurpose);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, loaded.Victim.Version);
                return Results.Ok(Resource(loaded, work.EntitlementsOf(loaded), encryption));
            })
            .WithName("GetVictim").WithSummary("A victim's record on a case: choices, contacts, records, views, surveys and each Victims' Code entitlement, with an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<VictimResource>().ProducesProblem(404);

        victim.MapPost("", async (Guid caseId, Guid personId, VictimWork.StartInput input, HttpContext http, VictimWork work, FieldEncryption encryption, CancellationToken ct) =>
                ApiChange.Answer(http, await work.StartAsync(http.User, caseId, personId, input, ct), v => v.Version,
                    v => Results.Created($"/api/v1/cases/{caseId}/victims/{personId}", new { v.Id, v.CaseId, v.PersonId, v.Version })))
            .WithName("StartVictim").WithSummary("Starts the victim's record: how their details reached the service and when (the Code's deadlines count from then)")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem().ProducesProblem(404);

        MapChange<VictimWork.DetailsInput>(victim, "PUT", "/details", "ChangeVictimDetails", "Changes how the details arrived, enhanced rights and contact preferences",
            (w, u, c, p, v, i, ct) => w.ChangeDetailsAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.ChoiceInput>(victim, "POST", "/choices", "RecordVictimChoice", "Records a dated choice; agreed false withdraws it everywhere at once",
            (w, u, c, p, v, i, ct) => w.ChoiceAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.ContactInput>(victim, "POST", "/contacts", "RecordVictimContact", "Records a contact or attempt; an outgoing one is refused when the victim must not be contacted that way",
            (w, u, c, p, v, i, ct) => w.ContactAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.DecisionInput>(victim, "PUT", "/decision", "DecideVictimInvitation", "Records whether it is appropriate to invite the victim into a restorative process, with reasons",
            (w, u, c, p, v, i, ct) => w.DecideAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.RecordInput>(victim, "POST", "/records", "RecordForVictim", "Records RJ explained and offered, support wanted or referred, compensation information, a progress update or the conclusion; late ones need a reason",
            (w, u, c, p, v, i, ct) => w.RecordAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.ViewsInput>(victim, "POST", "/views", "RecordVictimViews", "Records the victim's views for a panel, out-of-court decision, court or Parish Hall Enquiry",
            (w, u, c, p, v, i, ct) => w.ViewsAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.ShareInput>(victim, "POST", "/shares", "ShareVictimViews", "Records that the victim's views were shared (a disclosure); refused without their agreement",
            (w, u, c, p, v, i, ct) => w.ShareAsync(u, c, p, v, i, ct));
        MapChange<VictimWork.SurveyInput>(victim, "POST", "/surveys", "RecordVictimSurvey", "Records the victim's satisfaction survey answers",
            (w, u, c, p, v, i, ct) => w.SurveyAsync(u, c, p, v, i, ct));
        MapChange<DeclineRequest>(victim, "POST", "/decline", "VictimDeclinesService", "Records that the victim declined the service: every choice is withdrawn and the record is reduced later",
            (w, u, c, p, v, i, ct) => w.DeclineAsync(u, c, p, v, i.On, ct));

        victim.MapPost("/survey-links", (Guid caseId, Guid personId, HttpContext http, VictimWork work, MendDb db, CaseAccess access, CancellationToken ct) =>
                ApiChange.RunAsync(http, VisibleVersion(db, access, http, caseId, personId),
                    version => work.SurveyLinkAsync(http.User, caseId, personId, version, ct), made => made.Victim.Version,
                    made => Results.Created(made.Link, new { link = $"{http.Request.Scheme}://{http.Request.Host}{made.Link}", made.Victim.Version }), ct))
            .WithName("MakeVictimSurveyLink").WithSummary("Makes a single-use, expiring survey link for the victim; the link is returned once. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        v1.MapGet("/victims/overdue", async (HttpContext http, CaseAccess access, VictimDeadlines deadlines, CancellationToken ct) =>
            {
                var rows = await deadlines.ForCasesAsync(access.VisibleCases(http.User), ct);
                return Results.Ok(rows.SelectMany(r => r.Entitlements.Where(e => e.State == EntitlementState.Overdue)
                    .Select(e => new OverdueItem(r.CaseId, r.CaseReference, r.PersonId, r.PersonName, r.AllocatedTo, e.Entitlement, e.DueOn))).OrderBy(i => i.DueOn).ToList());
            })
            .WithTags("Victims").WithName("OverdueVictimEntitlements").WithSummary("Victims' Code entitlements that are overdue on cases you can see (managers)")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<OverdueItem>>();

        v1.MapGet("/victims/compliance", async (DateOnly? from, DateOnly? to, HttpContext http, CaseAccess access, VictimDeadlines deadlines, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                if (ComplianceReport.PeriodErrors(from, to) is { Count: > 0 } errors)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var report = ComplianceReport.Build(await deadlines.ForCasesAsync(access.VisibleCases(http.User), ct), from!.Value, to!.Value) with
                {
                    Satisfaction = await VictimSatisfaction.ForAsync(db, access.VisibleCases(http.User), from.Value, to.Value, ct),
                };
                audit.Record(AuditAction.View, "VictimsCodeCompliance", null, purpose: ComplianceReport.Purpose(from, to));
                await db.SaveChangesAsync(ct);
                return Results.Ok(report);
            })
            .WithTags("Victims").WithName("VictimsCodeCompliance").WithSummary("Victims' Code compliance over a period: per entitlement due, met on time, met late with reasons, not met; and victim satisfaction (managers)")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ComplianceReport>().ProducesValidationProblem();
    }

    private delegate Task<Outcome<Victim>> Change<in T>(VictimWork work, ClaimsPrincipal user, Guid caseId, Guid personId, int version, T input, CancellationToken ct);

    private static void MapChange<T>(RouteGroupBuilder group, string method, string path, string name, string summary, Change<T> change) =>
        group.MapMethods(path, [method], (Guid caseId, Guid personId, T input, HttpContext http, VictimWork work, MendDb db, CaseAccess access, CancellationToken ct) =>
                ApiChange.RunAsync(http, VisibleVersion(db, access, http, caseId, personId),
                    version => change(work, http.User, caseId, personId, version, input, ct), v => v.Version,
                    v => Results.Ok(new { v.CaseId, v.PersonId, v.Version }), ct))
            .WithName(name).WithSummary(summary + ". Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

    /// <summary>The version of the victim's record on a case the user can see (none when they cannot).</summary>
    private static IQueryable<int> VisibleVersion(MendDb db, CaseAccess access, HttpContext http, Guid caseId, Guid personId)
    {
        var cases = access.VisibleCases(http.User);
        return db.Victims.AsNoTracking().Where(v => v.CaseId == caseId && v.PersonId == personId && cases.Any(c => c.Id == caseId)).Select(v => v.Version);
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "There is no victim's record on that case that you can see.");

    private static VictimResource Resource(VictimWork.Loaded loaded, IReadOnlyList<EntitlementStatus> entitlements, FieldEncryption encryption)
    {
        var v = loaded.Victim!;
        string? Read(string? c) => c is null ? null : encryption.Decrypt(c);
        return new VictimResource(v.CaseId, v.PersonId, loaded.Person.DisplayName, v.OnBehalfOfPersonId, v.DetailsSource, v.DetailsReceivedOn,
            Enum.GetValues<EnhancedReasons>().Where(r => r != EnhancedReasons.None && v.Enhanced.HasFlag(r)).ToList(),
            v.PreferredMethod, v.SafeTimes, Enum.GetValues<ContactMethod>().Where(m => v.BlockedMethods.HasFlag(Words.AsFlag(m))).ToList(),
            v.UnsafeAddresses.Select(u => u.PersonAddressId).ToList(), v.InviteAppropriate, Read(v.InviteReasonsCiphertext), v.InviteDecidedOn, v.DeclinedOn, v.MinimisedAt is not null,
            Enum.GetValues<ChoiceKind>().ToDictionary(k => k, k => v.HasDeclined ? false : v.Current(k)?.Agreed),
            v.Choices.OrderBy(c => c.On).ThenBy(c => c.RecordedAt).Select(c => new ChoiceResource(c.Kind, c.Agreed, c.On, c.Note, c.RecordedByName)).ToList(),
            v.Contacts.OrderBy(c => c.At).Select(c => new ContactResource(c.At, c.Direction, c.Method, c.Via, c.Outcome, c.NextStep, c.ByName)).ToList(),
            v.Records.OrderBy(r => r.On).ThenBy(r => r.RecordedAt).Select(r => new RecordResource(r.Kind, r.On, Read(r.DetailCiphertext), r.To, r.Response, r.Method, r.LateReason, r.ByName)).ToList(),
            v.Views.OrderBy(w => w.On).Select(w => new ViewsResource(w.Id, w.DecisionMaker, encryption.Decrypt(w.ViewsCiphertext), w.WantsToAttend, w.RepresentedBy, w.On,
                w.Shares.Select(s => new ShareResource(s.SharedWith, s.On, s.ByName)).ToList())).ToList(),
            v.Surveys.OrderBy(s => s.CreatedAt).Select(s => new SurveyResource(s.Id, s.CreatedAt, s.ExpiresAt, s.CompletedAt, s.CompletedByVictim, s.Satisfaction, s.FeltListenedTo,
                s.WouldRecommend, Read(s.CommentsCiphertext))).ToList(),
            entitlements, v.Version, v.Id);
    }
}
