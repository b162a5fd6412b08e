using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Reads the restorative justice service report for a period from the report database (the replica when configured), over
/// the cases in the <see cref="ReportScope"/>. How each figure is read from Mend's records (shown on the report page):
/// <list type="bullet">
/// <item>referrals: cases whose referral was received in the period, by source and by month;</item>
/// <item>processes: restorative processes set up in the period, by kind and where they stand now;</item>
/// <item>first contact: for victims on cases referred in the period, calendar days from the referral to the first contact
/// that reached them (spoke, met, or a letter sent); those not yet reached are still waiting;</item>
/// <item>to a process: for cases referred in the period, days from the referral to the first process held (its meeting, or
/// the shuttle or letter work, recorded as having happened; the meeting's day, else the day it was recorded); open
/// cases without one are still waiting;</item>
/// <item>agreements: those made at processes held in the period, kept in full (every item done), in part, or not at all,
/// or still being kept (an item open);</item>
/// <item>satisfaction: questionnaires answered in the period, after a process (by the participant's part) and the victims'
/// end-of-service survey; satisfied is 4 or 5 of 5.</item>
/// </list>
/// </summary>
public sealed class ServiceReportSource(ReportDatabase reports, TimeProvider clock)
{
    private static readonly ContactOutcome[] Reached = [ContactOutcome.Spoke, ContactOutcome.Met, ContactOutcome.Sent];

