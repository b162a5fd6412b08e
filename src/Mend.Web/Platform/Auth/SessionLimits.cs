using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// Ends a session 12 hours after sign-in whatever the activity (SECURITY.md 3.3.2), then lets Identity
/// check the security stamp so password, role and status changes end other sessions within a minute.
/// </summary>
public static class SessionLimits
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
    public static readonly TimeSpan StampCheck = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var signedInAt = context.Principal?.FindFirst(MendClaims.SignedInAt)?.Value;
        if (signedInAt is null
            || !long.TryParse(signedInAt, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Keeps the original sign-in time when Identity re-issues the cookie after a stamp check.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        var original = context.CurrentPrincipal?.FindFirst(MendClaims.SignedInAt);
        if (original is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            var fresh = identity.FindFirst(MendClaims.SignedInAt);
            if (fresh is not null)
            {
                identity.RemoveClaim(fresh);
            }

            identity.AddClaim(new System.Security.Claims.Claim(MendClaims.SignedInAt, original.Value));
            var amr = context.CurrentPrincipal!.FindFirst("amr");
            if (amr is not null && identity.FindFirst("amr") is null)
            {
                identity.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
            }
        }

        return Task.CompletedTask;
    }
}
