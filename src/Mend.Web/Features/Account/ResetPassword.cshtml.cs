using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Account;

public sealed class ResetPasswordModel(UserManager<MendUser> users, AuditTrail audit, AuditActor actor, AccountNotices notices)
    : SetPasswordPage(users, audit, actor, notices)
{
    public override string Heading => "Create a new password";
    public override string ExpiredAdvice => "Password reset links work once and expire after a few hours.";

    protected override Task<bool> IsTokenValidAsync(MendUser user, string token) =>
        Users.VerifyUserTokenAsync(user, Users.Options.Tokens.PasswordResetTokenProvider, UserManager<MendUser>.ResetPasswordTokenPurpose, token);

    protected override Task<IdentityResult> SetPasswordAsync(MendUser user, string token, string password) =>
        Users.ResetPasswordAsync(user, token, password);

    protected override Task<IActionResult> AfterPasswordSetAsync(MendUser user)
    {
        return Task.FromResult<IActionResult>(RedirectToPage("/Account/SignIn", new { passwordReset = true }));
    }
}
