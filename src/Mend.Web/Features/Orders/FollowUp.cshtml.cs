using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records how a missed appointment was followed up (due within one working day).</summary>
public sealed class FollowUpModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class FollowUpForm
    {
        /// <summary>Up to 1,000 characters.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public FollowUpForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public override string Title => "Follow up the missed appointment";

    protected override string? Subject => "contactId";

    protected override bool Applies(Order order) =>
        order.IsOpen && order.Contacts.Any(c => c.Id == ContactId && c.Attendance is Attendance.AcceptableAbsence or Attendance.UnacceptableAbsence && c.FollowedUpAt is null);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.FollowUpInput(ContactId, Input.Note), input => record.FollowUpAsync(User, id, Version, input, ct), "Follow-up recorded", ct);
}
