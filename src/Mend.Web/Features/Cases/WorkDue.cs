using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Victims;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>
/// What is due this week or overdue on a set of cases: victims' Code entitlements, outcome-agreement items,
/// assessments to review, orders needing action (warnings, returns to court, missed appointments) and actions from professionals' meetings. Shown on the caseload and on a worker's home page, from this one place.
/// </summary>
public sealed class WorkDue(MendDb db, AssessmentChecks checks, VictimDeadlines victimDeadlines, Orders.OrdersDue ordersDue, Meetings.ProfessionalMeetings meetings,
    TimeProvider clock, Platform.Time.HolidayCalendar holidays, QueryBatch batch)
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
        var reading = await StartAsync(batch, cases, ct);
        await batch.RunAsync(ct);
        return await reading.FinishAsync(ct);
    }

    /// <summary>
    /// <see cref="ForAsync"/> in steps, for a page that batches its own reads with these: the first reads are added to
    /// <paramref name="reads"/> (whatever the number of cases: processes with agreement items due, victims with their choices and
    /// records, approved assessments, the first orders, meetings' actions); once that batch has run,
    /// <see cref="Reading.FinishAsync"/> reads what depends on them (whether the assessments are out of date, the orders'
    /// collections, their cases' references) in one more batch.
    /// </summary>
    public async Task<Reading> StartAsync(QueryBatch reads, IQueryable<Case> cases, CancellationToken ct)
    {
        var days = await holidays.CurrentAsync(db, ct);
        var soon = Today.AddDays(7);
        var open = cases.Where(c => c.Status == CaseStatus.Open);
        var processes = reads.Add((
                from p in db.RjProcesses.AsNoTracking().IgnoreAutoIncludes().Include(p => p.Agreement) // only the agreement is used
                join c in open on p.CaseId equals c.Id
                where p.Agreement.Any(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon)
                // The 50 whose open items fall due soonest, so that a team with more never misses its most urgent.
                orderby p.Agreement.Where(i => i.Status == Processes.AgreementStatus.Open).Min(i => i.DueOn), p.Id
                select new ProcessDue(p, c.Reference))
            .Take(50));
        var recentlyClosed = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        // The Code's clock runs from when a victim's details arrive, whether or not the referral has been accepted yet.
        var victims = victimDeadlines.ForCases(reads, cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred
            || c.Status == CaseStatus.Closed && c.ClosedAt > recentlyClosed), days);
        var approved = reads.Add((
                from a in db.Assessments.AsNoTracking().IgnoreAutoIncludes() // the risk factors are not needed here (nine rows an assessment)
                join c in open on a.CaseId equals c.Id
                join p in db.People on a.PersonId equals p.Id
                where a.Status == AssessmentStatus.Approved
                orderby a.ReviewOn, a.Id
                select new Approved(a, c.Reference, p.Kind, p.OrganisationName, p.GivenName, p.FamilyName))
            .Take(500));
        var orders = ordersDue.For(reads, cases, days);
        var actions = reads.Add(meetings.Due(cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred), soon));
        return new Reading(checks, batch, Today, soon, processes, victims, approved, orders, actions);
    }

    /// <summary>Work due being read in steps (<see cref="StartAsync"/>).</summary>
    public sealed class Reading
    {
        private readonly AssessmentChecks _checks;
        private readonly QueryBatch _batch;
        private readonly DateOnly _today;
        private readonly DateOnly _soon;
        private readonly QueryBatch.Pending<ProcessDue> _processes;
        private readonly Func<IReadOnlyList<VictimDeadlines.Row>> _victims;
        private readonly QueryBatch.Pending<Approved> _approved;
        private readonly Orders.OrdersDue.Reading _orders;
        private readonly QueryBatch.Pending<Meetings.ProfessionalMeetings.OpenAction> _actions;

        internal Reading(AssessmentChecks checks, QueryBatch batch, DateOnly today, DateOnly soon, QueryBatch.Pending<ProcessDue> processes,
            Func<IReadOnlyList<VictimDeadlines.Row>> victims, QueryBatch.Pending<Approved> approved, Orders.OrdersDue.Reading orders,
            QueryBatch.Pending<Meetings.ProfessionalMeetings.OpenAction> actions) =>
            (_checks, _batch, _today, _soon, _processes, _victims, _approved, _orders, _actions) = (checks, batch, today, soon, processes, victims, approved, orders, actions);

        /// <summary>After the first reads: what depends on them, in one more batch, and the summary.</summary>
        public async Task<Summary> FinishAsync(CancellationToken ct)
        {
            var today = _today;
            var reviewSoon = today.AddDays(_checks.Settings.ReviewPromptDays);
            var outOfDate = _checks.OutOfDate(_batch, _approved.Rows.Select(x => x.Assessment).ToList(), today);
            _orders.Next(_batch);
            await _batch.RunAsync(ct);
            var victims = _victims().SelectMany(r => r.Entitlements.Where(e => e.IsOpen && e.DueOn <= _soon).Select(e => (r, e))).OrderBy(x => x.e.DueOn).Take(50).ToList();
            var stale = outOfDate();
            var reviews = _approved.Rows.Where(x => x.Assessment.ReviewOn <= reviewSoon || stale.ContainsKey(x.Assessment.Id)).Take(50)
                .Select(x => new AssessmentDue(x.Assessment.Id, x.Reference, People.PersonNames.Of(x.Kind, x.OrganisationName, x.GivenName, x.FamilyName),
                    x.Assessment.ReviewOn, stale.TryGetValue(x.Assessment.Id, out var r) ? r : [])).ToList();
            return new Summary(today, victims, Agreements(_processes.Rows, _soon), reviews, await _orders.FinishAsync(ct))
            {
                MeetingActions = _actions.Rows,
            };
        }
    }

    internal sealed record Approved(Assessment Assessment, string Reference, People.PersonKind Kind, string? OrganisationName, string? GivenName, string? FamilyName);

    internal sealed record ProcessDue(Processes.RjProcess Process, string Reference);

    private static IReadOnlyList<AgreementDue> Agreements(IReadOnlyList<ProcessDue> processes, DateOnly soon) =>
        processes.SelectMany(p => p.Process.Agreement.Where(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon)
                .Select(i => new AgreementDue(p.Process.Id, p.Reference, i.What, i.Who, i.DueOn)))
            .OrderBy(a => a.DueOn).ToList();
}
