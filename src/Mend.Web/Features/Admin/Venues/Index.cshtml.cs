using Mend.Web.Data;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Venues;

/// <summary>The service's venues for restorative meetings, with their safety information; adding one.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(MendDb db) : PageModel
{
    [BindProperty]
    public VenueForm Input { get; set; } = new();

    public IReadOnlyList<Venue> Venues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.Venues.AnyAsync(v => v.Name == details.Name, ct))
        {
            ModelState.AddModelError("Input.Name", "There is already a venue with that name");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.Venues.Add(Venue.Create(details!));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{details!.Name} added";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Venues = await db.Venues.AsNoTracking().OrderByDescending(v => v.IsActive).ThenBy(v => v.Name).ToListAsync(ct);
}
