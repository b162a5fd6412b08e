using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.DisposalReview;

/// <summary>Records the retention schedule has due for disposal: waiting for a data protection officer's review or a second person's approval.</summary>
[Authorize(Policy = Policies.ApproveDisposal)]
public sealed class IndexModel(Disposals disposals) : PageModel
{
    public List<Disposals.Row> Rows { get; private set; } = [];

    public bool IsOfficer => User.IsInRole(Roles.DataProtectionOfficer);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await disposals.WaitingAsync(ct);

    /// <summary>Lists what is due now, without waiting for the hourly retention job (after a rule is changed, say).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }

        var added = await disposals.ListDueAsync(ct);
        TempData["Success"] = added == 0 ? "Nothing new has fallen due" : $"{added} record{(added == 1 ? "" : "s")} newly due for review";
        return RedirectToPage();
    }
}
