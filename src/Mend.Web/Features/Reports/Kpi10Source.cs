using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Reads the facts behind KPI 10 for a quarter from the report database (the replica when configured), for the cases the
/// user may see. How Mend's records answer each fact (Mend's reading, shown on the definitions page):
/// <list type="bullet">
/// <item>the child's intervention ends on the day the last of the case's orders ends, once none is open;</item>
/// <item>a victim's offence is one they are linked to on the case (else the case's offences), graded by its YJB gravity score;</item>
/// <item>consent: the victim's answers about being contacted (declining the service is a no);</item>
/// <item>view sought beforehand: views recorded on or before the decision of an order on the case;</item>
/// <item>engaged with RJ: a restorative process on the case with the victim taking part, held or completed;</item>
/// <item>progress asked for: choosing to be kept informed; provided: a progress update recorded; support asked for and
/// provided: the support-wanted and support-referral records.</item>
/// </list>
/// </summary>
public sealed class Kpi10Source(ReportDatabase reports, TimeProvider clock)
{
    public async Task<IReadOnlyList<Kpi10Facts>> ForAsync(ClaimsPrincipal user, ReportScope scope, ReportQuarter quarter, CancellationToken ct)
    {
        var db = reports.Db;
        var visible = scope.Cases(db, user, clock);
        var (start, end) = (quarter.Starts, quarter.Ends);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => visible.Any(c => c.Id == o.CaseId) && db.Orders.Any(e => e.CaseId == o.CaseId && e.EndedOn >= start && e.EndedOn <= end))
            .Select(o => new { o.CaseId, o.EndedOn, o.DecidedOn }).ToListAsync(ct);
        var ends = orders.GroupBy(o => o.CaseId)
            .Where(g => g.All(o => o.EndedOn != null))
            .Select(g => (CaseId: g.Key, Ended: g.Max(o => o.EndedOn!.Value), Decided: g.Max(o => o.DecidedOn)))
            .Where(x => quarter.Contains(x.Ended))
            .ToDictionary(x => x.CaseId);
        if (ends.Count == 0)
        {
            return [];
        }

        var caseIds = ends.Keys.ToList();
        var children = await db.CaseParticipants.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.Role == ParticipantRole.YoungPerson)
            .Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct);
        var types = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Name, t.GravityScore), ct);
        var offences = await db.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId)).ToListAsync(ct);
        var victims = await db.Victims.AsNoTracking().AsSplitQuery().Where(v => caseIds.Contains(v.CaseId)).ToListAsync(ct);
        var personIds = victims.Select(v => v.PersonId).Distinct().ToList();
        var kinds = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Kind.ToString(), ct);
        var processes = await db.RjProcesses.AsNoTracking().AsSplitQuery().Where(p => caseIds.Contains(p.CaseId)).ToListAsync(ct);

        var facts = new List<Kpi10Facts>();
        foreach (var victim in victims)
        {
            var (_, ended, decided) = ends[victim.CaseId];
            var child = children.Where(c => c.CaseId == victim.CaseId).Select(c => c.PersonId).FirstOrDefault();
            var linked = offences.Where(o => o.CaseId == victim.CaseId && o.Victims.Any(v => v.PersonId == victim.PersonId)).ToList();
            var answers = victim.Choices.Where(c => c.Kind == ChoiceKind.Contact).Select(c => new ConsentAnswer(c.On, c.Agreed)).ToList();
            if (victim.DeclinedOn is { } declined)
            {
                answers.Add(new ConsentAnswer(declined, false));
            }

            var rj = processes.Where(p => p.CaseId == victim.CaseId && p.Participants.Any(x => x.PersonId == victim.PersonId)
                                          && (p.Status is ProcessStatus.Completed or ProcessStatus.PartiallyCompleted || p.StartsAt is not null && p.Status != ProcessStatus.Withdrawn && p.Status != ProcessStatus.NotSuitable))
                .Select(p => (Started: London.DateOf(p.StartsAt ?? p.CreatedAt), Ended: p.ConcludedAt is { } done ? London.DateOf(done) : (DateOnly?)null))
                .OrderBy(p => p.Started).FirstOrDefault();
            DateOnly? First(RecordKind kind) => victim.Records.Where(r => r.Kind == kind).Select(r => (DateOnly?)r.On).Min();
            foreach (var offence in linked.Count > 0 ? linked : offences.Where(o => o.CaseId == victim.CaseId).ToList())
            {
                var (name, gravity) = types.GetValueOrDefault(offence.OffenceTypeId, ("Offence", 0));
                facts.Add(new Kpi10Facts(victim.PersonId, kinds.GetValueOrDefault(victim.PersonId, "Individual"), child, victim.CaseId, ended, name, gravity,
                    offence.CommittedOn, answers, victim.Views.Any(w => w.On <= decided),
                    rj == default ? null : rj.Started, rj == default ? null : rj.Ended,
                    victim.Choices.Where(c => c.Kind == ChoiceKind.KeptInformed && c.Agreed).Select(c => (DateOnly?)c.On).Min(), First(RecordKind.ProgressUpdate),
                    First(RecordKind.SupportWanted), First(RecordKind.SupportReferral)));
            }
        }

        return facts;
    }
}
