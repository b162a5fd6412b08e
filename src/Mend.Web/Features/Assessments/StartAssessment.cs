using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// Starts the first assessment of a person on a case, or a reassessment that begins from the
/// previous version's answers. A person has at most one draft at a time.
/// </summary>
public sealed class StartAssessment(MendDb db, CaseAccess access, TimeProvider clock)
{
    /// <summary>The new draft, or the error; <see cref="ExistingDraftId"/> points at a draft to carry on with instead.</summary>
    public sealed record Result(Assessment? Assessment, string? Error, Guid? ExistingDraftId = null, bool CaseNotFound = false);

    public async Task<Result> HandleAsync(Guid caseId, Guid personId, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return new Result(null, "There is no case with that id that you can see.", CaseNotFound: true);
        }

        if (@case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            return new Result(null, "The case is closed, so nobody on it can be assessed.");
        }

        var participant = @case.Participants.Where(p => p.PersonId == personId && p.EndedAt is null).OrderBy(p => p.Role).FirstOrDefault();
        if (participant is null)
        {
            return new Result(null, "Choose someone who is taking part in the case.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Assessments.Where(a => a.CaseId == caseId && a.PersonId == personId).OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        Assessment next;
        if (latest is null)
        {
            next = Assessment.Start(caseId, personId, participant.Role, 1, user.UserId(), user.DisplayNameOf(), now);
        }
        else if (latest.IsEditable)
        {
            return new Result(null, "This person already has an assessment in progress; carry on with it.", latest.Id);
        }
        else if (latest.Status == AssessmentStatus.Superseded)
        {
            next = Assessment.Start(caseId, personId, participant.Role, latest.Number + 1, user.UserId(), user.DisplayNameOf(), now);
        }
        else
        {
            next = latest.Reassess(user.UserId(), user.DisplayNameOf(), now);
        }

        db.Assessments.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone started one for the same person at the same moment (unique case, person, number).
            db.ChangeTracker.Clear();
            var draft = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId && a.PersonId == personId)
                .OrderByDescending(a => a.Number).Select(a => a.Id).FirstAsync(ct);
            return new Result(null, "Someone else has just started an assessment of this person; carry on with it.", draft);
        }

        return new Result(next, null);
    }
}
