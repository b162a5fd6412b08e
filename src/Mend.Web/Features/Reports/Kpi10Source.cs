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
    private static readonly ProcessStatus[] Concluded = [ProcessStatus.Completed, ProcessStatus.PartiallyCompleted];
    private static readonly ProcessStatus[] Stopped = [ProcessStatus.Withdrawn, ProcessStatus.NotSuitable];

    /// <summary>
    /// The facts, one per victim and offence. Only the columns the rules need are read, each kind of row in one query over the
    /// cases whose intervention ended in the quarter, and joined in memory by key, so the time grows with those cases alone.
    /// </summary>
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
        var children = (await db.CaseParticipants.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.Role == ParticipantRole.YoungPerson)
                .Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct))
            .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => g.First().PersonId);
        var types = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Name, t.GravityScore), ct);
        var offences = await db.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId))
            .Select(o => new { o.Id, o.CaseId, o.OffenceTypeId, o.CommittedOn }).ToListAsync(ct);
        var offenceVictims = (await db.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId))
                .SelectMany(o => o.Victims).Select(v => new { v.OffenceId, v.PersonId }).ToListAsync(ct))
            .ToLookup(v => v.PersonId, v => v.OffenceId);
        var offencesByCase = offences.ToLookup(o => o.CaseId);
        var victims = await db.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId))
            .Select(v => new
            {
                v.Id,
                v.CaseId,
                v.PersonId,
                v.DeclinedOn,
                FirstViewsOn = v.Views.Min(w => (DateOnly?)w.On),
                ProgressRequestedOn = v.Choices.Where(c => c.Kind == ChoiceKind.KeptInformed && c.Agreed).Min(c => (DateOnly?)c.On),
                ProgressProvidedOn = v.Records.Where(r => r.Kind == RecordKind.ProgressUpdate).Min(r => (DateOnly?)r.On),
                SupportRequestedOn = v.Records.Where(r => r.Kind == RecordKind.SupportWanted).Min(r => (DateOnly?)r.On),
                SupportProvidedOn = v.Records.Where(r => r.Kind == RecordKind.SupportReferral).Min(r => (DateOnly?)r.On),
            }).ToListAsync(ct);
        var answers = (await db.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId))
                .SelectMany(v => v.Choices).Where(c => c.Kind == ChoiceKind.Contact).Select(c => new { c.VictimId, c.Id, c.On, c.Agreed })
                .ToListAsync(ct))
            .OrderBy(a => a.Id).ToLookup(a => a.VictimId, a => new ConsentAnswer(a.On, a.Agreed));
        var personIds = victims.Select(v => v.PersonId).Distinct().ToList();
        var kinds = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Kind })
            .ToDictionaryAsync(p => p.Id, p => p.Kind.ToString(), ct);
        var taking = (await db.RjProcesses.AsNoTracking().Where(p => caseIds.Contains(p.CaseId)
                    && (Concluded.Contains(p.Status) || p.StartsAt != null && !Stopped.Contains(p.Status)))
                .Select(p => new { p.CaseId, p.StartsAt, p.CreatedAt, p.ConcludedAt, People = p.Participants.Select(x => x.PersonId).ToList() })
                .ToListAsync(ct))
            .SelectMany(p => p.People.Select(person => new { p.CaseId, PersonId = person, p.StartsAt, p.CreatedAt, p.ConcludedAt }))
            .ToLookup(p => (p.CaseId, p.PersonId), p => (Started: London.DateOf(p.StartsAt ?? p.CreatedAt), Ended: p.ConcludedAt is { } done ? London.DateOf(done) : (DateOnly?)null));

        var facts = new List<Kpi10Facts>();
        foreach (var victim in victims)
        {
            var (_, ended, decided) = ends[victim.CaseId];
            var child = children.GetValueOrDefault(victim.CaseId);
            var contact = answers[victim.Id].ToList();
            if (victim.DeclinedOn is { } declined)
            {
                contact.Add(new ConsentAnswer(declined, false));
            }

            var rj = taking[(victim.CaseId, victim.PersonId)].OrderBy(p => p.Started).FirstOrDefault();
            var onCase = offencesByCase[victim.CaseId].ToList();
            var theirs = offenceVictims[victim.PersonId].ToHashSet();
            var linked = onCase.Where(o => theirs.Contains(o.Id)).ToList();
            foreach (var offence in linked.Count > 0 ? linked : onCase)
            {
                var (name, gravity) = types.GetValueOrDefault(offence.OffenceTypeId, ("Offence", 0));
                facts.Add(new Kpi10Facts(victim.PersonId, kinds.GetValueOrDefault(victim.PersonId, "Individual"), child, victim.CaseId, ended, name, gravity,
                    offence.CommittedOn, contact, victim.FirstViewsOn <= decided, rj == default ? null : rj.Started, rj == default ? null : rj.Ended,
                    victim.ProgressRequestedOn, victim.ProgressProvidedOn, victim.SupportRequestedOn, victim.SupportProvidedOn));
            }
        }

        return facts;
    }
}
