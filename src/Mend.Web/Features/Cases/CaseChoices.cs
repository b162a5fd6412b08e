using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Cases;

/// <summary>The choices offered when managing a case: its risk level, whether it is restricted, and why it is closing.</summary>
public static class CaseChoices
{
    public static IEnumerable<SelectListItem> RiskItems =>
        Enum.GetValues<RiskLevel>().Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

    public static IEnumerable<SelectListItem> RestrictionItems =>
        [new("No: the case's team can see it", "no"), new("Yes: only the people named below, the allocated worker and the team's managers", "yes")];

    public static IEnumerable<SelectListItem> ClosureItems =>
        Enum.GetValues<ClosureReason>().Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));
}
