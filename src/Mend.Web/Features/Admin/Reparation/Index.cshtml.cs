using Mend.Web.Data;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Reparation;

/// <summary>The service's reparation placements and projects; adding one.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(MendDb db) : PageModel
{
    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public IReadOnlyList<ReparationProject> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.ReparationProjects.AnyAsync(p => p.Name == details.Name.Trim(), ct))
        {
            ModelState.AddModelError("Input.Name", "There is already a placement or project with that name");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.ReparationProjects.Add(ReparationProject.Create(details!));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{details!.Name.Trim()} added";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Projects = await db.ReparationProjects.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
}
