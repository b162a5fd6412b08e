using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>
/// The shape of a page that does one task on an order (decision 0010), as <see cref="Processes.ProcessTaskPage"/>: it loads
/// the order the user may see, binds one nested <c>Input</c> that becomes <see cref="RecordOrders"/>' request, and answers
/// the outcome: back to the order with a banner, or the form again with each error on its field.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class OrderTaskPage(MendDb db, CaseAccess access, AuditTrail audit) : PageModel
{
    private readonly Dictionary<string, string> _typed = [];

    public Order Order { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public string ChildName { get; private set; } = "";

    [BindProperty]
    public int Version { get; set; }

    public abstract string Title { get; }

    protected abstract bool Applies(Order order);

    protected virtual void Prefill()
    {
    }

    /// <summary>Loads what the form needs beyond the order (placements and projects).</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    protected MendDb Db => db;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Applies(Order))
        {
            return RedirectToPage("/Orders/View", new { id });
        }

        Prefill();
        audit.Viewed(nameof(Orders.Order), id.ToString(), await OrderPeople.ChildrenAsync(db, Order.CaseId, ct), Order.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>A date as typed; what is wrong with it is shown on its field with the operation's other errors.</summary>
    protected DateOnly? Typed(DateParts parts, string field, string label)
    {
        var (day, error) = parts.Parse(label);
        if (error is not null)
        {
            _typed[field] = error;
        }

        return day;
    }

    protected async Task<IActionResult> AnswerAsync(Guid id, Outcome<Order> outcome, string success, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(outcome, ModelState);
        foreach (var (field, error) in _typed)
        {
            ModelState.Remove("Input." + PageOutcome.InputName(field));
            ModelState.AddModelError("Input." + PageOutcome.InputName(field), error);
        }

        switch (answer)
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done when _typed.Count == 0:
                TempData["Success"] = success;
                return RedirectToPage("/Orders/View", new { id });
            default:
                ModelState.Remove(nameof(Version));
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var order = await access.VisibleOrders(User).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return false;
        }

        Order = order;
        Version = order.Version;
        CaseReference = await db.Cases.Where(c => c.Id == order.CaseId).Select(c => c.Reference).SingleAsync(ct);
        ChildName = await OrderPeople.ChildNameAsync(db, order.CaseId, ct);
        ViewData["Task"] = Title;
        ViewData["Caption"] = $"{order.Info.Name}, {ChildName}, case {CaseReference}";
        ViewData["Back"] = $"/Orders/{order.Id}";
        ViewData["BackText"] = "Back to the order";
        await LoadChoicesAsync(ct);
        return true;
    }
}

/// <summary>Who an order is about: the young people on its case.</summary>
public static class OrderPeople
{
    public static async Task<IReadOnlyList<Guid>> ChildrenAsync(MendDb db, Guid caseId, CancellationToken ct) =>
        await db.CaseParticipants.Where(p => p.CaseId == caseId && p.Role == ParticipantRole.YoungPerson).Select(p => p.PersonId).ToListAsync(ct);

    public static async Task<string> ChildNameAsync(MendDb db, Guid caseId, CancellationToken ct)
    {
        var names = await People.PersonNames.OfAsync(db, await ChildrenAsync(db, caseId, ct), ct);
        return names.Count == 0 ? "the child" : string.Join(", ", names.Values);
    }
}
