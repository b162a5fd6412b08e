using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Account;

/// <summary>Signing out is a POST with an antiforgery token, so no link or image can sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<MendUser> signInManager, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordNowAsync(AuditAction.SignOut, nameof(MendUser), User.UserId().ToString());
            // Cookies are self-contained, so a copied one would outlive sign-out. A new security stamp
            // makes every earlier cookie of this user fail its next check (within a minute).
            var user = await signInManager.UserManager.GetUserAsync(User);
            if (user is not null)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
        }

        return RedirectToPage("/Account/SignIn", new { signedOut = true });
    }
}
