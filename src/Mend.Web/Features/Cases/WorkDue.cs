using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Victims;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>
/// What is due this week or overdue on a set of cases: victims' Code entitlements, outcome-agreement items,
/// assessments to review, orders needing action (warnings, returns to court, missed appointments) and actions from professionals' meetings. Shown on the caseload and on a worker's home page, from this one place.
/// </summary>
public sealed class WorkDue(MendDb db, AssessmentChecks checks, VictimDeadlines victimDeadlines, Orders.OrdersDue ordersDue, Meetings.ProfessionalMeetings meetings, TimeProvider clock)
{
    public sealed record AgreementDue(Guid ProcessId, string Reference, string What, string Who, DateOnly DueOn);

    public sealed record AssessmentDue(Guid Id, string Reference, string PersonName, DateOnly? ReviewOn, IReadOnlyList<string> OutOfDate);

    public sealed record Summary(
        DateOnly Today,
        IReadOnlyList<(VictimDeadlines.Row Victim, EntitlementStatus Entitlement)> Victims,
        IReadOnlyList<AgreementDue> Agreements,
        IReadOnlyList<AssessmentDue> Reviews,
        IReadOnlyList<Orders.OrdersDue.Item> Orders)
    {
        /// <summary>Actions from professionals' meetings, not done, due this week or overdue.</summary>
        public IReadOnlyList<Meetings.ProfessionalMeetings.OpenAction> MeetingActions { get; init; } = [];

        public static Summary None(DateOnly today) => new(today, [], [], [], []);

        public bool IsEmpty => Victims.Count == 0 && Agreements.Count == 0 && Reviews.Count == 0 && Orders.Count == 0 && MeetingActions.Count == 0;

        public int Overdue => Victims.Count(v => v.Entitlement.State == EntitlementState.Overdue) + Agreements.Count(a => a.DueOn < Today)
            + Reviews.Count(r => r.OutOfDate.Count > 0 || r.ReviewOn < Today) + Orders.Count(o => o.Urgent) + MeetingActions.Count(a => a.DueOn < Today);
    }

    public DateOnly Today => victimDeadlines.Today;

    /// <summary>At most 50 of each, most urgent first, over the open cases (and, for victims, referrals not yet decided and cases closed in the last 30 days).</summary>
    public async Task<Summary> ForAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var soon = Today.AddDays(7);
        var open = cases.Where(c => c.Status == CaseStatus.Open);
        var processes = await (
                from p in db.RjProcesses.AsNoTracking().IgnoreAutoIncludes().Include(p => p.Agreement) // only the agreement is used
                join c in open on p.CaseId equals c.Id
                where p.Agreement.Any(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon)
                select new ProcessDue(p, c.Reference))
            .Take(50)
            .ToListAsync(ct);
        var recentlyClosed = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        // The Code's clock runs from when a victim's details arrive, whether or not the referral has been accepted yet.
        var victims = (await victimDeadlines.ForCasesAsync(cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred
                || c.Status == CaseStatus.Closed && c.ClosedAt > recentlyClosed), ct))
            .SelectMany(r => r.Entitlements.Where(e => e.IsOpen && e.DueOn <= soon).Select(e => (r, e))).OrderBy(x => x.e.DueOn).Take(50).ToList();
        return new Summary(Today, victims, Agreements(processes, soon), await ReviewsAsync(open, ct), await ordersDue.ForAsync(cases, ct))
        {
            MeetingActions = await meetings.DueAsync(cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred), soon, ct),
        };
    }

    private async Task<IReadOnlyList<AssessmentDue>> ReviewsAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var today = Today;
        var soon = today.AddDays(checks.Settings.ReviewPromptDays);
        var approved = await (
                from a in db.Assessments.AsNoTracking().IgnoreAutoIncludes() // the risk factors are not needed here (nine rows an assessment)
                join c in cases on a.CaseId equals c.Id
                join p in db.People on a.PersonId equals p.Id
                where a.Status == AssessmentStatus.Approved
                orderby a.ReviewOn
                select new { Assessment = a, c.Reference, Person = new { p.Kind, p.OrganisationName, p.GivenName, p.FamilyName } })
            .Take(500)
            .ToListAsync(ct);
        var outOfDate = await checks.OutOfDateAsync(approved.Select(x => x.Assessment).ToList(), today, ct);
        return approved.Where(x => x.Assessment.ReviewOn <= soon || outOfDate.ContainsKey(x.Assessment.Id)).Take(50)
            .Select(x => new AssessmentDue(x.Assessment.Id, x.Reference,
                People.PersonNames.Of(x.Person.Kind, x.Person.OrganisationName, x.Person.GivenName, x.Person.FamilyName),
                x.Assessment.ReviewOn, outOfDate.TryGetValue(x.Assessment.Id, out var r) ? r : [])).ToList();
    }

    private sealed record ProcessDue(Processes.RjProcess Process, string Reference);

    private static IReadOnlyList<AgreementDue> Agreements(IReadOnlyList<ProcessDue> processes, DateOnly soon) =>
        processes.SelectMany(p => p.Process.Agreement.Where(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon)
                .Select(i => new AgreementDue(p.Process.Id, p.Reference, i.What, i.Who, i.DueOn)))
            .OrderBy(a => a.DueOn).ToList();
}
