using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mend.Web.Features.Account;

/// <summary>
/// A page reached by a single-use e-mail link that sets a password: the invitation (first sign-in)
/// and the password reset share it. The token carries the security stamp, so setting the password
/// spends the link.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MendApp.SignInRateLimit)]
public abstract class SetPasswordPage(UserManager<MendUser> users, AuditTrail audit, AuditActor actor, AccountNotices notices) : PageModel
{
    protected UserManager<MendUser> Users => users;

    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Password { get; set; } = new();

    public bool LinkValid { get; private set; }
    public string Email { get; private set; } = "";

    public abstract string Heading { get; }
    public abstract string ExpiredAdvice { get; }

    protected abstract Task<bool> IsTokenValidAsync(MendUser user, string token);
    protected abstract Task<IdentityResult> SetPasswordAsync(MendUser user, string token, string password);
    protected abstract Task<IActionResult> AfterPasswordSetAsync(MendUser user);

    public async Task<IActionResult> OnGetAsync()
    {
        await FindUserWithValidLinkAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await FindUserWithValidLinkAsync();
        if (user is null)
        {
            return Page();
        }

        foreach (var (field, message) in Password.Validate())
        {
            ModelState.AddModelError($"Password.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        actor.ActAs(user.Id, user.Email!);
        var result = await SetPasswordAsync(user, Token!, Password.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                LinkValid = false;
                return Page();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Password.NewPassword", error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AuditAction.PasswordChanged, nameof(MendUser), user.Id.ToString(), outcome: GetType().Name.Replace("Model", "", StringComparison.Ordinal), cancellationToken: ct);
        await notices.SendAsync(user, "Your password was set", ct);
        return await AfterPasswordSetAsync(user);
    }

    private async Task<MendUser?> FindUserWithValidLinkAsync()
    {
        var user = UserId == Guid.Empty || string.IsNullOrEmpty(Token) ? null : await users.FindByIdAsync(UserId.ToString());
        LinkValid = user is { IsDisabled: false } && await IsTokenValidAsync(user, Token!);
        Email = LinkValid ? user!.Email ?? "" : "";
        return LinkValid ? user : null;
    }
}
