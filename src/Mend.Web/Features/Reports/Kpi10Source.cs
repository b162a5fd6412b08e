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
/// <item>engaged with RJ: a restorative process on the case with the victim taking part whose meeting (or shuttle or
/// letter work) was recorded as having happened;</item>
/// <item>progress asked for: choosing to be kept informed; provided: a progress update recorded; support asked for and
/// provided: the support-wanted and support-referral records.</item>
/// </list>
/// </summary>
public sealed class Kpi10Source(ReportDatabase reports, TimeProvider clock)
{
    /// <summary>
    /// The facts, one per victim and offence. Only the columns the rules need are read, in five queries (orders, offence types, offences,
    /// victims with their answers, processes) over the cases whose intervention ended in the quarter, joined in memory by key.
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
        var types = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Name, t.GravityScore), ct);
        var offencesByCase = (await db.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId))
                .Select(o => new { o.Id, o.CaseId, o.OffenceTypeId, o.CommittedOn, Victims = o.Victims.Select(v => v.PersonId).ToList() }).ToListAsync(ct))
            .ToLookup(o => o.CaseId, o => new OffenceRow(o.OffenceTypeId, o.CommittedOn, o.Victims));
        var victims = await db.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId))
            .Select(v => new
            {
                v.Id,
                v.CaseId,
                v.PersonId,
                v.DeclinedOn,
                Child = db.CaseParticipants.Where(p => p.CaseId == v.CaseId && p.Role == ParticipantRole.YoungPerson && p.EndedAt == null).OrderBy(p => p.Id)
                    .Select(p => (Guid?)p.PersonId).FirstOrDefault(),
                Kind = db.People.Where(p => p.Id == v.PersonId).Select(p => (People.PersonKind?)p.Kind).FirstOrDefault(),
                FirstViewsOn = v.Views.Min(w => (DateOnly?)w.On),
                ProgressRequestedOn = v.Choices.Where(c => c.Kind == ChoiceKind.KeptInformed && c.Agreed).Min(c => (DateOnly?)c.On),
                ProgressProvidedOn = v.Records.Where(r => r.Kind == RecordKind.ProgressUpdate).Min(r => (DateOnly?)r.On),
                SupportRequestedOn = v.Records.Where(r => r.Kind == RecordKind.SupportWanted).Min(r => (DateOnly?)r.On),
                SupportProvidedOn = v.Records.Where(r => r.Kind == RecordKind.SupportReferral).Min(r => (DateOnly?)r.On),
                Answers = v.Choices.Where(c => c.Kind == ChoiceKind.Contact).OrderBy(c => c.Id).Select(c => new { c.On, c.Agreed }).ToList(),
            }).ToListAsync(ct);
        var taking = (await db.RjProcesses.AsNoTracking().Where(p => caseIds.Contains(p.CaseId)
                    && p.RecordedAt != null)
                .Select(p => new { p.CaseId, p.StartsAt, RecordedAt = p.RecordedAt!.Value, p.ConcludedAt, People = p.Participants.Select(x => x.PersonId).ToList() })
                .ToListAsync(ct))
            .SelectMany(p => p.People.Select(person => new { p.CaseId, PersonId = person, p.StartsAt, p.RecordedAt, p.ConcludedAt }))
            .ToLookup(p => (p.CaseId, p.PersonId), p => (Started: London.DateOf(p.StartsAt ?? p.RecordedAt), Ended: p.ConcludedAt is { } done ? London.DateOf(done) : (DateOnly?)null));

        var facts = new List<Kpi10Facts>();
        foreach (var victim in victims)
        {
            var (_, ended, decided) = ends[victim.CaseId];
            var contact = victim.Answers.Select(a => new ConsentAnswer(a.On, a.Agreed)).ToList();
            if (victim.DeclinedOn is { } declined)
            {
                contact.Add(new ConsentAnswer(declined, false));
            }

            var rj = taking[(victim.CaseId, victim.PersonId)].OrderBy(p => p.Started).FirstOrDefault();
            var onCase = offencesByCase[victim.CaseId].ToList();
            var linked = onCase.Where(o => o.Victims.Contains(victim.PersonId)).ToList();
            // A victim on a case with no offence recorded is still counted, against "Offence not recorded".
            var counted = linked.Count > 0 ? linked : onCase.Count > 0 ? onCase : [new OffenceRow(0, DateOnly.MinValue, [])];
            foreach (var offence in counted)
            {
                var (name, gravity) = types.GetValueOrDefault(offence.OffenceTypeId, ("Offence not recorded", 0));
                facts.Add(new Kpi10Facts(victim.PersonId, (victim.Kind ?? People.PersonKind.Individual).ToString(), victim.Child ?? Guid.Empty, victim.CaseId, ended, name, gravity,
                    offence.CommittedOn, contact, victim.FirstViewsOn <= decided, rj == default ? null : rj.Started, rj == default ? null : rj.Ended,
                    victim.ProgressRequestedOn, victim.ProgressProvidedOn, victim.SupportRequestedOn, victim.SupportProvidedOn));
            }
        }

        return facts;
    }

    private sealed record OffenceRow(int OffenceTypeId, DateOnly CommittedOn, List<Guid> Victims);
}
