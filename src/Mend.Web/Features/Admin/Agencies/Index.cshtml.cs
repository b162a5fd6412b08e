using Mend.Web.Data;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Agencies;

/// <summary>The service's reparation partner agencies; adding one.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(MendDb db) : PageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public IReadOnlyList<PartnerAgency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.PartnerAgencies.AnyAsync(p => p.Name == details.Name.Trim(), ct))
        {
            ModelState.AddModelError("Input.Name", "There is already a partner agency with that name");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.PartnerAgencies.Add(PartnerAgency.Create(details!));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{details!.Name.Trim()} added";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.PartnerAgencies.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
}
