using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Staff.Register;

/// <summary>The register of staff and volunteers at a glance: who may do what, and what has expired or is due within the reminder period.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(StaffRegister register, AuditTrail audit, MendDb db) : PageModel
{
    /// <summary>Only those with something expired or due.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Due { get; set; }

    public List<StaffRegister.Summary> People { get; private set; } = [];
    public int DueCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await register.AllAsync(ct);
        DueCount = all.Count(p => p.Due.Count > 0);
        People = Due ? all.Where(p => p.Due.Count > 0).ToList() : all;
        audit.Record(AuditAction.View, "StaffRegister", null, purpose: "Staff register");
        await db.SaveChangesAsync(ct);
    }
}
