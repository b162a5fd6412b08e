using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Information-sharing agreements, kept by data protection officers, and what they let Partner users see. A partner's
/// access is worked out on every request from the agreements in force that day, so an agreement that ends or is ended
/// cuts access at once. Restricted cases are shared only when an agreement names them.
/// </summary>
public sealed class SharingAgreements(MendDb db, AuditTrail audit, FieldEncryption encryption, TimeProvider clock)
{
    public static readonly string StaleMessage = Conflicts.Message("this agreement");

    /// <param name="CaseReferences">Case references, separated by commas, spaces or new lines.</param>
    /// <param name="PartnerAgencyId">The partner in the directory, when it is there: its name becomes the agreement's partner name.</param>
    public sealed record Input(string? PartnerName, string? Purpose, string? LawfulBasis, SharedData Data, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ReviewOn,
        IReadOnlyList<Guid> TeamIds, string? CaseReferences, int? PartnerAgencyId = null);

    public Task<List<SharingAgreement>> AllAsync(CancellationToken ct) =>
        db.Set<SharingAgreement>().AsNoTracking().OrderBy(a => a.EndedAt != null).ThenBy(a => a.PartnerName).Take(500).ToListAsync(ct);

    public Task<SharingAgreement?> OneAsync(Guid id, CancellationToken ct) => db.Set<SharingAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Outcome<SharingAgreement>> MakeAsync(ClaimsPrincipal user, Input input, CancellationToken ct)
    {
        var (terms, field, error) = await TermsAsync(input, ct);
        if (error is not null)
        {
            return Outcome<SharingAgreement>.Invalid(field!, error);
        }

        try
        {
            var agreement = SharingAgreement.Make(terms!, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.Add(agreement);
            await db.SaveChangesAsync(ct);
            return Outcome<SharingAgreement>.Done(agreement);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return Outcome<SharingAgreement>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    public async Task<Outcome<SharingAgreement>> ChangeAsync(ClaimsPrincipal user, Guid id, int version, Input input, CancellationToken ct)
    {
        var (terms, field, error) = await TermsAsync(input, ct);
        return error is not null
            ? Outcome<SharingAgreement>.Invalid(field!, error)
            : await RunAsync(id, version, a => a.Change(terms!, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime), ct);
    }

    public Task<Outcome<SharingAgreement>> EndAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        RunAsync(id, version, a => a.End(user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>Names a Partner user (by e-mail address) on the agreement. Field "email" for an unknown address or a user without the Partner role.</summary>
    public async Task<Outcome<SharingAgreement>> AddMemberAsync(Guid id, int version, string? email, CancellationToken ct)
    {
        var normalised = (email ?? "").Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        var partnerRole = await db.Roles.Where(r => r.Name == Roles.Partner).Select(r => r.Id).SingleOrDefaultAsync(ct);
        if (userId is null || !await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == partnerRole, ct))
        {
            return Outcome<SharingAgreement>.Invalid("email", "Enter the e-mail address of a user with the Partner agency role; an administrator invites them first");
        }

        return await RunAsync(id, version, a => a.AddMember(userId.Value), ct);
    }

    public Task<Outcome<SharingAgreement>> RemoveMemberAsync(Guid id, int version, Guid userId, CancellationToken ct) => RunAsync(id, version, a => a.RemoveMember(userId), ct);

    /// <summary>The agreements in force today that name this Partner user.</summary>
    public Task<List<SharingAgreement>> InForceForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var today = clock.LondonToday();
        return db.Set<SharingAgreement>().AsNoTracking()
            .Where(a => a.EndedAt == null && a.StartsOn <= today && a.EndsOn >= today && a.Members.Any(m => m.UserId == userId)).ToListAsync(ct);
    }

    /// <summary>The cases the agreements cover: their teams' unrestricted cases, and any case they name.</summary>
    public IQueryable<Case> CasesUnder(IReadOnlyList<SharingAgreement> agreements)
    {
        var teams = agreements.SelectMany(a => a.Scope).Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).Distinct().ToList();
        var named = agreements.SelectMany(a => a.Scope).Where(s => s.CaseId != null).Select(s => s.CaseId!.Value).Distinct().ToList();
        return db.Cases.AsNoTracking().Where(c => named.Contains(c.Id) || (!c.IsRestricted && teams.Contains(c.TeamId)));
    }

    public sealed record PartnerCase(Case Case, SharingAgreement Agreement, IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<(string Heading, string Text)> Notes);

    /// <summary>
    /// One case as the partner may see it under the agreement covering it that shares the most; null when no agreement in
    /// force covers it (refused). The look is audited against the agreement for each person shown, and logged as a
    /// disclosure to the partner.
    /// </summary>
    public async Task<PartnerCase?> ViewAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var agreements = await InForceForAsync(user, ct);
        var covering = new List<SharingAgreement>();
        foreach (var a in agreements)
        {
            if (await CasesUnder([a]).AnyAsync(c => c.Id == caseId, ct))
            {
                covering.Add(a);
            }
        }

        var agreement = covering.OrderByDescending(a => System.Numerics.BitOperations.PopCount((uint)a.Data)).FirstOrDefault();
        if (agreement is null || await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct) is not { } @case)
        {
            return null;
        }

        var data = agreement.Data;
        var facts = new List<(string, string)>
        {
            ("Reference", @case.Reference),
            ("Status", CaseWords.Describe(@case.Status)),
            ("Referral received", @case.ReferralReceivedOn.ToGovUkDate()),
            ("Closed", @case.ClosedAt is { } closed ? London.DateOf(closed).ToGovUkDate() : "Not closed"),
        };
        var people = await (from p in db.CaseParticipants.AsNoTracking()
                            where p.CaseId == caseId && p.EndedAt == null
                            join person in db.People.AsNoTracking().Include(x => x.Addresses) on p.PersonId equals person.Id
                            select new { p.Role, person }).ToListAsync(ct);

        // Someone whose processing is restricted is not shared: the partner sees that a restricted record is there, nothing more.
        // An officer's exception to a restriction is for its own purpose, not for partners: a partner never sees them.
        var now = clock.GetUtcNow().UtcDateTime;
        var restricted = people.Where(p => p.person.RestrictedSince is not null).ToList();
        people = people.Except(restricted).ToList();
        facts.AddRange(restricted.Select(p => (CaseWords.Describe(p.Role), "Restricted record: not shared")));
        if (data.HasFlag(SharedData.People))
        {
            facts.AddRange(people.Select(p => (CaseWords.Describe(p.Role), p.person.DisplayName + (p.person.DateOfBirth is { } born ? $", born {born.ToGovUkDate()}" : ""))));
        }

        if (data.HasFlag(SharedData.ContactDetails))
        {
            // An address a victim said must not be used for them is not shared either.
            var personIds = people.Select(p => p.person.Id).ToList();
            var unsafeAddresses = (await db.Victims.AsNoTracking().Where(v => personIds.Contains(v.PersonId)).SelectMany(v => v.UnsafeAddresses.Select(u => u.PersonAddressId)).ToListAsync(ct)).ToHashSet();
            facts.AddRange(people.Select(p => ($"Contact: {(data.HasFlag(SharedData.People) ? p.person.DisplayName : CaseWords.Describe(p.Role))}",
                string.Join("; ", new[] { p.person.Phone, p.person.Email }
                    .Concat(p.person.Addresses.Where(a => a.To == null && !unsafeAddresses.Contains(a.Id)).Select(a => $"{a.Line1}, {a.Postcode}")).Where(x => !string.IsNullOrWhiteSpace(x))))));
        }

        if (data.HasFlag(SharedData.Offences))
        {
            var offences = await (from o in db.Offences.AsNoTracking() where o.CaseId == caseId join t in db.OffenceTypes on o.OffenceTypeId equals t.Id select new { t.Name, o.CommittedOn }).ToListAsync(ct);
            facts.AddRange(offences.Select(o => ("Offence", $"{o.Name} on {o.CommittedOn.ToGovUkDate()}")));
        }

        if (data.HasFlag(SharedData.Risk))
        {
            facts.Add(("Risk level", CaseWords.Describe(@case.RiskLevel)));
        }

        // Notes are free text about everyone on the case: withheld whole when anyone on it is restricted.
        var notes = data.HasFlag(SharedData.Notes) && restricted.Count == 0
            ? (await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.OccurredAt).ToListAsync(ct)).Select(n => (n.OccurredAt.ToLondon(), n.ReadText(encryption))).ToList()
            : [];

