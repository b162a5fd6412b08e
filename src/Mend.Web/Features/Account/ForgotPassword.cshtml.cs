using Mend.Web.Features.Admin.Users;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mend.Web.Features.Account;

/// <summary>Sends a single-use reset link. The answer is the same whether or not the account exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(MendApp.SignInRateLimit)]
public sealed class ForgotPasswordModel(
    UserManager<MendUser> users, InvitationLinks links, IEmailSender email, AuditTrail audit, AuditActor actor, SecuritySettings security) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public int LinkHours => security.PasswordResetHours;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsDisabled: false, PasswordHash: not null })
        {
            actor.ActAs(user.Id, user.Email!);
            var link = await links.CreatePasswordResetAsync(user);
            await email.SendAsync(new EmailMessage(user.Email!, "Reset your Mend password",
                $"Hello {user.DisplayName},\n\nSomeone asked to reset the password of your Mend account. If it was you, use this link:\n{link}\n\n"
                + $"The link works once and expires in {security.PasswordResetHours} hours. If it was not you, ignore this email; your password has not changed.\n"), ct);
            await audit.RecordNowAsync(AuditAction.PasswordResetRequested, nameof(MendUser), user.Id.ToString(), cancellationToken: ct);
        }

        Sent = true;
        return Page();
    }
}
