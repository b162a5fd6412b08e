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

    /// <summary>The API field naming what the page is about (the appointment, the breach action), taken from its address, not typed.</summary>
    protected virtual string? Subject => null;

    /// <summary>
    /// The form input an outcome's field is shown on: "heldOn" is "Input.HeldOn"; the <see cref="Subject"/> has no input,
    /// so its errors go to the error summary alone.
    /// </summary>
    protected virtual string InputFor(string field) => field == Subject ? "" : "Input." + PageOutcome.InputName(field);

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
            Problem(field, error);
        }

        return day;
    }

    /// <summary>A number as typed (hours, days); empty is null, anything else that is not a number is an error on its field.</summary>
    protected decimal? Number(string? typed, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var number = OrderForms.Number(typed.Trim());
        if (number is null)
        {
            Problem(field, $"{label} must be a number, like 2 or 1.5");
        }

        return number;
    }

    /// <summary>A whole number as typed; empty is null, anything else that is not a whole number is an error on its field.</summary>
    protected int? Whole(string? typed, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var number = OrderForms.Whole(typed.Trim());
        if (number is null)
        {
            Problem(field, $"{label} must be a whole number, like 4");
        }

        return number;
    }

    /// <summary>Something typed that cannot be read, on the API field it feeds (its form input has the same name).</summary>
    protected void Problem(string field, string error) => _typed[field] = error;

    /// <summary>
    /// Runs the change on the input read from the form, unless something typed could not be read: then nothing is changed
    /// (an unreadable optional date must not be saved as no date), and the form shows what to correct.
    /// </summary>
    protected async Task<IActionResult> AnswerAsync<TInput>(Guid id, TInput input, Func<TInput, Task<Outcome<Order>>> change, string success, CancellationToken ct)
    {
        var answer = _typed.Count == 0 ? PageOutcome.Apply(await change(input), ModelState, InputFor) : PageAnswer.ShowAgain;
        foreach (var (field, error) in _typed)
        {
            ModelState.Remove(InputFor(field));
            ModelState.AddModelError(InputFor(field), error);
        }

        switch (answer)
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
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
