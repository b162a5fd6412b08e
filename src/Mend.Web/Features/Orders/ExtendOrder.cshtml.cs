using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Extends the order's end, once, by up to 6 months.</summary>
public sealed class ExtendOrderModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ExtendForm
    {
        public DateParts EndsOn { get; set; } = new();
    }

    [BindProperty]
    public ExtendForm Input { get; set; } = new();

    public override string Title => "Extend the order";

    protected override bool Applies(Order order) => order.IsOpen && order.EndsOn is not null && order.OriginalEndsOn is null;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.ExtendInput(Typed(Input.EndsOn, "endsOn", "New end date")), input => record.ExtendAsync(User, id, Version, input, ct), "Order extended", ct);
}
