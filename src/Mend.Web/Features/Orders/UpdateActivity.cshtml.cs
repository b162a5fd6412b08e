using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records how far an activity in the plan has got.</summary>
public sealed class UpdateActivityModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ProgressForm
    {
        public string? Progress { get; set; }

        /// <summary>Up to 2,000 characters; needed when stopped.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public ProgressForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ActivityId { get; set; }

    public PlanActivity? Activity => Order.Plan.FirstOrDefault(a => a.Id == ActivityId);

    public override string Title => "How is it going?";

    protected override string? Subject => "activityId";

    public static IEnumerable<SelectListItem> ProgressItems => Enum.GetValues<ActivityProgress>().Select(p => new SelectListItem(PlanActivity.Describe(p), p.ToString()));

    protected override bool Applies(Order order) => order.IsOpen && order.Plan.Any(a => a.Id == ActivityId);

    protected override void Prefill() => (Input.Progress, Input.Note) = (Activity?.Progress.ToString(), Activity?.ProgressNote);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.ProgressInput(ActivityId, OrderForms.Enum<ActivityProgress>(Input.Progress), Input.Note), input => record.ProgressAsync(User, id, Version, input, ct),
            "Progress recorded", ct);
}
