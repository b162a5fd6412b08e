using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>
/// The reported victim satisfaction figures for a period: the end-of-service survey, and the feedback
/// victims gave after a restorative process. Satisfied means satisfied or very satisfied (4 or 5 of 5).
/// </summary>
public sealed record VictimSatisfaction(int SurveysAnswered, int SurveysSatisfied, int ProcessAnswers, int ProcessSatisfied, int ProcessFeltSafe, int ProcessWouldRecommend)
{
    public decimal? SurveySatisfiedPercent => Percent(SurveysSatisfied, SurveysAnswered);

    public decimal? ProcessSatisfiedPercent => Percent(ProcessSatisfied, ProcessAnswers);

    public decimal? ProcessFeltSafePercent => Percent(ProcessFeltSafe, ProcessAnswers);

    public static async Task<VictimSatisfaction> ForAsync(MendDb db, IQueryable<Case> cases, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var surveys = await db.SatisfactionSurveys.AsNoTracking()
            .Where(s => s.CompletedAt >= start && s.CompletedAt < end && db.Victims.Any(v => v.Id == s.VictimId && cases.Any(c => c.Id == v.CaseId)))
            .Select(s => s.Satisfaction).ToListAsync(ct);
        var feedback = await db.ParticipantFeedback.AsNoTracking()
            .Where(f => f.Role == ParticipantRole.Victim && f.CompletedAt >= start && f.CompletedAt < end
                && db.RjProcesses.Any(p => p.Id == f.RjProcessId && cases.Any(c => c.Id == p.CaseId)))
            .Select(f => new { f.Satisfaction, f.FeltSafe, f.WouldRecommend }).ToListAsync(ct);
        return new VictimSatisfaction(surveys.Count, surveys.Count(s => s >= 4), feedback.Count, feedback.Count(f => f.Satisfaction >= 4),
            feedback.Count(f => f.FeltSafe == true), feedback.Count(f => f.WouldRecommend == true));
    }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}
