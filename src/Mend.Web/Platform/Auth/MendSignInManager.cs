using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mend.Web.Platform.Auth;

/// <summary>Identity's sign-in manager, refusing disabled accounts at every sign-in and session check.</summary>
public sealed class MendSignInManager(
    UserManager<MendUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<MendUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<MendUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<MendUser> confirmation)
    : SignInManager<MendUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(MendUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<MendUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
