using Mend.Web.Data;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Staff;

/// <summary>Active accounts holding any of the given roles, for choosing a worker, facilitator or panel member.</summary>
public static class StaffWithRoles
{
    public static IQueryable<MendUser> Of(MendDb db, params string[] roles)
    {
        var normalised = roles.Select(r => r.ToUpperInvariant()).ToArray();
        return db.Users.Where(u => !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && normalised.Contains(r.NormalizedName!))));
    }
}
