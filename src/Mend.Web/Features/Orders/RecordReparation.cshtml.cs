using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>Records a reparation session: where, what it counts towards, the hours worked and attendance.</summary>
public sealed class RecordReparationModel(MendDb db, CaseAccess access, AuditTrail audit, RecordOrders record) : OrderTaskPage(db, access, audit)
{
    public sealed class ReparationForm
    {
        public string? ProjectId { get; set; }
        /// <summary>"r{id}" for a requirement of the order, "a{id}" for an outcome-agreement item of reparation hours on the case.</summary>
        public string? CountsTowards { get; set; }
        public DateParts On { get; set; } = new();
        public string? Hours { get; set; }
        public string? Attendance { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public ReparationForm Input { get; set; } = new();

    public override string Title => "Record a reparation session";

    public IReadOnlyList<SelectListItem> ProjectItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CountsItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> AttendanceItems =>
        Enum.GetValues<Attendance>().Select(a => new SelectListItem(OrderWords.Describe(a), a.ToString()));

    protected override bool Applies(Order order) => order.IsOpen && order.Hours.Count > 0;

    protected override void Prefill() => Input.CountsTowards = Order.Hours.FirstOrDefault(h => h.Left > 0) is { } first ? $"r{first.RequirementId}" : null;

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var projects = await Db.ReparationProjects.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        ProjectItems = [new SelectListItem("Choose a placement or project", ""), .. projects.Select(p => new SelectListItem($"{p.Name} ({p.Supervisor})", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        var items = await Db.RjProcesses.AsNoTracking().Where(p => p.CaseId == Order.CaseId).SelectMany(p => p.Agreement)
            .Where(i => i.Kind == Processes.AgreementItemKind.ReparationHours && i.Status == Processes.AgreementStatus.Open).ToListAsync(ct);
        CountsItems = [.. Order.Hours.Select(h => new SelectListItem($"{RequirementRules.Describe(h.Kind)}: {h.Left:0.#} of {h.Ordered:0.#} hours left", $"r{h.RequirementId}")),
            .. items.Select(i => new SelectListItem($"Outcome agreement: {i.What} ({i.Hours:0.#} hours)", $"a{i.Id}"))];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, new RecordOrders.ReparationInput(OrderForms.Whole(Input.ProjectId), Towards('r'), Towards('a'), Typed(Input.On, "on", "Date of the session"), Number(Input.Hours, "hours", "Hours worked"), OrderForms.Enum<Attendance>(Input.Attendance), Input.Note), input => record.ReparationAsync(User, id, Version, input, ct),
            "Reparation session recorded", ct);

    protected override string InputFor(string field) => field is "requirementId" or "agreementItemId" ? "Input.CountsTowards" : base.InputFor(field);

    private long? Towards(char kind) =>
        Input.CountsTowards is { Length: > 1 } value && value[0] == kind && long.TryParse(value[1..], out var id) ? id : null;
}
