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
    /// The facts, one per victim and offence. The cases whose intervention ended in the quarter (with a victim) are found first;
    /// then only the columns the rules need are read, one query per kind of row, at the same time on separate connections,
    /// and joined in memory by key.
    /// </summary>
    public async Task<IReadOnlyList<Kpi10Facts>> ForAsync(ClaimsPrincipal user, ReportScope scope, ReportQuarter quarter, CancellationToken ct)
    {
        var db = reports.Db;
        var visible = scope.Cases(db, user, clock);
        var (start, end) = (quarter.Starts, quarter.Ends);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => db.Orders.Any(e => e.CaseId == o.CaseId && e.EndedOn >= start && e.EndedOn <= end) && db.Victims.Any(v => v.CaseId == o.CaseId)
                        && visible.Any(c => c.Id == o.CaseId))
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

        // The reads below are independent: each runs on a connection of its own, at the same time.
        var typesRead = reports.ReadAsync(r => r.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Name, t.GravityScore), ct));
        var linksRead = reports.ReadAsync(r => r.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId)).SelectMany(o => o.Victims)
            .Select(v => new { v.OffenceId, v.PersonId }).ToListAsync(ct));
        var offencesRead = reports.ReadAsync(r => r.Offences.AsNoTracking().Where(o => caseIds.Contains(o.CaseId))
            .Select(o => new { o.Id, o.CaseId, o.OffenceTypeId, o.CommittedOn }).ToListAsync(ct));
        var victimsRead = reports.ReadAsync(r => r.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId))
            .Select(v => new
            {
                v.Id,
                v.CaseId,
                v.PersonId,
                v.DeclinedOn,
                Child = r.CaseParticipants.Where(p => p.CaseId == v.CaseId && p.Role == ParticipantRole.YoungPerson && p.EndedAt == null).OrderBy(p => p.Id)
                    .Select(p => (Guid?)p.PersonId).FirstOrDefault(),
                Kind = r.People.Where(p => p.Id == v.PersonId).Select(p => (People.PersonKind?)p.Kind).FirstOrDefault(),
                FirstViewsOn = v.Views.Min(w => (DateOnly?)w.On),
            }).ToListAsync(ct));
        // Choices and records read flat, one row each, rather than as a subquery per victim and kind.
        var choicesRead = reports.ReadAsync(r => r.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId)).SelectMany(v => v.Choices)
            .Where(c => c.Kind == ChoiceKind.Contact || c.Kind == ChoiceKind.KeptInformed && c.Agreed)
            .Select(c => new { c.VictimId, c.Id, c.Kind, c.On, c.Agreed }).ToListAsync(ct));
        RecordKind[] dated = [RecordKind.ProgressUpdate, RecordKind.SupportWanted, RecordKind.SupportReferral];
        var recordsRead = reports.ReadAsync(r => r.Victims.AsNoTracking().IgnoreAutoIncludes().Where(v => caseIds.Contains(v.CaseId)).SelectMany(v => v.Records)
            .Where(x => dated.Contains(x.Kind)).Select(x => new { x.VictimId, x.Kind, x.On }).ToListAsync(ct));
        var processesRead = reports.ReadAsync(r => r.RjProcesses.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.RecordedAt != null)
            .Select(p => new { p.CaseId, p.StartsAt, RecordedAt = p.RecordedAt!.Value, p.ConcludedAt, People = p.Participants.Select(x => x.PersonId).ToList() })
            .ToListAsync(ct));
        await Task.WhenAll(typesRead, linksRead, offencesRead, victimsRead, choicesRead, recordsRead, processesRead);

        var types = await typesRead;
        var linkedTo = (await linksRead).ToLookup(v => v.OffenceId, v => v.PersonId);
        var offencesByCase = (await offencesRead).ToLookup(o => o.CaseId, o => new OffenceRow(o.OffenceTypeId, o.CommittedOn, linkedTo[o.Id].ToList()));
        var victims = await victimsRead;
        var choices = (await choicesRead).OrderBy(c => c.Id).ToLookup(c => c.VictimId);
        var records = (await recordsRead).GroupBy(x => (x.VictimId, x.Kind)).ToDictionary(g => g.Key, g => g.Min(x => x.On));
        var taking = (await processesRead)
            .SelectMany(p => p.People.Select(person => new { p.CaseId, PersonId = person, p.StartsAt, p.RecordedAt, p.ConcludedAt }))
            .ToLookup(p => (p.CaseId, p.PersonId), p => (Started: London.DateOf(p.StartsAt ?? p.RecordedAt), Ended: p.ConcludedAt is { } done ? London.DateOf(done) : (DateOnly?)null));

        var facts = new List<Kpi10Facts>();
        foreach (var victim in victims)
        {
            var (_, ended, decided) = ends[victim.CaseId];
            var contact = choices[victim.Id].Where(c => c.Kind == ChoiceKind.Contact).Select(a => new ConsentAnswer(a.On, a.Agreed)).ToList();
            var progressRequested = choices[victim.Id].Where(c => c.Kind == ChoiceKind.KeptInformed).Select(c => (DateOnly?)c.On).Min();
            DateOnly? First(RecordKind kind) => records.TryGetValue((victim.Id, kind), out var on) ? on : null;
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
                    progressRequested, First(RecordKind.ProgressUpdate), First(RecordKind.SupportWanted), First(RecordKind.SupportReferral)));
            }
        }

        return facts;
    }

    private sealed record OffenceRow(int OffenceTypeId, DateOnly CommittedOn, List<Guid> Victims);
}
