using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Victims;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Reads the disproportionality cohorts for a period from the report database, over the cases in the <see cref="ReportScope"/>.
/// How each stage is read (shown on the report page): offered restorative justice is, for the person who caused harm, being
/// named in a restorative process on the case, and for a victim, restorative justice explained (the RJ information record);
/// took part is taking part in a process whose meeting (or shuttle or letter work) was recorded; a young victim whose parent
/// receives the service is described by their own record; a person referred twice in the period is counted once; warned is a warning on an order on the case; breached is a decision
/// to return the person to court or the Parish Hall.
/// </summary>
public sealed class DisproportionalitySource(ReportDatabase reports, TimeProvider clock)
{
    public async Task<DisproportionalityReport> ForAsync(ClaimsPrincipal user, ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var db = reports.Db;
        var (from, to) = (period.From, period.To);
        var cases = scope.Cases(db, user, clock);
        var referred = cases.Where(c => c.ReferralReceivedOn >= from && c.ReferralReceivedOn <= to);
        var harmers = await db.CaseParticipants.AsNoTracking().Where(p => p.Role == ParticipantRole.YoungPerson && p.EndedAt == null && referred.Any(c => c.Id == p.CaseId))
            .Join(db.People, p => p.PersonId, person => person.Id, (p, person) => new
            {
                p.CaseId,
                p.PersonId,
                person.Ethnicity,
                person.Gender,
                person.DateOfBirth,
                person.StatedAge,
                person.StatedAgeOn,
                ReferredOn = referred.Where(c => c.Id == p.CaseId).Select(c => c.ReferralReceivedOn).First(),
                Offered = db.RjProcesses.Any(r => r.CaseId == p.CaseId && r.Participants.Any(x => x.PersonId == p.PersonId)),
                TookPart = db.RjProcesses.Any(r => r.CaseId == p.CaseId && r.Participants.Any(x => x.PersonId == p.PersonId) && r.RecordedAt != null),
                Warned = db.Orders.Any(o => o.CaseId == p.CaseId && o.Warnings.Any()),
                Breached = db.Orders.Any(o => o.CaseId == p.CaseId && o.Breaches.Any(b => b.Proceed)),
            }).ToListAsync(ct);
        var victims = await db.Victims.AsNoTracking().Where(v => v.DetailsReceivedOn >= from && v.DetailsReceivedOn <= to && cases.Any(c => c.Id == v.CaseId))
            .Join(db.People, v => v.OnBehalfOfPersonId ?? v.PersonId, person => person.Id, (v, person) => new
            {
                v.CaseId,
                person.Ethnicity,
                person.Gender,
                v.AgeBand,
                Offered = v.Records.Any(r => r.Kind == RecordKind.RjInformation),
                TookPart = db.RjProcesses.Any(r => r.CaseId == v.CaseId && r.Participants.Any(x => x.PersonId == v.PersonId) && r.RecordedAt != null),
            }).ToListAsync(ct);

        static HashSet<string> Reached(params (string Stage, bool Yes)[] stages) => stages.Where(s => s.Yes).Select(s => s.Stage).ToHashSet();
        // A person referred twice in the period is one person, with every stage either referral reached.
        var harmerCohort = harmers.GroupBy(h => h.PersonId).Select(g => g.OrderBy(h => h.ReferredOn).First() with
        {
            Offered = g.Any(h => h.Offered),
            TookPart = g.Any(h => h.TookPart),
            Warned = g.Any(h => h.Warned),
            Breached = g.Any(h => h.Breached),
        }).Select(h => new CohortMember(h.CaseId, h.Ethnicity, h.Gender,
            Disproportionality.HarmerAgeBand(AgeAt(h.DateOfBirth, h.StatedAge, h.StatedAgeOn, h.ReferredOn)),
            Reached((Disproportionality.OfferedRj, h.Offered), (Disproportionality.TookPart, h.TookPart), (Disproportionality.Warned, h.Warned),
                (Disproportionality.Breached, h.Breached)))).ToList();
        var victimCohort = victims.Select(v => new CohortMember(v.CaseId, v.Ethnicity, v.Gender, v.AgeBand ?? "Not known",
            Reached((Disproportionality.OfferedRj, v.Offered), (Disproportionality.TookPart, v.TookPart)))).ToList();
        return new DisproportionalityReport(period, scope.Jurisdiction,
            Disproportionality.For("harmers", [Disproportionality.Referred, Disproportionality.OfferedRj, Disproportionality.TookPart, Disproportionality.Warned,
                Disproportionality.Breached], harmerCohort, Disproportionality.HarmerAgeBands),
            Disproportionality.For("victims", [Disproportionality.Referred, Disproportionality.OfferedRj, Disproportionality.TookPart], victimCohort,
                Disproportionality.VictimAgeBands));
    }

    /// <summary>Age on a day from a date of birth, or from a stated age the youngest they can have been (as <see cref="People.Person.AgeOn"/>).</summary>
    private static int? AgeAt(DateOnly? born, int? stated, DateOnly? statedOn, DateOnly day) =>
        born is { } b ? People.AgeRange.AgeOf(b, day)
        : stated is { } age && statedOn is { } on ? Math.Max(0, People.AgeRange.AgeOf(on.AddYears(-age), day))
        : null;
}
