using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Processes;

/// <summary>Records what happened: who attended and spoke, the record of the meeting (encrypted) and the follow-up plan.</summary>
public sealed class RecordMeetingModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record, TimeProvider clock) : ProcessTaskPage(db, access, audit)
{
    public sealed class MeetingForm
    {
        public List<string> Attended { get; set; } = [];
        public List<string> Spoke { get; set; } = [];

        /// <summary>Up to 20,000 characters, kept encrypted.</summary>
        public string? Record { get; set; }

        /// <summary>Up to 4,000 characters.</summary>
        public string? FollowUp { get; set; }
    }

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    protected override bool Applies(RjProcess process) => ProcessTasks.CanRecord(process, clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await record.MeetingAsync(User, id, Version, new(
            Input.Attended.Select(a => new RecordProcess.AttendanceInput(Guid.TryParse(a, out var g) ? g : Guid.Empty, true, Input.Spoke.Contains(a))).ToList(),
            Input.Record, Input.FollowUp), ct), "Meeting recorded", ct);
}
