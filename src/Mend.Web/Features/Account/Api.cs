using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Account;

public static class AccountApi
{
    public sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, IReadOnlyList<string> Scopes);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/me", async (HttpContext http, MendDb db, CancellationToken ct) =>
            {
                var id = http.User.UserId();
                var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
                    .Select(u => new { u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled }).SingleOrDefaultAsync(ct);
                if (user is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Your account no longer exists.");
                }

                var roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order().ToList();
                var scopes = http.User.FindAll(MendClaims.Scope).Select(c => c.Value).Order().ToList();
                return Results.Ok(new Me(user.Id, user.Email ?? "", user.DisplayName, roles, user.TwoFactorEnabled, scopes));
            })
            .WithName("GetMe")
            .WithSummary("The signed-in user or token owner")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireScope(ApiScopes.ReadProfile))
            .Produces<Me>();
    }
}
