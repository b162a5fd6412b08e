using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// The safety gate before any restorative process: everyone taking part (except professionals and
/// interpreters there in their working capacity) needs an approved, in-date assessment that
/// recommends going ahead with that kind of process. The answer lists exactly what is missing for whom.
/// </summary>
public sealed class ProcessReadiness(MendDb db, CaseAccess access, AssessmentChecks checks, TimeProvider clock)
{
    public sealed record Answer(bool Ready, IReadOnlyList<string> Missing);

    /// <summary>Null when the case is not one the user can see.</summary>
    public async Task<Answer?> CheckAsync(ClaimsPrincipal user, Guid caseId, IReadOnlyCollection<Guid> personIds, SuitableProcesses kind, CancellationToken ct)
    {
        if (!await access.VisibleCases(user).AnyAsync(c => c.Id == caseId, ct))
        {
            return null;
        }

        var missing = new List<string>();
        if (personIds.Count == 0)
        {
            missing.Add("Choose who is taking part");
            return new Answer(false, missing);
        }

        if (kind is not (SuitableProcesses.DirectConference or SuitableProcesses.ShuttleOrIndirect or SuitableProcesses.Letter))
        {
            missing.Add("Choose one kind of process");
            return new Answer(false, missing);
        }

        var today = clock.LondonToday();
        var roles = await db.CaseParticipants.AsNoTracking().Where(p => p.CaseId == caseId && p.EndedAt == null).Select(p => new { p.PersonId, p.Role }).ToListAsync(ct);
        var onCase = roles.Select(r => r.PersonId).ToHashSet();

        // Professionals and interpreters attend in their working capacity; the people they are there for are assessed.
        var attendingForWork = roles.GroupBy(r => r.PersonId).Where(g => g.All(r => r.Role is ParticipantRole.Professional or ParticipantRole.Interpreter)).Select(g => g.Key).ToHashSet();
        var names = await PersonNames.OfAsync(db, personIds, ct);
        var approved = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseId == caseId && personIds.Contains(a.PersonId) && a.Status == AssessmentStatus.Approved)
            .ToListAsync(ct);
        var outOfDate = await checks.OutOfDateAsync(approved, today, ct);
        var what = AssessmentWords.Describe(kind).ToLower(CultureInfo.GetCultureInfo("en-GB"));

        foreach (var personId in personIds.Distinct())
        {
            if (!names.TryGetValue(personId, out var name) || !onCase.Contains(personId))
            {
                missing.Add($"{(name is null ? "A person chosen" : name)} is not taking part in this case");
                continue;
            }

            if (attendingForWork.Contains(personId))
            {
                continue;
            }

            var assessment = approved.Where(a => a.PersonId == personId).MaxBy(a => a.Number);
            if (assessment is null)
            {
                missing.Add($"{name} has no approved assessment");
            }
            else if (outOfDate.TryGetValue(assessment.Id, out var reasons))
            {
                missing.Add($"{name}'s assessment is out of date: {string.Join("; ", reasons)}");
            }
            else if (assessment.Recommendation is Recommendation.NotNow or Recommendation.NotSuitable)
            {
                missing.Add($"{name}'s assessment recommends not going ahead ({AssessmentWords.Describe(assessment.Recommendation.Value).ToLowerInvariant()})");
            }
            else if (!assessment.SuitableProcesses.HasFlag(kind))
            {
                missing.Add($"{name}'s assessment does not find a {what} suitable");
            }
        }

        return new Answer(missing.Count == 0, missing);
    }
}
