using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>
/// Orders that need action, on a set of cases: a return to court due, a warning due, a missed appointment to follow up,
/// or fewer appointments this month than the level needs. Shown on the caseload, the home page and (returns to court) a
/// manager's list.
/// </summary>
public sealed class OrdersDue(MendDb db, OrderSettings settings, HolidayCalendar holidays, TimeProvider clock, QueryBatch batch)
{
    public sealed record Item(Guid OrderId, Guid CaseId, string Reference, string OrderName, Compliance Compliance)
    {
        /// <summary>What needs doing, most serious first, in a few words.</summary>
        public string What => Compliance.BreachActionDue ? Compliance.Status
            : Compliance.WarningDue ? "Warning due"
            : Compliance.PanelOverdue ? "Panel overdue"
            : Compliance.FirstAppointmentOverdue ? "First appointment overdue"
            : Compliance.PlanReviewOverdue ? "Plan review overdue"
            : Compliance.HoursBehind ? "Hours behind"
            : Compliance.FollowUpsDue.Count > 0 ? (Compliance.FollowUpsDue.Any(f => f.Overdue) ? "Missed appointment not followed up" : "Missed appointment to follow up")
            : $"{Compliance.ContactsThisMonth} of {Compliance.ContactsPerMonth} appointments this month";

        public bool Urgent => Compliance.BreachActionDue || Compliance.WarningDue || Compliance.PanelOverdue || Compliance.FirstAppointmentOverdue
            || Compliance.PlanReviewOverdue || Compliance.HoursBehind || Compliance.FollowUpsDue.Any(f => f.Overdue);
    }

    /// <summary>The open ones of a case's <paramref name="orders"/> (already read, with their collections), each with its compliance, for the case page.</summary>
    public async Task<IReadOnlyList<Item>> OnCaseAsync(IEnumerable<Order> orders, string reference, CancellationToken ct)
    {
        var open = orders.Where(o => o.EndedOn == null).OrderByDescending(o => o.DecidedOn).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var days = await holidays.CurrentAsync(db, ct);
        var (today, now) = (clock.LondonToday(), clock.GetUtcNow().UtcDateTime);
        return open.Select(o => new Item(o.Id, o.CaseId, reference, o.Info.Name,
            CompliancePolicy.Of(o, today, now, settings.ContactsPerMonth(o.Level), days, settings.InitialPanelWorkingDays))).ToList();
    }

    /// <summary>
    /// At most <paramref name="most"/> open orders on the cases given (open, or referred and not yet decided) that need
    /// action, most urgent first. Every open order is looked at, <see cref="Batch"/> at a time, so none is missed however many there are.
    /// </summary>
    public async Task<IReadOnlyList<Item>> ForAsync(IQueryable<Case> cases, CancellationToken ct, int most = 50)
    {
        var reading = For(batch, cases, await holidays.CurrentAsync(db, ct), most);
        await batch.RunAsync(ct);
        reading.Next(batch);
        await batch.RunAsync(ct);
        return await reading.FinishAsync(ct);
    }