        var shown = SharingAgreement.DescribeAll(data);
        audit.Record(AuditAction.View, nameof(Case), caseId.ToString(),
            purpose: $"Partner access under information-sharing agreement {agreement.Id} ({agreement.PartnerName})", recipient: agreement.PartnerName);
        foreach (var p in people.DistinctBy(p => p.person.Id))
        {
            audit.Record(AuditAction.View, nameof(Case), caseId.ToString(), subjectPersonId: p.person.Id,
                purpose: $"Partner access under information-sharing agreement {agreement.Id} ({agreement.PartnerName})", recipient: agreement.PartnerName);
            db.Disclosures.Add(Disclosure.Record(p.person.Id, caseId, DisclosureKind.PartnerAccess, shown, $"{agreement.PartnerName} ({user.DisplayNameOf()})",
                "Viewed in Mend", clock.LondonToday(), $"SharingAgreement:{agreement.Id}", user.DisplayNameOf(), now));
        }

        await db.SaveChangesAsync(ct);
        return new PartnerCase(@case, agreement, facts, notes);
    }

    private async Task<(SharingAgreement.Terms? Terms, string? Field, string? Error)> TermsAsync(Input input, CancellationToken ct)
    {
        var partnerName = input.PartnerName;
        if (input.PartnerAgencyId is { } agencyId)
        {
            partnerName = await db.PartnerAgencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (partnerName is null)
            {
                return (null, "partnerAgencyId", "Choose a partner from the directory, or leave it and type the name");
            }
        }

        var references = (input.CaseReferences ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim().ToUpperInvariant()).Distinct().ToList();
        if (references.Count > 200)
        {
            return (null, "caseReferences", "Name at most 200 cases; cover a team instead");
        }

        var found = await db.Cases.Where(c => references.Contains(c.Reference)).Select(c => new { c.Id, c.Reference }).ToListAsync(ct);
        var unknown = references.Except(found.Select(f => f.Reference)).ToList();
        if (unknown.Count > 0)
        {
            return (null, "caseReferences", $"No case has the reference {string.Join(", ", unknown.Take(5))}");
        }

        var teams = await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        return (new SharingAgreement.Terms(partnerName, input.Purpose, input.LawfulBasis, input.Data, input.StartsOn, input.EndsOn, input.ReviewOn,
            teams, found.Select(f => f.Id).ToList(), input.PartnerAgencyId), null, null);
    }

    private Task<Outcome<SharingAgreement>> RunAsync(Guid id, int version, Action<SharingAgreement> change, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.Set<SharingAgreement>().Where(a => a.Id == id), version, (SharingAgreement a, Dictionary<string, string> errors) => change(a), StaleMessage, ct);
}
