using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Orders;

/// <summary>Records a review of the intervention plan, due at least every three months.</summary>
public sealed class ReviewPlanModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ReviewForm
    {
        public DateParts ReviewedOn { get; set; } = new();

        /// <summary>Up to 2,000 characters.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public override string Title => "Review the plan";

    protected override bool Applies(Order order) => order.IsOpen && order.Plan.Count > 0;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.ReviewInput(Typed(Input.ReviewedOn, "reviewedOn", "Date of the review"), Input.Note), input => record.ReviewAsync(User, id, Version, input, ct),
            "Plan review recorded", ct);
}
