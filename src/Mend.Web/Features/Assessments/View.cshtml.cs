using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>One assessment: its task list while in progress, the answers, and submitting, approving or returning it.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, AssessmentChecks checks, DecideAssessment decide, FieldEncryption encryption, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record OtherVersion(Guid Id, int Number, AssessmentStatus Status, DateTime StartedAt);

    public AssessmentSheet Sheet { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public string PersonName { get; private set; } = "";

    public IReadOnlyList<string> OutOfDate { get; private set; } = [];

    /// <summary>While the assessment is being written: what the approval policy would say if it were submitted now.</summary>
    public ApprovalDecision? Policy { get; private set; }

    public IReadOnlyList<OtherVersion> Versions { get; private set; } = [];

    public bool CanDecide { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Conditions { get; set; }

    [BindProperty]
    public string? ReturnReasons { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Record(AuditAction.View, nameof(Assessment), id.ToString(), subjectPersonId: Sheet.PersonId, purpose: Assessment.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var result = await decide.SubmitAsync(id, Version, User, ct);
        return await AfterAsync(id, result, "", ct, r => r.Assessment.Status == AssessmentStatus.Approved
            ? "Assessment submitted and approved: it did not need a manager's approval"
            : "Assessment sent to a manager for approval");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        var result = await decide.ApproveAsync(id, Version, Conditions, User, ct);
        return await AfterAsync(id, result, nameof(Conditions), ct, _ => "Assessment approved");
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ReturnReasons))
        {
            ModelState.AddModelError(nameof(ReturnReasons), "Enter why you are returning the assessment");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await decide.ReturnAsync(id, Version, ReturnReasons, User, ct);
        return await AfterAsync(id, result, nameof(ReturnReasons), ct, _ => "Assessment returned to the assessor with your reasons");
    }

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<DecideAssessment.Decided> outcome, string field, CancellationToken ct,
        Func<DecideAssessment.Decided, string> success)
    {
        switch (PageOutcome.Apply(outcome, ModelState, _ => field))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = success(outcome.Value!);
                return RedirectToPage(new { id });
            default:
                ModelState.Remove(nameof(Version));
                await LoadAsync(id, ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var assessment = await checks.Visible(User).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return false;
        }

        var today = clock.LondonToday();
        Sheet = AssessmentSheet.From(assessment, encryption);
        Version = assessment.Version;
        CaseReference = await db.Cases.Where(c => c.Id == assessment.CaseId).Select(c => c.Reference).SingleAsync(ct);
        PersonName = await PersonNames.OfAsync(db, assessment.PersonId, ct);
        OutOfDate = await checks.OutOfDateAsync(assessment, today, ct);
        if (assessment.IsEditable && assessment.MissingSections().Count == 0)
        {
            Policy = await checks.PolicyAsync(assessment, today, ct);
        }

        Versions = await db.Assessments.AsNoTracking().Where(a => a.CaseId == assessment.CaseId && a.PersonId == assessment.PersonId && a.Id != id)
            .OrderByDescending(a => a.Number).Select(a => new OtherVersion(a.Id, a.Number, a.Status, a.StartedAt)).ToListAsync(ct);
        var userId = User.UserId();
        CanDecide = assessment.Status == AssessmentStatus.Submitted && User.IsInRole(Roles.Manager) && userId != assessment.SubmittedById && userId != assessment.AssessorId;
        return true;
    }
}
