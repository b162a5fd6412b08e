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
        var caseRows = await cases.AsNoTracking()
            .Where(c => db.Victims.Any(v => v.CaseId == c.Id && v.MinimisedAt == null))
            .Select(c => new { c.Id, c.Reference, c.Jurisdiction, c.ClosedAt, c.AllocatedWorkerName })
            .ToListAsync(ct);
        var caseIds = caseRows.Select(c => c.Id).ToList();
        var victims = await db.Victims.AsNoTracking().AsSplitQuery().Where(v => caseIds.Contains(v.CaseId) && v.MinimisedAt == null).ToListAsync(ct);
        var personIds = victims.Select(v => v.PersonId).Distinct().ToList();
        var names = await PersonNames.OfAsync(db, personIds, ct);
        var byCase = caseRows.ToDictionary(c => c.Id);
        var today = Today;
        var days = await holidays.CurrentAsync(db, ct);
        return victims.Select(v =>
        {
            var c = byCase[v.CaseId];
            var closed = c.ClosedAt is { } at ? London.DateOf(at) : (DateOnly?)null;
            return new Row(v.CaseId, c.Reference, v.PersonId, names.GetValueOrDefault(v.PersonId, ""), c.AllocatedWorkerName,
                Entitlements.For(days, v, c.Jurisdiction, closed, settings, today));
        }).ToList();
    }
}
