using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>Victims' Code entitlements across many cases: the overdue lists, the caseload, and the compliance report.</summary>
public sealed class VictimDeadlines(MendDb db, VictimSettings settings, TimeProvider clock, HolidayCalendar holidays, QueryBatch batch)
{
    public sealed record Row(Guid CaseId, string CaseReference, Guid PersonId, string PersonName, string? AllocatedTo, IReadOnlyList<EntitlementStatus> Entitlements);

    public DateOnly Today => clock.LondonToday();

    /// <summary>Every victim on these cases with their entitlements (victims reduced after declining are left out).</summary>
    public async Task<IReadOnlyList<Row>> ForCasesAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var days = await holidays.CurrentAsync(db, ct);
        var rows = ForCases(batch, cases, days);
        await batch.RunAsync(ct);
        return rows();
    }

    /// <summary>
    /// As <see cref="ForCasesAsync"/>, with its three reads added to <paramref name="reads"/> (the victims with their cases and
    /// names, and the two collections the entitlements read: the choices and the record of what was sent, whatever the number
    /// of cases): the rows, once that batch has run. <paramref name="days"/> are the working days the deadlines count.
    /// </summary>
    public Func<IReadOnlyList<Row>> ForCases(QueryBatch reads, IQueryable<Case> cases, WorkingDays days)
    {
        var shown = from v in db.Victims join c in cases on v.CaseId equals c.Id where v.MinimisedAt == null select v.Id;
        var victims = reads.Add(
            from v in db.Victims.AsNoTracking().IgnoreAutoIncludes()
            join c in cases on v.CaseId equals c.Id
            join p in db.People on v.PersonId equals p.Id
            where v.MinimisedAt == null
            orderby v.Id
            select new { Victim = v, Case = new { c.Reference, c.Jurisdiction, c.ClosedAt, c.AllocatedWorkerName }, Person = new { p.Kind, p.OrganisationName, p.GivenName, p.FamilyName } });
        var choices = reads.Add(db.Set<VictimChoice>().AsNoTracking().Where(x => shown.Contains(x.VictimId)).OrderBy(x => x.Id));
        var records = reads.Add(db.VictimRecords.AsNoTracking().Where(x => shown.Contains(x.VictimId)).OrderBy(x => x.Id));
        List<Row>? rows = null;
        return () => rows ??= Rows();

        List<Row> Rows()
        {
            var today = Today;
            Navigations.Fill(db.Model, victims.Rows.Select(x => x.Victim), nameof(Victim.Choices), choices.Rows);
            Navigations.Fill(db.Model, victims.Rows.Select(x => x.Victim), nameof(Victim.Records), records.Rows);
            return victims.Rows.Select(x =>
            {
                var (v, c) = (x.Victim, x.Case);
                var closed = c.ClosedAt is { } at ? London.DateOf(at) : (DateOnly?)null;
                var name = PersonNames.Of(x.Person.Kind, x.Person.OrganisationName, x.Person.GivenName, x.Person.FamilyName);
                return new Row(v.CaseId, c.Reference, v.PersonId, name, c.AllocatedWorkerName,
                    Entitlements.For(days, v, c.Jurisdiction, closed, settings, today));
            }).ToList();
        }
    }
}
