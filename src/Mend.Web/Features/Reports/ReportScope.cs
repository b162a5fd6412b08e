using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Which cases a report counts: those the user may see (<see cref="CaseAccess"/>) other than by breaking the glass, of one
/// jurisdiction, and, when a team
/// is chosen, of that team only. A manager manages the team they belong to, so that is the one team they may choose.
/// </summary>
public sealed record ReportScope(Guid? TeamId, Jurisdiction Jurisdiction)
{
    /// <summary>The England and Wales cases the user may see: the YJB returns count nothing else.</summary>
    public static readonly ReportScope YouthJustice = new(null, Jurisdiction.EnglandAndWales);

    public IQueryable<Case> Cases(MendDb db, ClaimsPrincipal user, TimeProvider clock)
    {
        var (team, jurisdiction) = (TeamId, Jurisdiction);
        var (userId, ownTeam) = (user.UserId(), user.TeamIdOf());
        // Cases seen only by breaking the glass are for that emergency, not for reporting.
        var visible = new CaseAccess(db, clock).VisibleCases(user)
            .Where(c => c.Jurisdiction == jurisdiction && (c.TeamId == ownTeam || c.AllocatedWorkerId == userId || c.AccessGrants.Any(g => g.UserId == userId)));
        return team is null ? visible : visible.Where(c => c.TeamId == team);
    }

    /// <summary>
    /// The scope asked for, or the errors by field: a team the user manages (<paramref name="team"/>, or all they may see when
    /// null) and a jurisdiction by name (<c>EnglandAndWales</c> or <c>Jersey</c>; the service's own when null).
    /// </summary>
    public static (ReportScope? Scope, Dictionary<string, string> Errors) Choose(ClaimsPrincipal user, Guid? team, string? jurisdiction,
        Jurisdiction serviceJurisdiction)
    {
        var errors = new Dictionary<string, string>();
        if (WhyNotTeam(user, team) is { } why)
        {
            errors["team"] = why;
        }

        var chosen = serviceJurisdiction;
        if (jurisdiction is { Length: > 0 } && !(Enum.TryParse(jurisdiction, ignoreCase: true, out chosen) && Enum.IsDefined(chosen)))
        {
            errors["jurisdiction"] = "Choose England and Wales (EnglandAndWales) or Jersey";
        }

        return errors.Count == 0 ? (new ReportScope(team, chosen), errors) : (null, errors);
    }

    /// <summary>The team choices for a report page: all the cases the user may see, or the team they manage.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> TeamItemsAsync(MendDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var teamId = user.TeamIdOf();
        var name = teamId is null ? null : await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        return [new("All the cases you can see", ""), .. name is null ? [] : new[] { new SelectListItem($"{name} (your team)", teamId.ToString()) }];
    }

    /// <summary>A team field's value as a team id: null when empty, and an id no one manages when it is not an id.</summary>
    public static Guid? TeamFrom(string? text) => string.IsNullOrEmpty(text) ? null : Guid.TryParse(text, out var id) ? id : Guid.Empty;

    /// <summary>The team a report may be narrowed to, or the message for the <c>team</c> field when the user does not manage it.</summary>
    public static string? WhyNotTeam(ClaimsPrincipal user, Guid? team) =>
        team is null || team == user.TeamIdOf() ? null : "Choose a team you manage: you can report only on your own team";
}
