using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Processes;

/// <summary>Records how the process ended; a meeting still to come is cancelled in the invitees' diaries.</summary>
public sealed class ConcludeModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record) : ProcessTaskPage(db, access, audit)
{
    public sealed class OutcomeForm
    {
        public string? Outcome { get; set; }

        /// <summary>Up to 200 characters; needed when withdrawn.</summary>
        public string? WithdrawnBy { get; set; }

        /// <summary>Up to 2,000 characters; needed unless completed.</summary>
        public string? Reason { get; set; }
    }

    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    public static IEnumerable<SelectListItem> Outcomes =>
        new[] { ProcessStatus.Completed, ProcessStatus.PartiallyCompleted, ProcessStatus.Withdrawn, ProcessStatus.NotSuitable }
            .Select(o => new SelectListItem(ProcessWords.Describe(o), o.ToString()));

    protected override bool Applies(RjProcess process) => ProcessTasks.CanConclude(process);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await record.ConcludeAsync(User, id, Version,
            new(Enum.TryParse<ProcessStatus>(Input.Outcome, out var o) && Enum.IsDefined(o) ? o : null, Input.WithdrawnBy, Input.Reason), ct), "Outcome recorded", ct);
}
