using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mend.Web.Platform.Auth;

public static class MendClaims
{
    public const string DisplayName = "mend:name";
    public const string TwoFactorEnabled = "mend:2fa";
    public const string SignedInAt = "mend:signed_in_at";
    public const string ApiTokenId = "mend:token";
    public const string Scope = "mend:scope";
    public const string TeamId = "mend:team";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid? TeamIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TeamId), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds Mend's own claims to the sign-in cookie.</summary>
public sealed class MendClaimsPrincipalFactory(
    UserManager<MendUser> userManager, RoleManager<MendRole> roleManager, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<MendUser, MendRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MendUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MendClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } teamId)
        {
            identity.AddClaim(new Claim(MendClaims.TeamId, teamId.ToString()));
        }

        identity.AddClaim(new Claim(MendClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(MendClaims.SignedInAt,
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
