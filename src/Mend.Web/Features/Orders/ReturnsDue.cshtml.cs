using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Orders;

/// <summary>The manager's list of orders needing action across the service: returns to court (or the Parish Hall) due first, then warnings and follow-ups.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class ReturnsDueModel(CaseAccess access, OrdersDue due) : PageModel
{
    public IReadOnlyList<OrdersDue.Item> Returns { get; private set; } = [];

    public IReadOnlyList<OrdersDue.Item> Others { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = await due.ForAsync(access.VisibleCases(User), ct, most: 500);
        Returns = items.Where(i => i.Compliance.BreachActionDue).ToList();
        Others = items.Where(i => !i.Compliance.BreachActionDue && i.Urgent).ToList();
    }
}
