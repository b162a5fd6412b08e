using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.OffenceTypes;

/// <summary>The service's offence list with YJB gravity scores, which administrators keep up to date.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(MendDb db) : PageModel
{
    public IReadOnlyList<OffenceType> Types { get; private set; } = [];

    [BindProperty]
    public OffenceTypeForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var valid = Input.Validate(ModelState, nameof(Input));
        if (valid is { } v && await db.OffenceTypes.AnyAsync(t => t.Name == v.Name, ct))
        {
            ModelState.AddModelError("Input.Name", "That offence is already on the list");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.OffenceTypes.Add(OffenceType.Create(valid!.Value.Name, valid.Value.Category, valid.Value.Gravity, Input.IsSensitive));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{valid.Value.Name} added";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Types = await db.OffenceTypes.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.Name).ToListAsync(ct);
}
