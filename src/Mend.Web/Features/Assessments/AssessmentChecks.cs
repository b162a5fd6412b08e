using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// What the assessment rules need from the rest of the case: which assessments a user may see,
/// whether one is still in date, and the facts the approval policy weighs.
/// </summary>
public sealed class AssessmentChecks(MendDb db, CaseAccess access, AssessmentSettings settings, QueryBatch batch)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public AssessmentSettings Settings => settings;

    public IQueryable<Assessment> Visible(ClaimsPrincipal user)
    {
        var cases = access.VisibleCases(user);
        return db.Assessments.Where(a => cases.Any(c => c.Id == a.CaseId));
    }

    /// <summary>
    /// Why a submitted or approved assessment no longer reflects the case: its review date has
    /// passed, or an offence or a warning (safeguarding concerns included) was recorded after it was
    /// submitted. Empty when it is in date; drafts are never out of date.
    /// </summary>
    public async Task<IReadOnlyList<string>> OutOfDateAsync(Assessment assessment, DateOnly today, CancellationToken ct)
    {
        var found = await OutOfDateAsync([assessment], today, ct);
        return found.TryGetValue(assessment.Id, out var reasons) ? reasons : [];
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> OutOfDateAsync(IReadOnlyCollection<Assessment> assessments, DateOnly today, CancellationToken ct)
    {
        var outOfDate = OutOfDate(batch, assessments, today);
        await batch.RunAsync(ct);
        return outOfDate();
    }

    /// <summary>
    /// As <see cref="OutOfDateAsync(IReadOnlyCollection{Assessment}, DateOnly, CancellationToken)"/>, with its two reads (the
    /// offences and the warnings recorded since) added to <paramref name="reads"/>: the answer, once that batch has run.
    /// </summary>
    public Func<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> OutOfDate(QueryBatch reads, IReadOnlyCollection<Assessment> assessments, DateOnly today)
    {
        var submitted = assessments.Where(a => a.SubmittedAt is not null && a.Status is AssessmentStatus.Submitted or AssessmentStatus.Approved).ToList();
        if (submitted.Count == 0)
        {
            return () => new Dictionary<Guid, IReadOnlyList<string>>();
        }

        var caseIds = submitted.Select(a => a.CaseId).Distinct().ToList();
        var earliest = submitted.Min(a => a.SubmittedAt!.Value);
        var offences = reads.Add(db.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId) && o.RecordedAt > earliest)
            .Join(db.OffenceTypes, o => o.OffenceTypeId, t => t.Id, (o, t) => new { o.CaseId, o.RecordedAt, t.Name }));
        // The warnings set since on anyone still on those cases, with the person's name, in one query.
        // Someone on a case in two roles is one person: each of their warnings is one reason.
        var flags = reads.Add(db.CaseParticipants.AsNoTracking().Where(cp => caseIds.Contains(cp.CaseId) && cp.EndedAt == null)
            .Select(cp => new { cp.CaseId, cp.PersonId }).Distinct()
            .Join(db.PersonFlags.Where(f => f.SetAt > earliest && f.RemovedAt == null), cp => cp.PersonId, f => f.PersonId, (cp, f) => new { cp.CaseId, f })
            .Join(db.People, x => x.f.PersonId, p => p.Id, (x, p) => new { x.CaseId, x.f.PersonId, x.f.Type, x.f.SetAt, p.Kind, p.GivenName, p.FamilyName, p.OrganisationName }));
        return () => Reasons(submitted, offences.Rows.Select(o => (o.CaseId, o.RecordedAt, o.Name)).ToList(),
            flags.Rows.Select(f => (f.CaseId, f.Type, f.SetAt, Name: PersonNames.Of(f.Kind, f.OrganisationName, f.GivenName, f.FamilyName))).ToList(), today);
    }

    private static Dictionary<Guid, IReadOnlyList<string>> Reasons(List<Assessment> submitted, List<(Guid CaseId, DateTime RecordedAt, string Name)> offences,
        List<(Guid CaseId, FlagType Type, DateTime SetAt, string Name)> flags, DateOnly today)
    {
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var a in submitted)
        {
            var reasons = new List<string>();
            if (a.ReviewOn is { } review && review < today)
            {
                reasons.Add($"its review date, {review.ToString("d MMMM yyyy", EnGb)}, has passed");
            }

            reasons.AddRange(offences.Where(o => o.CaseId == a.CaseId && o.RecordedAt > a.SubmittedAt)
                .Select(o => $"an offence ({o.Name}) was added to the case after it was submitted"));
            reasons.AddRange(flags.Where(f => f.CaseId == a.CaseId && f.SetAt > a.SubmittedAt)
                .Select(f => $"a warning ({FlagTypes.Describe(f.Type).ToLowerInvariant()}) was recorded for {f.Name} after it was submitted"));
            if (reasons.Count > 0)
            {
                result[a.Id] = reasons;
            }
        }

        return result;
    }

    /// <summary>Whether this assessment, as it stands, needs a manager's approval, and why.</summary>
    public async Task<ApprovalDecision> PolicyAsync(Assessment assessment, DateOnly today, CancellationToken ct)
    {
        var offences = await db.Offences.AsNoTracking().Where(o => o.CaseId == assessment.CaseId)
            .Join(db.OffenceTypes, o => o.OffenceTypeId, t => t.Id, (o, t) => new ApprovalFacts.OffenceFact(t.Name, t.GravityScore, t.IsSensitive))
            .ToListAsync(ct);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == assessment.PersonId, ct);
        var others = await LatestAsync(assessment.CaseId, ct);
        var assessedOthers = others.Where(o => o.PersonId != assessment.PersonId && o.OverallRisk is not null
            && o.Status is AssessmentStatus.Submitted or AssessmentStatus.Approved).ToList();
        var names = await PersonNames.OfAsync(db, assessedOthers.Select(o => o.PersonId), ct);
        var otherRisks = assessedOthers.Select(o => new ApprovalFacts.OtherParticipant(names.GetValueOrDefault(o.PersonId, ""), o.OverallRisk!.Value)).ToList();

        var safeguardingFlag = await db.PersonFlags.AnyAsync(f => f.PersonId == assessment.PersonId && f.Type == FlagType.SafeguardingConcern && f.RemovedAt == null, ct);
        var safeguardingRated = assessment.Factors.Any(f => f.Factor == RiskFactor.Safeguarding && f.Rating > FactorRating.None);
        var facts = new ApprovalFacts(offences, assessment.OverallRisk, otherRisks, person.AgeOn(today), safeguardingFlag || safeguardingRated, assessment.ProposedVenue);
        return ApprovalPolicy.Decide(facts, settings);
    }

    /// <summary>The newest version of each person's assessment on a case.</summary>
    public async Task<IReadOnlyList<Assessment>> LatestAsync(Guid caseId, CancellationToken ct)
    {
        var all = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);
        return all.GroupBy(a => a.PersonId).Select(g => g.MaxBy(a => a.Number)!).ToList();
    }
}
