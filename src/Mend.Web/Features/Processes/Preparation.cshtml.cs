using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Processes;

/// <summary>Records a preparation session held with one participant before the day.</summary>
public sealed class PreparationModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record) : ProcessTaskPage(db, access, audit)
{
    public sealed class PreparationForm
    {
        public string? PersonId { get; set; }
        public DateParts HeldOn { get; set; } = new();

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public PreparationForm Input { get; set; } = new();

    protected override bool Applies(RjProcess process) => ProcessTasks.CanPrepare(process);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (held, heldError) = Input.HeldOn.Parse("Date of the session");
        var outcome = await record.PreparationAsync(User, id, Version, new(Guid.TryParse(Input.PersonId, out var person) ? person : null, held, Input.Note), ct);
        if (heldError is not null)
        {
            // Every other problem at once, and what is wrong with the date as typed rather than "enter the date".
            PageOutcome.Apply(outcome, ModelState);
            ModelState.Remove("Input.HeldOn");
            ModelState.AddModelError("Input.HeldOn", heldError);
            return await ShowAgainAsync(id, ct);
        }

        return await AnswerAsync(id, outcome, "Preparation session recorded", ct);
    }
}
