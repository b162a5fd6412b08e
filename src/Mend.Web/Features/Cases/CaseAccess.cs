using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>
/// Who may see which cases and people, as query filters so the rule holds in every list, page and API
/// call (SECURITY.md 4.1.3). A case is seen by its team, by its allocated worker, and, when it is
/// restricted, only by its named people and its team's managers; while a colleague covers the allocated worker's caseload,
/// its cases that are not restricted are seen by that colleague too; anyone else must break the glass.
/// A person is seen when they are on a case the user can see, or on no case yet (a new referral).
/// </summary>
public sealed class CaseAccess(MendDb db, TimeProvider clock)
{
    public IQueryable<Case> VisibleCases(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var teamId = user.TeamIdOf();
        var manager = user.IsInRole(Roles.Manager);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - BreakGlass.Lasts;
        var today = Platform.Time.London.DateOf(now);
        // A colleague covering an absent worker sees the cases allocated to them, on the days of the cover only (issue 20);
        // a restricted case still needs the colleague named on it (or the glass broken).
        var covering = db.CaseloadCovers.Where(cv => cv.CoveringUserId == userId && cv.EndedEarlyAt == null && cv.StartsOn <= today && cv.EndsOn >= today)
            .Select(cv => cv.AbsentUserId);
        return db.Cases.Where(c =>
            c.AllocatedWorkerId == userId
            || (!c.IsRestricted && covering.Any(absent => absent == c.AllocatedWorkerId))
            || (!c.IsRestricted && c.TeamId == teamId)
            || (c.IsRestricted && manager && c.TeamId == teamId)
            || (c.IsRestricted && c.AccessGrants.Any(g => g.UserId == userId))
            || db.BreakGlass.Any(b => b.CaseId == c.Id && b.UserId == userId && b.At >= since));
    }

    /// <summary>Restorative processes on the cases the user can see (panel members see theirs through PanelMeetings).</summary>
    public IQueryable<Processes.RjProcess> VisibleProcesses(ClaimsPrincipal user)
    {
        var cases = VisibleCases(user);
        return db.RjProcesses.Where(p => cases.Any(c => c.Id == p.CaseId));
    }

    /// <summary>Orders (disposals) on cases the user can see, each with its collections loaded by separate queries.</summary>
    public IQueryable<Orders.Order> VisibleOrders(ClaimsPrincipal user)
    {
        var cases = VisibleCases(user);
        return db.Orders.AsSplitQuery().Where(o => cases.Any(c => c.Id == o.CaseId));
    }

    public IQueryable<Person> VisiblePeople(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var since = clock.GetUtcNow().UtcDateTime - BreakGlass.Lasts;
        var cases = VisibleCases(user);
        return db.People.Where(p => p.MergedIntoId == null
            && (!db.CaseParticipants.Any(cp => cp.PersonId == p.Id)
                || db.CaseParticipants.Any(cp => cp.PersonId == p.Id && cases.Any(c => c.Id == cp.CaseId))
                || db.BreakGlass.Any(b => b.PersonId == p.Id && b.UserId == userId && b.At >= since)));
    }
}
