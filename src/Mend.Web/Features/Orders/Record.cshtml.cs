using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>Records a disposal on a case, in the words of the case's jurisdiction.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class RecordModel(CaseAccess access, RecordOrders record) : PageModel
{
    public sealed class OrderForm
    {
        public string? Kind { get; set; }
        public DateParts DecidedOn { get; set; } = new();
        public DateParts ConvictedOn { get; set; } = new();
        public DateParts StartsOn { get; set; } = new();
        public string? LengthMonths { get; set; }
        public DateParts EndsOn { get; set; } = new();
        public string? Level { get; set; }
        public string? Court { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? DecidedBy { get; set; }
        public DateParts ReturnOn { get; set; } = new();
    }

    public Case Case { get; private set; } = default!;

    [BindProperty]
    public OrderForm Input { get; set; } = new();

    public IEnumerable<SelectListItem> KindItems =>
        DisposalKinds.All.Where(d => d.Jurisdiction == Case.Jurisdiction).Select(d => new SelectListItem(d.Name, d.Kind.ToString()));

    public static IEnumerable<SelectListItem> LevelItems => Enum.GetValues<InterventionLevel>().Select(l => new SelectListItem(OrderWords.Describe(l), l.ToString()));

    public static IEnumerable<SelectListItem> CourtItems => Enum.GetValues<JerseyCourt>().Select(c => new SelectListItem(DisposalKinds.Describe(c), c.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        Input.Level = nameof(InterventionLevel.Standard);
        return await LoadAsync(caseId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }

        var typed = new Dictionary<string, string>();
        DateOnly? Date(DateParts parts, string field, string label)
        {
            var (day, error) = parts.Parse(label);
            if (error is not null)
            {
                typed[field] = error;
            }

            return day;
        }

        var input = new RecordOrders.OrderInput(OrderForms.Enum<DisposalKind>(Input.Kind), Date(Input.DecidedOn, "DecidedOn", "Date of the decision"),
            Date(Input.ConvictedOn, "ConvictedOn", "Conviction date"), Date(Input.StartsOn, "StartsOn", "Start date"), OrderForms.Whole(Input.LengthMonths),
            Date(Input.EndsOn, "EndsOn", "End date"), OrderForms.Enum<InterventionLevel>(Input.Level), OrderForms.Enum<JerseyCourt>(Input.Court), Input.DecidedBy,
            Date(Input.ReturnOn, "ReturnOn", "Return date"));
        if (typed.Count > 0)
        {
            foreach (var (field, error) in typed)
            {
                ModelState.AddModelError("Input." + field, error);
            }

            return Page();
        }

        var outcome = await record.RecordAsync(User, caseId, input, ct);
        switch (PageOutcome.Apply(outcome, ModelState))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = $"{outcome.Value!.Info.Name} recorded";
                return RedirectToPage("/Orders/View", new { id = outcome.Value.Id });
            default:
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        Case = @case!;
        return @case is not null;
    }
}
