using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

public static class UsersApi
{
    public sealed record UserSummary(Guid Id, string DisplayName, string Email, bool IsDisabled, bool TwoFactorEnabled);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/users", async (MendDb db, int? page, CancellationToken ct) =>
            {
                const int size = 100;
                var pageNumber = Math.Max(1, page ?? 1);
                var total = await db.Users.CountAsync(ct);
                var items = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                    .Skip((pageNumber - 1) * size).Take(size)
                    .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", u.IsDisabled, u.TwoFactorEnabled))
                    .ToListAsync(ct);
                return Results.Ok(new Page<UserSummary>(items, total, pageNumber, size));
            })
            .WithName("ListUsers")
            .WithSummary("Users, 100 a page, by name")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ReadUsers))
            .Produces<Page<UserSummary>>();
    }
}