    /// <summary>
    /// <see cref="ForAsync"/> in steps, for reads batched with others: the first <see cref="Batch"/> orders are read in
    /// <paramref name="reads"/>; once that has run, <see cref="Reading.Next"/> adds the reads of their collections and their
    /// cases' references to a batch; once that has run, <see cref="Reading.FinishAsync"/> (which reads any further orders itself).
    /// </summary>
    public Reading For(QueryBatch reads, IQueryable<Case> cases, WorkingDays days, int most = 50)
    {
        var open = cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred);
        // Only supervised orders can need action; the others are not read.
        var supervised = DisposalKinds.All.Where(k => k.Supervised).Select(k => k.Kind).ToList();
        var query = db.Orders.Where(o => o.EndedOn == null && supervised.Contains(o.Kind) && open.Any(c => c.Id == o.CaseId)).OrderBy(o => o.Id);
        return new Reading(this, query, OrderReads.Read(reads, db, query.Take(Batch)), days, most);
    }

    /// <summary>Orders due being read in steps (<see cref="For"/>).</summary>
    public sealed class Reading
    {
        private readonly OrdersDue _due;
        private readonly IQueryable<Order> _query;
        private readonly OrderReads.Reading _first;
        private readonly WorkingDays _days;
        private readonly int _most;
        private QueryBatch.Pending<CaseReference>? _references;

        internal Reading(OrdersDue due, IQueryable<Order> query, OrderReads.Reading first, WorkingDays days, int most) =>
            (_due, _query, _first, _days, _most) = (due, query, first, days, most);

        /// <summary>After the first read: adds the reads of the orders' collections and of their cases' references to <paramref name="reads"/>.</summary>
        public void Next(QueryBatch reads)
        {
            _first.Next(reads);
            _references = _due.References(reads, _first.CaseIds);
        }

        /// <summary>After the second read: the orders that need action, reading any beyond the first <see cref="Batch"/> a batch at a time.</summary>
        public async Task<IReadOnlyList<Item>> FinishAsync(CancellationToken ct)
        {
            var (db, settings, clock, batch) = (_due.Db, _due.Settings, _due.Clock, _due.OwnBatch);
            var today = clock.LondonToday();
            var now = clock.GetUtcNow().UtcDateTime;
            IEnumerable<(Order Order, Compliance Compliance)> Needing(IEnumerable<Order> orders) => orders
                .Select(o => (o, CompliancePolicy.Of(o, today, now, settings.ContactsPerMonth(o.Level), _days, settings.InitialPanelWorkingDays)))
                .Where(x => NeedsAction(x.Item2, today));
            var due = Needing(_first.Orders).ToList();
            var references = (_references ?? throw new InvalidOperationException("Call Next, and run its batch, first.")).Rows.ToDictionary(r => r.Id, r => r.Reference);
            // The first read found a whole batch: there may be more. The first read's count decides, not how many are left after
            // the second (an order ended in between would make a full batch look like the last).
            for (var (skip, found) = (Batch, _first.Found); found == Batch; skip += Batch)
            {
                var next = OrderReads.Read(batch, db, _query.Skip(skip).Take(Batch));
                await batch.RunAsync(ct);
                next.Next(batch);
                var more = _due.References(batch, next.CaseIds);
                await batch.RunAsync(ct);
                due.AddRange(Needing(next.Orders));
                foreach (var r in more.Rows)
                {
                    references.TryAdd(r.Id, r.Reference);
                }

                found = next.Found;
            }

            return due.Where(x => references.ContainsKey(x.Order.CaseId))
                .Select(x => new Item(x.Order.Id, x.Order.CaseId, references[x.Order.CaseId], x.Order.Info.Name, x.Compliance))
                .OrderByDescending(i => i.Compliance.BreachActionDue).ThenByDescending(i => i.Urgent).ThenBy(i => i.Reference)
                .Take(_most).ToList();
        }
    }

    private sealed record CaseReference(Guid Id, string Reference);

    private QueryBatch.Pending<CaseReference> References(QueryBatch reads, IReadOnlyCollection<Guid> caseIds) =>
        reads.Add(db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new CaseReference(c.Id, c.Reference)));

    private MendDb Db => db;
    private OrderSettings Settings => settings;
    private TimeProvider Clock => clock;
    private QueryBatch OwnBatch => batch;

    /// <summary>How many orders are read at once.</summary>
    public const int Batch = 500;

    /// <summary>Something is due, or (after the middle of the month) fewer appointments are held or booked than the level needs.</summary>
    internal static bool NeedsAction(Compliance c, DateOnly today) =>
        c.BreachActionDue || c.WarningDue || c.PanelOverdue || c.FirstAppointmentOverdue || c.PlanReviewOverdue || c.HoursBehind || c.FollowUpsDue.Count > 0
        || c.ContactsThisMonth < c.ContactsPerMonth && today.Day > 14;
}
