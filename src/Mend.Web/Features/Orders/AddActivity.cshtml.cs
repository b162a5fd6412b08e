using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>Adds an activity to the order's intervention plan (or a Jersey probation work plan), or refers the child to Positive Steps.</summary>
public sealed class AddActivityModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ActivityForm
    {
        /// <summary>Up to 200 characters.</summary>
        public string? Title { get; set; }
        public string? AgencyId { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? Owner { get; set; }
        public DateParts StartsOn { get; set; } = new();
        public DateParts EndsOn { get; set; } = new();
        public string? PositiveSteps { get; set; }
    }

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public override string Title => "Add to the plan";

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    protected override bool Applies(Order order) => order.IsOpen && order.Info.Supervised;

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var agencies = await Db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(ct);
        AgencyItems = [new SelectListItem("The service itself", ""), .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.ActivityInput(Input.Title, OrderForms.Whole(Input.AgencyId), Input.Owner,
            Typed(Input.StartsOn, "startsOn", "Start date"), Typed(Input.EndsOn, "endsOn", "End date"), Input.PositiveSteps == "yes"), input => record.ActivityAsync(User, id, Version, input, ct), "Added to the plan", ct);
}
