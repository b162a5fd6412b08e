using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records how and when the order ended.</summary>
public sealed class EndOrderModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class EndForm
    {
        public string? Reason { get; set; }
        public DateParts EndedOn { get; set; } = new();

        /// <summary>Up to 2,000 characters; needed for "other".</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public EndForm Input { get; set; } = new();

    public override string Title => "End the order";

    public static IEnumerable<SelectListItem> ReasonItems => Enum.GetValues<EndReason>().Select(r => new SelectListItem(DisposalKinds.Describe(r), r.ToString()));

    protected override bool Applies(Order order) => order.IsOpen;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.EndInput(OrderForms.Enum<EndReason>(Input.Reason), Typed(Input.EndedOn, "endedOn", "Date it ended"),
            Input.Note), input => record.EndAsync(User, id, Version, input, ct), "Order ended", ct);
}
