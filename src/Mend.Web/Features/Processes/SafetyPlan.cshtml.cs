using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Encryption;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Processes;

/// <summary>Writes (or rewrites) the safety plan for the day, kept encrypted.</summary>
public sealed class SafetyPlanModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record, FieldEncryption encryption) : ProcessTaskPage(db, access, audit)
{
    public sealed class SafetyPlanForm
    {
        /// <summary>Up to 8,000 characters.</summary>
        public string? Plan { get; set; }
    }

    [BindProperty]
    public SafetyPlanForm Input { get; set; } = new();

    protected override bool Applies(RjProcess process) => ProcessTasks.CanPrepare(process);

    protected override void Prefill() =>
        Input.Plan = Process.SafetyPlanCiphertext is null ? null : encryption.Decrypt(Process.SafetyPlanCiphertext);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await record.SafetyPlanAsync(User, id, Version, new(Input.Plan), ct), "Safety plan saved", ct);
}
