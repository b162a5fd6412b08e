using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Arranges an appointment the child is to attend.</summary>
public sealed class ArrangeContactModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ContactForm
    {
        public DateParts At { get; set; } = new();

        /// <summary>UK time, like 14:30.</summary>
        public string? Time { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? Purpose { get; set; }

        /// <summary>The plan activity (Positive Steps) this is a session of, if any.</summary>
        public string? ActivityId { get; set; }
    }

    [BindProperty]
    public ContactForm Input { get; set; } = new();

    public override string Title => "Arrange an appointment";

    public IEnumerable<SelectListItem> ActivityItems =>
        [new SelectListItem("None", ""), .. Order.Plan.Where(a => a.Progress is not (ActivityProgress.Completed or ActivityProgress.Stopped))
            .Select(a => new SelectListItem(a.Title, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    protected override bool Applies(Order order) => order.IsOpen;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DateTime? at = null;
        if (Typed(Input.At, "at", "Date") is { } day)
        {
            var (utc, error) = Platform.Time.London.ToUtc(day, Input.Time);
            if (error is not null || utc is null)
            {
                Problem("time", error ?? "Enter the time of the appointment");
            }

            at = utc;
        }

        return await AnswerAsync(id, new RecordOrders.ContactInput(at, Input.Purpose, long.TryParse(Input.ActivityId, out var activity) ? activity : null), input => record.ArrangeContactAsync(User, id, Version, input, ct), "Appointment arranged", ct);
    }
}
