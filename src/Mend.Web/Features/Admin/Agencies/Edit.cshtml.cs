using Mend.Web.Data;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Agencies;

/// <summary>Changes a reparation partner agency, or retires it.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class EditModel(MendDb db) : PageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var project = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        (Name, Version, Input) = (project.Name, project.Version, AgencyForm.From(project));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var project = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        Name = project.Name;
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.PartnerAgencies.AnyAsync(p => p.Name == details.Name.Trim() && p.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", "Another partner agency already has that name");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await VersionedChange.RunAsync(db, db.PartnerAgencies.Where(p => p.Id == id), Version,
            (PartnerAgency p, Dictionary<string, string> _) => p.Change(details!, Input.IsActive), Conflicts.Message("this partner agency"), ct);
        if (!outcome.IsDone)
        {
            var latest = await db.PartnerAgencies.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            (Version, Input) = (latest.Version, AgencyForm.From(latest));
            ModelState.Clear();
            ModelState.AddModelError("", outcome.Message ?? Conflicts.Message("this partner agency"));
            return Page();
        }

        TempData["Success"] = $"{details!.Name.Trim()} saved";
        return RedirectToPage("/Admin/Agencies/Index");
    }
}
