using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mend.Web.Features.Account.TwoFactor;

/// <summary>The second step of sign-in. Wrong codes count towards the 5-failure lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(MendApp.SignInRateLimit)]
public sealed class VerifyModel(SignInManager<MendUser> signInManager, AuditTrail audit, AuditActor actor) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        actor.ActAs(user.Id, user.Email!);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(AuditAction.SignIn, nameof(MendUser), user.Id.ToString(), outcome: "password and authenticator code");
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditAction.LockedOut, nameof(MendUser), user.Id.ToString());
            ModelState.AddModelError(nameof(Code), SignInModel.LockedOutMessage);
            return Page();
        }

        await audit.RecordNowAsync(AuditAction.SignInFailed, nameof(MendUser), user.Id.ToString(), outcome: "wrong or reused authenticator code");
        ModelState.AddModelError(nameof(Code), code.Length == 6 && code.All(char.IsAsciiDigit)
            ? "The code is not right, or has been used already. Wait for a new code and enter it"
            : "The code must be 6 digits");
        return Page();
    }
}
