using Mend.Web.Data;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Venues;

/// <summary>Changes a venue's details and safety information, or retires it.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class EditModel(MendDb db) : PageModel
{
    [BindProperty]
    public VenueForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public string Name { get; private set; } = "";

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ActiveItems =>
        [new("In use: can be chosen for new meetings", "active"), new("Retired: kept for meetings already held there", "retired")];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return NotFound();
        }

        Name = venue.Name;
        Version = venue.Version;
        Input = VenueForm.From(venue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return NotFound();
        }

        Name = venue.Name;
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.Venues.AnyAsync(v => v.Name == details.Name && v.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", "Another venue already has that name");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        venue.Change(details!, Input.IsActive);
        if (!await db.SaveAtVersionAsync(venue, Version, ct))
        {
            var latest = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == id, ct);
            Version = latest.Version;
            ModelState.Clear();
            ModelState.AddModelError("", Conflicts.Message("this venue"));
            Input = VenueForm.From(latest);
            return Page();
        }

        TempData["Success"] = $"{details!.Name} saved";
        return RedirectToPage("/Admin/Venues/Index");
    }
}
