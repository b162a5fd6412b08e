using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Processes;

/// <summary>Marks one item of the outcome agreement done, or not done with the reason.</summary>
public sealed class SettleAgreementItemModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record) : ProcessTaskPage(db, access, audit)
{
    public sealed class SettleForm
    {
        /// <summary>"done" or "notdone".</summary>
        public string? Done { get; set; }

        /// <summary>Why not, up to 1,000 characters; needed when not done.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public SettleForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long ItemId { get; set; }

    public AgreementItem? Item => Process.Agreement.FirstOrDefault(i => i.Id == ItemId);

    public static IEnumerable<SelectListItem> Answers => [new("Done", "done"), new("Not done", "notdone")];

    protected override bool Applies(RjProcess process) => ProcessTasks.CanSettle(process, ItemId);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await record.SettleAsync(User, id, Version,
            new(ItemId, Input.Done switch { "done" => true, "notdone" => false, _ => null }, Input.Note), ct),
            Input.Done == "done" ? "Marked done" : "Marked not done", ct, field => field == "itemId" ? "" : "Input." + Platform.GovUk.PageOutcome.InputName(field));
}
