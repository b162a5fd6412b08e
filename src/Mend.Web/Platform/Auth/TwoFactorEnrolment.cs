using Microsoft.AspNetCore.Identity;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// Sends a signed-in user who has no second factor yet to set one up before anything else, when the
/// deployment requires it for everyone or their role always does (SECURITY.md 2.8.1).
/// </summary>
public sealed class TwoFactorEnrolment(RequestDelegate next, SecuritySettings security)
{
    public const string SetupPath = "/Account/TwoFactor/Setup";

    private static readonly string[] Allowed = [SetupPath, "/Account/SignOut", "/Errors", "/health", "/Accessibility", "/Privacy"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.Identity.AuthenticationType == IdentityConstants.ApplicationScheme
            && user.FindFirst(MendClaims.TwoFactorEnabled)?.Value != "true"
            && (security.RequireTwoFactor || Roles.AlwaysNeedTwoFactor.Any(user.IsInRole))
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
