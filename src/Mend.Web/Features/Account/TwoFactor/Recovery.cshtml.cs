using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mend.Web.Features.Account.TwoFactor;

[AllowAnonymous]
[EnableRateLimiting(MendApp.SignInRateLimit)]
public sealed class RecoveryModel(SignInManager<MendUser> signInManager, AuditTrail audit, AuditActor actor) : PageModel
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

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter a recovery code");
            return Page();
        }

        actor.ActAs(user.Id, user.Email!);
        if (await signInManager.UserManager.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(Code), SignInModel.LockedOutMessage);
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(AuditAction.SignIn, nameof(MendUser), user.Id.ToString(), outcome: "password and recovery code");
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        // Identity does not count wrong recovery codes; Mend does, so they cannot be guessed endlessly.
        await signInManager.UserManager.AccessFailedAsync(user);
        await audit.RecordNowAsync(AuditAction.SignInFailed, nameof(MendUser), user.Id.ToString(), outcome: "wrong recovery code");
        ModelState.AddModelError(nameof(Code), await signInManager.UserManager.IsLockedOutAsync(user)
            ? SignInModel.LockedOutMessage
            : "The recovery code is not right, or has been used already");
        return Page();
    }
}
