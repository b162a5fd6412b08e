using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(MendDb db) : PageModel
{
    public sealed record TokenView(string Name, string Scopes, DateTime ExpiresAt, DateTime? RevokedAt);

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public string? Mobile { get; private set; }
    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = User.UserId();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.Email, u.TwoFactorEnabled, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        (DisplayName, Email, TwoFactorEnabled, Mobile) = (user.DisplayName, user.Email ?? "", user.TwoFactorEnabled, user.PhoneNumber);
        Tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Name, t.Scopes, t.ExpiresAt, t.RevokedAt)).ToListAsync(ct);
        return Page();
    }
}
