using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mend.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(MendApp.SignInRateLimit)]
public sealed class SignInModel(
    SignInManager<MendUser> signInManager, AuditTrail audit, AuditActor actor, SecuritySettings security) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "signedOut")]
    public bool SignedOut { get; set; }

    [BindProperty(SupportsGet = true, Name = "passwordReset")]
    public bool PasswordReset { get; set; }

    public bool IsDemo => !security.RequireTwoFactor;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email!.Trim());
        if (user is null)
        {
            // Same work and the same answer as a wrong password, so the form does not reveal who has an account.
            signInManager.UserManager.PasswordHasher.HashPassword(new MendUser(), Input.Password!);
            await audit.RecordNowAsync(AuditAction.SignInFailed, nameof(MendUser), outcome: "unknown account");
            return WrongCredentials();
        }

        actor.ActAs(user.Id, user.Email!);
        var result = await signInManager.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(AuditAction.SignIn, nameof(MendUser), user.Id.ToString(), outcome: "password");
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor/Verify", new { ReturnUrl });
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses these before checking the password; hash it anyway so the answer takes as long as any other.
            signInManager.UserManager.PasswordHasher.HashPassword(user, Input.Password!);
        }

        if (result.IsLockedOut)
        {
            // Answered as any other failure: a different message would tell anyone which addresses have accounts.
            await audit.RecordNowAsync(AuditAction.LockedOut, nameof(MendUser), user.Id.ToString());
            return WrongCredentials();
        }

        await audit.RecordNowAsync(AuditAction.SignInFailed, nameof(MendUser), user.Id.ToString(),
            outcome: result.IsNotAllowed ? "not allowed" : "wrong password");
        return WrongCredentials();
    }

    /// <summary>Shown on the second-factor pages only, to someone who has already given the right password.</summary>
    public const string LockedOutMessage =
        "Your account is locked because of too many failed attempts. Try again in 15 minutes, or ask your administrator.";

    /// <summary>The one answer to a wrong address, a wrong password and a locked account alike.</summary>
    public const string FailedMessage =
        "Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes.";

    private PageResult WrongCredentials()
    {
        ModelState.AddModelError("Input.Email", FailedMessage);
        return Page();
    }

    /// <summary>
    /// Where to go after signing in: a path on this site, or home. Anything else (another site, "//host", "/\\host",
    /// control characters or spaces that no Mend address has, an over-long value) is replaced by home, never an error.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2000 && returnUrl.StartsWith('/')
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : "/";
}
