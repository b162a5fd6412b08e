using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records a warning for an unacceptable absence.</summary>
public sealed class GiveWarningModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class WarningForm
    {
        public DateParts GivenOn { get; set; } = new();
    }

    [BindProperty]
    public WarningForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public override string Title => "Give a warning";

    protected override string? Subject => "contactId";

    protected override bool Applies(Order order) => order.IsOpen && CompliancePolicy.StepFor(order, ContactId) is { Kind: EnforcementStep.Warning };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.WarningInput(ContactId, Typed(Input.GivenOn, "givenOn", "Date the warning was given")), input => record.WarningAsync(User, id, Version, input, ct),
            "Warning recorded", ct);
}
