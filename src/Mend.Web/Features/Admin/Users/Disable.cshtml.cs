using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

/// <summary>Confirms, then disables an account: sign-in refused, sessions ended by the stamp change, tokens refused.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class DisableModel(MendDb db, UserManager<MendUser> users, AuditTrail audit, ApiTokenCache tokenCache) : PageModel
{
    public Guid Id { get; private set; }
    public string DisplayName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.IsDisabled }).SingleOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || id == User.UserId())
        {
            return NotFound();
        }

        (Id, DisplayName) = (id, user.DisplayName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || id == User.UserId())
        {
            return NotFound();
        }

        user.Disable();
        tokenCache.ForgetAll();
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(AuditAction.UserDisabled, nameof(MendUser), id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Account disabled";
        return RedirectToPage("/Admin/Users/Edit", new { id });
    }
}
