using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(
    UserManager<MendUser> users, SignInManager<MendUser> signInManager, AuditTrail audit, AccountNotices notices) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public NewPasswordInput Password { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        }

        foreach (var (field, message) in Password.Validate())
        {
            ModelState.AddModelError($"Password.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, Password.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : "Password.NewPassword",
                    error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        await audit.RecordNowAsync(AuditAction.PasswordChanged, nameof(MendUser), user.Id.ToString(), cancellationToken: ct);
        await notices.SendAsync(user, "Your password was changed", ct);
        TempData["Success"] = "Your password has been changed";
        return RedirectToPage("/Account/Index");
    }
}
