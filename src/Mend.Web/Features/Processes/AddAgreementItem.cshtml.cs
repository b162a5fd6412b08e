using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Processes;

/// <summary>Adds an item to the outcome agreement: what, who, by when (and hours, for reparation).</summary>
public sealed class AddAgreementItemModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record) : ProcessTaskPage(db, access, audit)
{
    public sealed class ItemForm
    {
        public string? Kind { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? What { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? Who { get; set; }
        public DateParts DueOn { get; set; } = new();

        /// <summary>0.5 to 200, for reparation.</summary>
        public string? Hours { get; set; }
    }

    [BindProperty]
    public ItemForm Input { get; set; } = new();

    public static IEnumerable<SelectListItem> Kinds =>
    [
        new("Apology", nameof(AgreementItemKind.Apology)), new("Repair the damage", nameof(AgreementItemKind.RepairDamage)),
        new("Hours of reparation", nameof(AgreementItemKind.ReparationHours)), new("Donation", nameof(AgreementItemKind.Donation)),
        new("Commitment about behaviour", nameof(AgreementItemKind.BehaviourCommitment)), new("Something else", nameof(AgreementItemKind.Other)),
    ];

    protected override bool Applies(RjProcess process) => ProcessTasks.CanAddItem(process);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (due, dueError) = Input.DueOn.Parse("Due date");
        decimal? hours = decimal.TryParse(Input.Hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : null;
        var kind = Enum.TryParse<AgreementItemKind>(Input.Kind, out var k) && Enum.IsDefined(k) ? k : (AgreementItemKind?)null;
        var outcome = await record.AddItemAsync(User, id, Version, new(kind, Input.What, Input.Who, due, hours), ct);
        if (dueError is not null)
        {
            PageOutcome.Apply(outcome, ModelState);
            ModelState.Remove("Input.DueOn");
            ModelState.AddModelError("Input.DueOn", dueError);
            return await ShowAgainAsync(id, ct);
        }

        return await AnswerAsync(id, outcome, "Agreement item added", ct);
    }
}
