using Mend.Web.Data;
using Mend.Web.Features.Panels;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Panels;

/// <summary>The service's community RJ and referral-order panels; adding one.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(MendDb db) : PageModel
{
    public IReadOnlyList<Panel> Panels { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public static IEnumerable<SelectListItem> Kinds => [new(Describe(PanelKind.CommunityRj), nameof(PanelKind.CommunityRj)), new(Describe(PanelKind.ReferralOrder), nameof(PanelKind.ReferralOrder))];

    public static string Describe(PanelKind kind) => kind == PanelKind.CommunityRj ? "Community RJ panel" : "Referral-order panel";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the panel's name");
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "The name must be 200 characters or fewer");
        }
        else if (await db.Panels.AnyAsync(p => p.Name == name, ct))
        {
            ModelState.AddModelError(nameof(Name), "There is already a panel with that name");
        }

        if (!Enum.TryParse<PanelKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of panel");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var panel = Panel.Create(name!, kind);
        db.Panels.Add(panel);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{panel.Name} added; now add its members";
        return RedirectToPage("/Admin/Panels/Edit", new { id = panel.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Panels = await db.Panels.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
}
