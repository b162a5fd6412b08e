using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.OffenceTypes;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(MendDb db) : PageModel
{
    [BindProperty]
    public OffenceTypeForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var type = await db.OffenceTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (type is null)
        {
            return NotFound();
        }

        Name = type.Name;
        Input = new OffenceTypeForm
        {
            Name = type.Name,
            Category = type.Category,
            GravityScore = type.GravityScore.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IsSensitive = type.IsSensitive,
            IsActive = type.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var type = await db.OffenceTypes.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (type is null)
        {
            return NotFound();
        }

        Name = type.Name;
        var valid = Input.Validate(ModelState, nameof(Input));
        if (valid is { } v && await db.OffenceTypes.AnyAsync(t => t.Name == v.Name && t.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", "Another offence on the list already has that name");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        type.Change(valid!.Value.Name, valid.Value.Category, valid.Value.Gravity, Input.IsSensitive, Input.IsActive);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{type.Name} saved";
        return RedirectToPage("/Admin/OffenceTypes/Index");
    }
}
