using System.Linq.Expressions;
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
/// The case rule is written once (<c>Rule</c>) and expanded into every query that applies it.
/// </summary>
public sealed class CaseAccess(MendDb db, TimeProvider clock)
{
    /// <summary>Who is looking, as the access rule's parameters: the user, their team, whether they manage it, London's date
    /// (for caseload cover) and the earliest break-glass that still counts (now less <see cref="BreakGlass.Lasts"/>).</summary>
    internal readonly record struct Viewer(Guid UserId, Guid? TeamId, bool IsManager, DateOnly Today, DateTime BreakGlassSince);

    /// <summary>The user as the access rule sees them, now.</summary>
    internal Viewer ViewerOf(ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new(user.UserId(), user.TeamIdOf(), user.IsInRole(Roles.Manager), Platform.Time.London.DateOf(now), now - BreakGlass.Lasts);
    }

    public IQueryable<Case> VisibleCases(ClaimsPrincipal user) => VisibleCases(ViewerOf(user));

    internal IQueryable<Case> VisibleCases(Viewer viewer) => VisibleCases(db, viewer);

    /// <summary>The cases <paramref name="viewer"/> can see, in <paramref name="db"/>.</summary>
    internal static IQueryable<Case> VisibleCases(MendDb db, Viewer viewer)
    {
        var (userId, teamId, manager, today, since) = viewer;
        return db.Cases.Where(Expand<Func<Case, bool>>(c => Sees(db, c, userId, teamId, manager, today, since)));
    }

    /// <summary>
    /// The rule itself, the one place it is written: whether <c>c</c> is seen by the user with <c>userId</c> in team <c>teamId</c>
    /// (a manager of it or not) on London's <c>today</c>, counting break-glass since <c>since</c>. A colleague covering an absent
    /// worker sees the cases allocated to them, on the days of the cover only (issue 20); a restricted case still needs the
    /// colleague named on it (or the glass broken). Used in queries through <see cref="Sees"/> and <see cref="Expand{T}"/>,
    /// so that a compiled query (<see cref="CaseFile"/>) applies the same rule as <see cref="VisibleCases(Viewer)"/>.
    /// </summary>
    private static readonly Expression<Func<MendDb, Case, Guid, Guid?, bool, DateOnly, DateTime, bool>> Rule =
        (db, c, userId, teamId, manager, today, since) =>
            c.AllocatedWorkerId == userId
            || (!c.IsRestricted && db.CaseloadCovers.Where(cv => cv.CoveringUserId == userId && cv.EndedEarlyAt == null && cv.StartsOn <= today && cv.EndsOn >= today)
                .Select(cv => cv.AbsentUserId).Any(absent => absent == c.AllocatedWorkerId))
            || (!c.IsRestricted && c.TeamId == teamId)
            || (c.IsRestricted && manager && c.TeamId == teamId)
            || (c.IsRestricted && c.AccessGrants.Any(g => g.UserId == userId))
            || db.BreakGlass.Any(b => b.CaseId == c.Id && b.UserId == userId && b.At >= since);

    /// <summary>Stands for <see cref="Rule"/> in a query written for <see cref="Expand{T}"/>; it cannot be called.</summary>
    /// <exception cref="InvalidOperationException">Always: the query was not expanded.</exception>
    internal static bool Sees(MendDb db, Case c, Guid userId, Guid? teamId, bool manager, DateOnly today, DateTime since) =>
        throw new InvalidOperationException($"{nameof(Sees)} stands for the access rule in a query, which must be inlined first ({nameof(Expand)}, or {nameof(QueryParts)}.{nameof(QueryParts.Inline)} with {nameof(RulePart)}).");

    /// <summary>The query with each call of <see cref="Sees"/> replaced by the rule, its arguments in place of the rule's parameters.</summary>
    internal static Expression<T> Expand<T>(Expression<T> query) => QueryParts.Inline(query, RulePart);

    /// <summary>The rule as a part of queries, standing in for <see cref="Sees"/>.</summary>
    internal static readonly QueryParts.Part RulePart = QueryParts.For(typeof(CaseAccess), nameof(Sees), Rule);

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
        var viewer = ViewerOf(user);
        var (userId, since) = (viewer.UserId, viewer.BreakGlassSince);
        var cases = VisibleCases(viewer);
        return db.People.Where(p => p.MergedIntoId == null
            && (!db.CaseParticipants.Any(cp => cp.PersonId == p.Id)
                || db.CaseParticipants.Any(cp => cp.PersonId == p.Id && cases.Any(c => c.Id == cp.CaseId))
                || db.BreakGlass.Any(b => b.PersonId == p.Id && b.UserId == userId && b.At >= since)));
    }
}
