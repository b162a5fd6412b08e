using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Orders;

/// <summary>Adds a requirement or condition to an order, checked against the law in force on the conviction date.</summary>
public sealed class AddRequirementModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class RequirementForm
    {
        public string? Kind { get; set; }

        /// <summary>Hours or days, by kind (see the hint).</summary>
        public string? Amount { get; set; }
        public string? DailyHours { get; set; }
        public string? WeeklyHours { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? Detail { get; set; }

        /// <summary>Who does what; up to 200 characters.</summary>
        public string? Responsible { get; set; }
    }

    [BindProperty]
    public RequirementForm Input { get; set; } = new();

    public override string Title => "Add a requirement";

    public IEnumerable<SelectListItem> KindItems => RequirementRules.KindsFor(Order.Kind).Select(k => new SelectListItem(RequirementRules.Describe(k), k.ToString()));

    protected override bool Applies(Order order) => order.IsOpen && order.Info.HasRequirements;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.RequirementInput(OrderForms.Enum<RequirementKind>(Input.Kind), Number(Input.Amount, "amount", "Hours or days"),
            Whole(Input.DailyHours, "dailyHours", "Hours a day"), Whole(Input.WeeklyHours, "weeklyHours", "Hours in any 7 days"), Input.Detail, Input.Responsible), input => record.AddRequirementAsync(User, id, Version, input, ct), "Requirement added", ct);
}
