using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>The out-of-court disposals that ended in a quarter, on the cases the user may see, from the report database.</summary>
public sealed class Kpi6Source(ReportDatabase reports, TimeProvider clock)
{
    public async Task<IReadOnlyList<Kpi6Disposal>> ForAsync(ClaimsPrincipal user, ReportScope scope, ReportQuarter quarter, CancellationToken ct)
    {
        var db = reports.Db;
        var visible = scope.Cases(db, user, clock);
        var (start, end) = (quarter.Starts, quarter.Ends);
        var kinds = Kpi6.Kinds.ToList();
        var ended = await db.Orders.AsNoTracking()
            .Where(o => visible.Any(c => c.Id == o.CaseId) && kinds.Contains(o.Kind) && o.EndedOn >= start && o.EndedOn <= end && o.EndReason != null)
            .Select(o => new { o.Id, o.CaseId, o.Kind, EndedOn = o.EndedOn!.Value, Reason = o.EndReason!.Value }).ToListAsync(ct);
        var caseIds = ended.Select(o => o.CaseId).Distinct().ToList();
        var children = await db.CaseParticipants.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.Role == ParticipantRole.YoungPerson)
            .Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct);
        return ended.Select(o => new Kpi6Disposal(o.Id, o.CaseId, children.Where(c => c.CaseId == o.CaseId).Select(c => c.PersonId).FirstOrDefault(), o.Kind,
            o.EndedOn, o.Reason)).ToList();
    }
}
