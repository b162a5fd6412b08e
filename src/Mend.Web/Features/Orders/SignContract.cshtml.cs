using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records the day a referral order's contract was signed; the order runs from that day.</summary>
public sealed class SignContractModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ContractForm
    {
        public DateParts SignedOn { get; set; } = new();
    }

    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public override string Title => "The contract was signed";

    protected override bool Applies(Order order) => order.IsOpen && order.Kind == DisposalKind.ReferralOrder && order.StartsOn is null;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.SignInput(Typed(Input.SignedOn, "signedOn", "Date the contract was signed")), input => record.SignContractAsync(User, id, Version, input, ct),
            "Contract recorded: the order runs from that day", ct);
}
