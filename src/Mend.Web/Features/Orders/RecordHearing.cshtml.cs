using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records what the court (or the Parish Hall) decided after a breach.</summary>
public sealed class RecordHearingModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class HearingForm
    {
        public DateParts HeardOn { get; set; } = new();

        /// <summary>Up to 2,000 characters.</summary>
        public string? Outcome { get; set; }
    }

    [BindProperty]
    public HearingForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long BreachId { get; set; }

    public override string Title => "Outcome of the hearing";

    protected override string? Subject => "breachId";

    protected override bool Applies(Order order) => order.IsOpen && order.Breaches.Any(b => b.Id == BreachId && b.Proceed && b.HeardOn is null);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.HearingInput(BreachId, Typed(Input.HeardOn, "heardOn", "Date of the hearing"), Input.Outcome), input => record.HearingAsync(User, id, Version, input, ct),
            "Hearing recorded", ct);
}
