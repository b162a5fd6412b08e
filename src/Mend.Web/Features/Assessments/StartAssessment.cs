using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// Starts the first assessment of a person on a case, or a reassessment that begins from the
/// previous version's answers. A person has at most one draft at a time.
/// </summary>
public sealed class StartAssessment(MendDb db, CaseAccess access, TimeProvider clock)
{
    /// <summary>The new draft; invalid (on personId) when nobody on the case can be assessed; exists with the draft to carry on with.</summary>
    public async Task<Outcome<Assessment>> HandleAsync(Guid caseId, Guid personId, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return Outcome<Assessment>.NotFound();
        }

        if (@case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            return Outcome<Assessment>.Invalid("personId", "The case is closed, so nobody on it can be assessed.");
        }

        var participant = @case.Participants.Where(p => p.PersonId == personId && p.EndedAt is null).OrderBy(p => p.Role).FirstOrDefault();
        if (participant is null)
        {
            return Outcome<Assessment>.Invalid("personId", "Choose someone who is taking part in the case.");
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
            return Outcome<Assessment>.Exists("This person already has an assessment in progress; carry on with it.", latest.Id);
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
            return Outcome<Assessment>.Exists("Someone else has just started an assessment of this person; carry on with it.", draft);
        }

        return Outcome<Assessment>.Done(next);
    }
}
