using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Records whether the child attended an appointment that has happened.</summary>
public sealed class RecordAttendanceModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class AttendanceForm
    {
        public string? Attendance { get; set; }

        /// <summary>Up to 1,000 characters; needed when they did not attend.</summary>
        public string? Reason { get; set; }
    }

    [BindProperty]
    public AttendanceForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public override string Title => "Did they attend?";

    protected override string? Subject => "contactId";

    public OrderContact? Contact => Order.Contacts.FirstOrDefault(c => c.Id == ContactId);

    public static IEnumerable<SelectListItem> AttendanceItems =>
        Enum.GetValues<Attendance>().Select(a => new SelectListItem(OrderWords.Describe(a), a.ToString()));

    protected override bool Applies(Order order) => order.IsOpen && order.Contacts.Any(c => c.Id == ContactId) && Order.AttendanceCorrectable(order, ContactId);

    protected override void Prefill()
    {
        Input.Attendance = Contact?.Attendance?.ToString();
        Input.Reason = Contact?.AbsenceReason;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.AttendanceInput(ContactId, OrderForms.Enum<Attendance>(Input.Attendance), Input.Reason), input => record.AttendanceAsync(User, id, Version, input, ct),
            "Attendance recorded", ct);
}
