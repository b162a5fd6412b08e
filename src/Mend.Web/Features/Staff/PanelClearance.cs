using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>
/// Whether a panel member may sit (issue 20): a volunteer, and nothing more, needs panel training and a DBS check both
/// current on the day. Checked when they join a panel, when one of their panel's meetings is scheduled, and each time
/// they open their panels' meetings, so a role taken away or a check or course that lapses takes effect at once.
/// Staff who also volunteer are held to their own roles' rules (a facilitator's DBS gate, their employment checks).
/// </summary>
public sealed class PanelClearance(MendDb db)
{
    /// <summary>Users who, by their roles now, need clearing: volunteers who are neither practitioners nor managers.</summary>
    public IQueryable<Guid> VolunteersOnly()
    {
        string[] staff = [Roles.Practitioner.ToUpperInvariant(), Roles.Manager.ToUpperInvariant()];
        var volunteer = Roles.Volunteer.ToUpperInvariant();
        return db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == volunteer))
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staff.Contains(r.NormalizedName!))))
            .Select(u => u.Id);
    }

    /// <summary>Everyone who may sit on a panel on <paramref name="day"/>, as one query (for a filter): active staff, and volunteers with current checks.</summary>
    public IQueryable<Guid> Cleared(DateOnly day)
    {
        string[] staff = [Roles.Practitioner.ToUpperInvariant(), Roles.Manager.ToUpperInvariant()];
        var volunteer = Roles.Volunteer.ToUpperInvariant();
        // Staff sit by their own roles' rules; a volunteer with current checks; anyone else (a role taken away) not at all.
        return db.Users.Where(u => !u.IsDisabled && (db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staff.Contains(r.NormalizedName!)))
                || (db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == volunteer))
                    && db.TrainingRecords.Any(t => t.UserId == u.Id && t.Kind == TrainingKind.PanelMember && t.CompletedOn <= day && (t.ExpiresOn == null || t.ExpiresOn >= day))
                    && db.DbsChecks.Any(d => d.UserId == u.Id && d.IssuedOn <= day && d.RenewBy >= day))))
            .Select(u => u.Id);
    }

    /// <summary>The panels <paramref name="userId"/> is on and may sit on <paramref name="day"/> (none while they are not cleared).</summary>
    public IQueryable<int> PanelsSatOnBy(Guid userId, DateOnly day)
    {
        var cleared = Cleared(day);
        return db.Panels.Where(p => p.Members.Any(m => m.UserId == userId) && cleared.Contains(userId)).Select(p => p.Id);
    }

    /// <summary>
    /// Of <paramref name="userIds"/>, the volunteers who may not sit on <paramref name="day"/>, each with what they lack
    /// in words ("no DBS check is recorded"); those not listed may sit.
    /// </summary>
    public async Task<Dictionary<Guid, List<string>>> GapsAsync(IReadOnlyCollection<Guid> userIds, DateOnly day, CancellationToken ct)
    {
        var gaps = new Dictionary<Guid, List<string>>();
        // Someone whose account is disabled, or who holds none of the roles that sit on a panel, may not sit at all.
        var eligible = await StaffWithRoles.Of(db, Roles.Volunteer, Roles.Practitioner, Roles.Manager).Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in userIds.Except(eligible))
        {
            gaps[id] = ["their account is disabled or no longer has a volunteer, practitioner or manager role"];
        }

        var volunteers = await VolunteersOnly().Where(id => userIds.Contains(id) && eligible.Contains(id)).ToListAsync(ct);
        if (volunteers.Count == 0)
        {
            return gaps;
        }

        var training = await db.TrainingRecords.AsNoTracking().Where(t => volunteers.Contains(t.UserId) && t.Kind == TrainingKind.PanelMember).ToListAsync(ct);
        var checks = await db.DbsChecks.AsNoTracking().Where(d => volunteers.Contains(d.UserId)).ToListAsync(ct);
        foreach (var id in volunteers)
        {
            var missing = new List<string>();
            var theirs = training.Where(t => t.UserId == id).ToList();
            if (!theirs.Any(t => t.IsCurrentOn(day)))
            {
                missing.Add(theirs.Count == 0 ? "no panel training is recorded" : "their panel training has expired");
            }

            var dbs = checks.Where(d => d.UserId == id).ToList();
            if (!dbs.Any(d => d.IsCurrentOn(day)))
            {
                missing.Add(dbs.Count == 0 ? "no DBS check is recorded" : "their DBS check is past its renewal date");
            }

            if (missing.Count > 0)
            {
                gaps[id] = missing;
            }
        }

        return gaps;
    }
}
