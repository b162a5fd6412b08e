using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Account.TwoFactor;

[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel(UserManager<MendUser> users, AuditTrail audit, AccountNotices notices) : PageModel
{
    public int Remaining { get; private set; }
    public IReadOnlyList<string>? Codes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactor/Setup");
        }

        Remaining = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactor/Setup");
        }

        Codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordNowAsync(AuditAction.RecoveryCodesGenerated, nameof(MendUser), user.Id.ToString(), cancellationToken: ct);
        await notices.SendAsync(user, "New two-factor recovery codes were made", ct);
        return Page();
    }
}
