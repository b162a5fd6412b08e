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
        var victims = await db.Victims.AsNoTracking().IgnoreAutoIncludes().Include(v => v.Choices).Include(v => v.Records).AsSplitQuery()
            .Where(v => v.MinimisedAt == null && cases.Any(c => c.Id == v.CaseId))
            .Select(v => new
            {
                Victim = v,
                Case = db.Cases.Where(c => c.Id == v.CaseId).Select(c => new { c.Reference, c.Jurisdiction, c.ClosedAt, c.AllocatedWorkerName }).First(),
                Person = db.People.Where(p => p.Id == v.PersonId).Select(p => new { p.Kind, p.OrganisationName, p.GivenName, p.FamilyName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var today = Today;
        var days = await holidays.CurrentAsync(db, ct);
        return victims.Select(x =>
        {
            var (v, c) = (x.Victim, x.Case);
            var closed = c.ClosedAt is { } at ? London.DateOf(at) : (DateOnly?)null;
            var name = x.Person is not { } p ? "" : p.Kind == PersonKind.Organisation ? p.OrganisationName ?? "" : PersonNames.FullName(p.GivenName, p.FamilyName);
            return new Row(v.CaseId, c.Reference, v.PersonId, name, c.AllocatedWorkerName,
                Entitlements.For(days, v, c.Jurisdiction, closed, settings, today));
        }).ToList();
    }
}
