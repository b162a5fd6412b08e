using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Account;

/// <summary>First sign-in: the invited user sets a password, is signed in, and goes on to set up two-factor authentication.</summary>
public sealed class InvitationModel(
    UserManager<MendUser> users, SignInManager<MendUser> signInManager, AuditTrail audit, AuditActor actor, AccountNotices notices)
    : SetPasswordPage(users, audit, actor, notices)
{
    public override string Heading => "Welcome to Mend: create your password";
    public override string ExpiredAdvice => "Invitation links work once and expire after a few days. Ask your Mend administrator to send the invitation again.";

    protected override async Task<bool> IsTokenValidAsync(MendUser user, string token) =>
        !await Users.HasPasswordAsync(user)
        && await Users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token);

    protected override async Task<IdentityResult> SetPasswordAsync(MendUser user, string token, string password)
    {
        if (!await IsTokenValidAsync(user, token))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        }

        user.EmailConfirmed = true;
        return await Users.AddPasswordAsync(user, password);
    }

    protected override async Task<IActionResult> AfterPasswordSetAsync(MendUser user)
    {
        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: "invitation");
        return RedirectToPage("/Account/TwoFactor/Setup");
    }
}
