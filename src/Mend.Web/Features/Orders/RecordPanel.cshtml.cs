using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records a youth offender panel meeting on a referral order: initial, progress or final.</summary>
public sealed class RecordPanelModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class PanelForm
    {
        public string? Kind { get; set; }
        public DateParts HeldOn { get; set; } = new();
        public string? ParentAttended { get; set; }

        /// <summary>Up to 2,000 characters.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public PanelForm Input { get; set; } = new();

    public override string Title => "Record a panel meeting";

    public IEnumerable<SelectListItem> KindItems =>
        Order.Panels.Any(p => p.Kind == PanelKind.Initial)
            ? [new("Progress meeting", nameof(PanelKind.Progress)), new("Final meeting", nameof(PanelKind.Final))]
            : [new("Initial meeting (agrees the contract)", nameof(PanelKind.Initial))];

    protected override bool Applies(Order order) =>
        order.IsOpen && order.Kind == DisposalKind.ReferralOrder && order.Panels.All(p => p.Kind != PanelKind.Final);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.PanelInput(OrderForms.Enum<PanelKind>(Input.Kind), Typed(Input.HeldOn, "heldOn", "Date the panel met"),
            Input.ParentAttended switch { "yes" => true, "no" => false, _ => null }, Input.Note), input => record.PanelAsync(User, id, Version, input, ct), "Panel meeting recorded", ct);
}
