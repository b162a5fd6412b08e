using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// Submitting, approving and returning an assessment, for pages and the API alike. Each checks the
/// version the user saw, so two managers deciding at once cannot both win.
/// </summary>
public sealed class DecideAssessment(MendDb db, AssessmentChecks checks, FieldEncryption encryption, Notify notify, TimeProvider clock)
{
    /// <summary>A decision made: the assessment as saved, and for a submission the approval policy that applied.</summary>
    public sealed record Decided(Assessment Assessment, ApprovalDecision? Policy);

    /// <summary>
    /// Submits a complete draft. When the approval policy does not need a manager, submitting it is
    /// the assessor's own approval, recorded as such.
    /// </summary>
    public Task<Outcome<Decided>> SubmitAsync(Guid id, int versionSeen, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, versionSeen, user, ct, async (assessment, now, today) =>
        {
            var policy = await checks.PolicyAsync(assessment, today, ct);
            assessment.Submit(policy, user.UserId(), user.DisplayNameOf(), now);
            if (!policy.ManagerRequired)
            {
                assessment.Approve(user.UserId(), user.DisplayNameOf(), user.IsInRole(Roles.Manager), null, [], encryption, now);
                await SupersedeEarlierAsync(assessment, now, ct);
            }

            return policy;
        });

    public Task<Outcome<Decided>> ApproveAsync(Guid id, int versionSeen, string? conditions, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, versionSeen, user, ct, async (assessment, now, today) =>
        {
            if (conditions?.Trim().Length > RecordAnswers.LongestNote)
            {
                throw new DomainRuleException($"Conditions must be {RecordAnswers.LongestNote:N0} characters or fewer.", "conditions");
            }

            var outOfDate = await checks.OutOfDateAsync(assessment, today, ct);
            assessment.Approve(user.UserId(), user.DisplayNameOf(), user.IsInRole(Roles.Manager), conditions, outOfDate, encryption, now);
            await SupersedeEarlierAsync(assessment, now, ct);
            TellAssessor(assessment, user, "approved");
            return null;
        });

    public Task<Outcome<Decided>> ReturnAsync(Guid id, int versionSeen, string? reasons, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, versionSeen, user, ct, (assessment, now, _) =>
        {
            if (reasons?.Trim().Length > RecordAnswers.LongestNote)
            {
                throw new DomainRuleException($"Reasons must be {RecordAnswers.LongestNote:N0} characters or fewer.", "reasons");
            }

            assessment.Return(user.UserId(), user.DisplayNameOf(), user.IsInRole(Roles.Manager), reasons ?? "", encryption, now);
            TellAssessor(assessment, user, "returned to you");
            return Task.FromResult<ApprovalDecision?>(null);
        });

    private async Task<Outcome<Decided>> DecideAsync(Guid id, int versionSeen, ClaimsPrincipal user, CancellationToken ct,
        Func<Assessment, DateTime, DateOnly, Task<ApprovalDecision?>> decide)
    {
        ApprovalDecision? policy = null;
        var outcome = await VersionedChange.RunAsync(db, checks.Visible(user).Where(a => a.Id == id), versionSeen, async (assessment, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            policy = await decide(assessment, now, London.DateOf(now));
        }, Assessment.StaleMessage, ct, wholeRecordRulesRefuse: true);
        if (outcome.IsDone)
        {
            await notify.SendEmailsAsync(ct);
        }

        return outcome.Map(assessment => new Decided(assessment, policy));
    }

    private async Task SupersedeEarlierAsync(Assessment approved, DateTime now, CancellationToken ct)
    {
        var earlier = await db.Assessments.Where(a => a.CaseId == approved.CaseId && a.PersonId == approved.PersonId && a.Number < approved.Number
            && (a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.Submitted)).ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.Supersede(now);
        }
    }

    private void TellAssessor(Assessment assessment, ClaimsPrincipal decider, string what)
    {
        var recipients = new[] { assessment.SubmittedById, assessment.AssessorId }.OfType<Guid>().Distinct().Where(u => u != decider.UserId());
        foreach (var userId in recipients)
        {
            notify.User(userId, $"An assessment you submitted was {what} by {decider.DisplayNameOf()}", $"/Assessments/{assessment.Id}",
                $"an assessment you submitted was {what}");
        }
    }
}