    public async Task<ServiceReport> ForAsync(ClaimsPrincipal user, ReportScope scope, ReportPeriod period, CancellationToken ct)
    {
        var db = reports.Db;
        var cases = scope.Cases(db, user, clock);
        var (from, to) = (period.From, period.To);
        var (fromUtc, toUtc) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1), to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(2));
        bool InPeriod(DateTime at) => London.DateOf(at) is var day && day >= from && day <= to;

        var referred = await cases.AsNoTracking().Where(c => c.ReferralReceivedOn >= from && c.ReferralReceivedOn <= to)
            .Select(c => new { c.Id, c.ReferralSource, c.ReferralReceivedOn, Open = c.ClosedAt == null }).ToListAsync(ct);
        var referredOn = referred.ToDictionary(c => c.Id, c => c.ReferralReceivedOn);
        // Read apart from the referrals, so a case changed in between (on a replica) is left out rather than looked up in vain.
        var victims = (await db.Victims.AsNoTracking().Where(v => cases.Any(c => c.Id == v.CaseId && c.ReferralReceivedOn >= from && c.ReferralReceivedOn <= to))
                .Select(v => new { v.Id, v.CaseId, Reached = v.Contacts.Where(c => Reached.Contains(c.Outcome)).Min(c => (DateTime?)c.At) }).ToListAsync(ct))
            .Where(v => referredOn.ContainsKey(v.CaseId)).ToList();
        var processes = await db.RjProcesses.AsNoTracking().Where(p => cases.Any(c => c.Id == p.CaseId)
                && (p.CreatedAt >= fromUtc && p.CreatedAt < toUtc || p.StartsAt >= fromUtc && p.StartsAt < toUtc || p.RecordedAt >= fromUtc && p.RecordedAt < toUtc || cases.Any(c => c.Id == p.CaseId && c.ReferralReceivedOn >= from && c.ReferralReceivedOn <= to)))
            .Select(p => new { p.Id, p.CaseId, p.Kind, p.Status, p.CreatedAt, p.StartsAt, p.RecordedAt, Items = p.Agreement.Select(i => i.Status).ToList() })
            .ToListAsync(ct);
        // Held: the meeting (or the shuttle or letter work) was recorded as having happened; its day is the meeting's, else the record's.
        var held = processes.Where(p => p.RecordedAt is not null).Select(p => new { p.CaseId, HeldAt = p.StartsAt ?? p.RecordedAt!.Value, p.Items }).ToList();

        var bySource = Enum.GetValues<ReferralSource>()
            .Select(s => Figure.Of($"referrals.{s}", CaseWords.Describe(s), referred.Where(c => c.ReferralSource == s).ToList(), c => c.Id)).ToList();
        var byMonth = Months(period).Select(m => Figure.Of($"referrals.month.{m:yyyy-MM}", m.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            referred.Where(c => c.ReferralReceivedOn.Year == m.Year && c.ReferralReceivedOn.Month == m.Month).ToList(), c => c.Id)).ToList();
        var started = processes.Where(p => InPeriod(p.CreatedAt)).GroupBy(p => (p.Kind, p.Status)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Status)
            .Select(g => new ServiceReport.ProcessCount(ProcessWords.Describe(g.Key.Kind), ProcessWords.Describe(g.Key.Status),
                Figure.Of($"processes.{g.Key.Kind}.{g.Key.Status}", $"{ProcessWords.Describe(g.Key.Kind)}: {ProcessWords.Describe(g.Key.Status)}", g.ToList(), p => p.CaseId)))
            .ToList();

        int Days(DateOnly referral, DateTime at) => Math.Max(0, London.DateOf(at).DayNumber - referral.DayNumber);
        var contacted = victims.Where(v => v.Reached is not null).ToList();
        var firstContact = new ServiceReport.Wait(
            Figure.Of("contact.done", "Victims reached", contacted, v => v.CaseId),
            Figure.Of("contact.waiting", "Victims not yet reached", victims.Where(v => v.Reached is null).ToList(), v => v.CaseId),
            ServiceReport.Median(contacted.Select(v => Days(referredOn[v.CaseId], v.Reached!.Value)).ToList()),
            contacted.Count == 0 ? null : contacted.Max(v => Days(referredOn[v.CaseId], v.Reached!.Value)));
        var firstHeld = held.Where(p => referredOn.ContainsKey(p.CaseId)).GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => g.Min(p => p.HeldAt));
        var toProcess = new ServiceReport.Wait(
            Figure.Of("process.done", "Cases with a process held", firstHeld.Keys.ToList(), id => id),
            Figure.Of("process.waiting", "Open cases still waiting for one", referred.Where(c => c.Open && !firstHeld.ContainsKey(c.Id)).ToList(), c => c.Id),
            ServiceReport.Median(firstHeld.Select(h => Days(referredOn[h.Key], h.Value)).ToList()),
            firstHeld.Count == 0 ? null : firstHeld.Max(h => Days(referredOn[h.Key], h.Value)));

        var agreed = held.Where(p => InPeriod(p.HeldAt) && p.Items.Count > 0).ToList();
        var agreements = new List<Figure>
        {
            Figure.Of("agreements.full", "Kept in full", agreed.Where(p => p.Items.All(i => i == AgreementStatus.Done)).ToList(), p => p.CaseId),
            Figure.Of("agreements.part", "Kept in part", agreed.Where(p => !p.Items.Contains(AgreementStatus.Open) && p.Items.Contains(AgreementStatus.Done)
                                                                           && p.Items.Contains(AgreementStatus.NotDone)).ToList(), p => p.CaseId),
            Figure.Of("agreements.not", "Not kept", agreed.Where(p => p.Items.All(i => i == AgreementStatus.NotDone)).ToList(), p => p.CaseId),
            Figure.Of("agreements.open", "Still being kept", agreed.Where(p => p.Items.Contains(AgreementStatus.Open)).ToList(), p => p.CaseId),
        };

        return new ServiceReport(period, scope.Jurisdiction, bySource, byMonth, started, firstContact, toProcess, agreements,
            await SatisfactionAsync(db, cases, scope.Jurisdiction, fromUtc, toUtc, InPeriod, ct))
        {
            // Sessions belong to a team, not a jurisdiction: the team chosen, else the user's own.
            TrainingDelivered = await Staff.TrainingDelivered.FiguresAsync(db, scope.TeamId ?? Platform.Auth.MendClaims.TeamIdOf(user), from, to, ct),
        };
    }

    private static async Task<IReadOnlyList<ServiceReport.Feedback>> SatisfactionAsync(MendDb db, IQueryable<Case> cases, Jurisdiction jurisdiction,
        DateTime fromUtc, DateTime toUtc, Func<DateTime, bool> inPeriod, CancellationToken ct)
    {
        var answers = (await db.ParticipantFeedback.AsNoTracking().Where(f => f.CompletedAt >= fromUtc && f.CompletedAt < toUtc)
                .Join(db.RjProcesses.Where(p => cases.Any(c => c.Id == p.CaseId)), f => f.RjProcessId, p => p.Id,
                    (f, p) => new { p.CaseId, f.Role, At = f.CompletedAt!.Value, f.Satisfaction, f.FeltSafe, f.FeltListenedTo, f.WouldRecommend })
                .ToListAsync(ct))
            .Where(f => inPeriod(f.At)).ToList();
        var surveys = (await db.SatisfactionSurveys.AsNoTracking().Where(s => s.CompletedAt >= fromUtc && s.CompletedAt < toUtc)
                .Join(db.Victims.Where(v => cases.Any(c => c.Id == v.CaseId)), s => s.VictimId, v => v.Id,
                    (s, v) => new { v.CaseId, At = s.CompletedAt!.Value, s.Satisfaction, s.FeltListenedTo, s.WouldRecommend })
                .ToListAsync(ct))
            .Where(s => inPeriod(s.At)).ToList();

        var words = ReportWords.For(jurisdiction);
        var groups = new (string Key, string Name, Func<ParticipantRole, bool> Has)[]
        {
            ("victims", "Victims, after a process", r => r == ParticipantRole.Victim),
            ("harmers", $"The {words.People} who caused harm, after a process", r => r == ParticipantRole.YoungPerson),
            ("others", "Parents, carers, supporters and others, after a process", r => r is not (ParticipantRole.Victim or ParticipantRole.YoungPerson)),
        };
        var result = groups.Select(g =>
        {
            var these = answers.Where(a => g.Has(a.Role)).ToList();
            return new ServiceReport.Feedback(g.Name,
                Figure.Of($"satisfaction.{g.Key}.answered", $"{g.Name}: answered", these, a => a.CaseId),
                Figure.Of($"satisfaction.{g.Key}.satisfied", $"{g.Name}: satisfied", these.Where(a => a.Satisfaction >= 4).ToList(), a => a.CaseId),
                Figure.Of($"satisfaction.{g.Key}.safe", $"{g.Name}: felt safe", these.Where(a => a.FeltSafe == true).ToList(), a => a.CaseId),
                Figure.Of($"satisfaction.{g.Key}.listened", $"{g.Name}: felt listened to", these.Where(a => a.FeltListenedTo == true).ToList(), a => a.CaseId),
                Figure.Of($"satisfaction.{g.Key}.recommend", $"{g.Name}: would recommend it", these.Where(a => a.WouldRecommend == true).ToList(), a => a.CaseId));
        }).ToList();
        const string survey = "Victims, end-of-service survey";
        result.Add(new ServiceReport.Feedback(survey,
            Figure.Of("satisfaction.survey.answered", $"{survey}: answered", surveys, s => s.CaseId),
            Figure.Of("satisfaction.survey.satisfied", $"{survey}: satisfied", surveys.Where(s => s.Satisfaction >= 4).ToList(), s => s.CaseId),
            null,
            Figure.Of("satisfaction.survey.listened", $"{survey}: felt listened to", surveys.Where(s => s.FeltListenedTo == true).ToList(), s => s.CaseId),
            Figure.Of("satisfaction.survey.recommend", $"{survey}: would recommend it", surveys.Where(s => s.WouldRecommend == true).ToList(), s => s.CaseId)));
        return result;
    }

    /// <summary>The first day of each month the period touches.</summary>
    private static IEnumerable<DateOnly> Months(ReportPeriod period)
    {
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
