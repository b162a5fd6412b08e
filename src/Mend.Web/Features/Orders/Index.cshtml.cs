using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>The disposals on a case, newest first, each with its compliance.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(MendDb db, CaseAccess access, RecordOrders record, AuditTrail audit) : PageModel
{
    public sealed record Row(Order Order, Compliance Compliance);

    public Case Case { get; private set; } = default!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return NotFound();
        }

        Case = @case;
        var rows = new List<Row>();
        foreach (var order in await access.VisibleOrders(User).AsNoTracking().Where(o => o.CaseId == caseId).OrderByDescending(o => o.DecidedOn).ToListAsync(ct))
        {
            rows.Add(new Row(order, await record.ComplianceAsync(order, ct)));
        }

        Rows = rows;
        audit.Viewed(nameof(Case), caseId.ToString(), await OrderPeople.ChildrenAsync(db, caseId, ct), Order.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
