using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
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
    public enum Outcome
    {
        Done,
        NotFound,
        Refused,
        Conflict,
    }

    public sealed record Result(Outcome Outcome, Assessment? Assessment, string? Message = null, ApprovalDecision? Policy = null)
    {
        /// <summary>As the one outcome type the API adapter answers (this result type is to be replaced by it).</summary>
        public Platform.Changes.Outcome<Result> ToOutcome() => Outcome switch
        {
            DecideAssessment.Outcome.Done => Platform.Changes.Outcome<Result>.Done(this),
            DecideAssessment.Outcome.NotFound => Platform.Changes.Outcome<Result>.NotFound(),
            DecideAssessment.Outcome.Conflict => Platform.Changes.Outcome<Result>.Stale(Message + "."),
            _ => Platform.Changes.Outcome<Result>.Refused(Message ?? "That change is not allowed"),
        };
    }

    /// <summary>
    /// Submits a complete draft. When the approval policy does not need a manager, submitting it is
    /// the assessor's own approval, recorded as such.
    /// </summary>
    public Task<Result> SubmitAsync(Guid id, int versionSeen, ClaimsPrincipal user, CancellationToken ct) =>
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

    public Task<Result> ApproveAsync(Guid id, int versionSeen, string? conditions, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, versionSeen, user, ct, async (assessment, now, today) =>
        {
            if (conditions?.Trim().Length > RecordAnswers.LongestNote)
            {
                throw new DomainRuleException($"Conditions must be {RecordAnswers.LongestNote:N0} characters or fewer.");
            }

            var outOfDate = await checks.OutOfDateAsync(assessment, today, ct);
            assessment.Approve(user.UserId(), user.DisplayNameOf(), user.IsInRole(Roles.Manager), conditions, outOfDate, encryption, now);
            await SupersedeEarlierAsync(assessment, now, ct);
            TellAssessor(assessment, user, "approved");
            return null;
        });

    public Task<Result> ReturnAsync(Guid id, int versionSeen, string? reasons, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, versionSeen, user, ct, (assessment, now, _) =>
        {
            if (reasons?.Trim().Length > RecordAnswers.LongestNote)
            {
                throw new DomainRuleException($"Reasons must be {RecordAnswers.LongestNote:N0} characters or fewer.");
            }

            assessment.Return(user.UserId(), user.DisplayNameOf(), user.IsInRole(Roles.Manager), reasons ?? "", encryption, now);
            TellAssessor(assessment, user, "returned to you");
            return Task.FromResult<ApprovalDecision?>(null);
        });

    private async Task<Result> DecideAsync(Guid id, int versionSeen, ClaimsPrincipal user, CancellationToken ct,
        Func<Assessment, DateTime, DateOnly, Task<ApprovalDecision?>> decide)
    {
        var assessment = await checks.Visible(user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return new Result(Outcome.NotFound, null, "There is no assessment with that id that you can see.");
        }

        if (assessment.Version != versionSeen)
        {
            return new Result(Outcome.Conflict, assessment, ConflictMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        ApprovalDecision? policy;
        try
        {
            policy = await decide(assessment, now, London.DateOf(now));
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return new Result(Outcome.Refused, assessment, ex.Message);
        }

        if (!await db.SaveAtVersionAsync(assessment, versionSeen, ct))
        {
            return new Result(Outcome.Conflict, null, ConflictMessage);
        }

        await notify.SendEmailsAsync(ct);
        return new Result(Outcome.Done, assessment, null, policy);
    }

    public const string ConflictMessage = "Someone else changed or decided this assessment while you were looking at it. Check the latest version and try again";

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
