using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Victims;

/// <summary>The manager's list of victims whose Victims' Code entitlements are overdue or due soon, most overdue first.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class OverdueModel(CaseAccess access, VictimDeadlines deadlines) : PageModel
{
    public sealed record Item(VictimDeadlines.Row Victim, EntitlementStatus Entitlement);

    public IReadOnlyList<Item> Overdue { get; private set; } = [];

    public IReadOnlyList<Item> DueSoon { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = deadlines.Today;
        var rows = await deadlines.ForCasesAsync(access.VisibleCases(User), ct);
        var open = rows.SelectMany(r => r.Entitlements.Where(e => e.IsOpen).Select(e => new Item(r, e))).OrderBy(i => i.Entitlement.DueOn).ThenBy(i => i.Victim.CaseReference).ToList();
        Overdue = open.Where(i => i.Entitlement.State == EntitlementState.Overdue).ToList();
        DueSoon = open.Where(i => i.Entitlement.State == EntitlementState.Due && i.Entitlement.DueOn <= Today.AddDays(7)).ToList();
    }
}
