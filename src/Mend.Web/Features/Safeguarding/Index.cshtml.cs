using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Safeguarding;

/// <summary>Safeguarding referrals still open, the follow-up soonest (or most overdue) first: the user's own, or all they may see.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(SafeguardingReferrals referrals, AuditTrail audit, MendDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public bool Mine => Show != "all";

    public List<SafeguardingReferrals.Listed> Open { get; private set; } = [];

    public DateOnly Today => referrals.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Show ??= User.IsInRole(Roles.Manager) ? "all" : "mine";
        Open = await referrals.OpenAsync(User, Mine, ct);
        foreach (var r in Open)
        {
            audit.Viewed(nameof(SafeguardingReferral), r.Id.ToString(), [r.PersonId], SafeguardingReferrals.PurposeOfView);
        }

        await db.SaveChangesAsync(ct);
    }
}
