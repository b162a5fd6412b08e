using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>A manager's decision on a return to court (or the Parish Hall) that is due.</summary>
public sealed class DecideBreachModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class BreachForm
    {
        public string? Proceed { get; set; }

        /// <summary>Up to 2,000 characters.</summary>
        public string? Reasons { get; set; }
    }

    [BindProperty]
    public BreachForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public override string Title => "Return to " + DisposalKinds.ReturnTo(Order.Kind) + "?";

    protected override string? Subject => "contactId";

    public IEnumerable<SelectListItem> ProceedItems =>
        [new($"Yes: return the child to {DisposalKinds.ReturnTo(Order.Kind)}", "yes"), new("No: it is not in the interest of justice", "no")];

    protected override bool Applies(Order order) => order.IsOpen && User.IsInRole(Platform.Auth.Roles.Manager) && CompliancePolicy.StepFor(order, ContactId) is { Kind: EnforcementStep.ReturnToCourt, Taken: false };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.BreachInput(ContactId, Input.Proceed switch { "yes" => true, "no" => false, _ => null },
            Input.Reasons), input => record.BreachDecisionAsync(User, id, Version, input, ct), "Decision recorded", ct);
}
