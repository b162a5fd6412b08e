using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>Victims' Code entitlements across many cases: the overdue lists, the caseload, and the compliance report.</summary>
public sealed class VictimDeadlines(MendDb db, VictimSettings settings, TimeProvider clock, HolidayCalendar holidays)
{
    public sealed record Row(Guid CaseId, string CaseReference, Guid PersonId, string PersonName, string? AllocatedTo, IReadOnlyList<EntitlementStatus> Entitlements);

    public DateOnly Today => clock.LondonToday();

    /// <summary>Every victim on these cases with their entitlements (victims reduced after declining are left out).</summary>
    public async Task<IReadOnlyList<Row>> ForCasesAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        // One query for the victims with their cases and names, and one each for the two collections the entitlements read
        // (the choices and the record of what was sent), whatever the number of cases.
        var victims = await (
                from v in db.Victims.AsNoTracking().IgnoreAutoIncludes().Include(v => v.Choices).Include(v => v.Records)
                join c in cases on v.CaseId equals c.Id
                join p in db.People on v.PersonId equals p.Id
                where v.MinimisedAt == null
                select new { Victim = v, Case = new { c.Reference, c.Jurisdiction, c.ClosedAt, c.AllocatedWorkerName }, Person = new { p.Kind, p.OrganisationName, p.GivenName, p.FamilyName } })
            .AsSplitQuery()
            .ToListAsync(ct);
        var today = Today;
        var days = await holidays.CurrentAsync(db, ct);
        return victims.Select(x =>
        {
            var (v, c) = (x.Victim, x.Case);
            var closed = c.ClosedAt is { } at ? London.DateOf(at) : (DateOnly?)null;
            var name = PersonNames.Of(x.Person.Kind, x.Person.OrganisationName, x.Person.GivenName, x.Person.FamilyName);
            return new Row(v.CaseId, c.Reference, v.PersonId, name, c.AllocatedWorkerName,
                Entitlements.For(days, v, c.Jurisdiction, closed, settings, today));
        }).ToList();
    }
}
