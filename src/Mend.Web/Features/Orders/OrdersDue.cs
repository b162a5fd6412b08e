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
public sealed class OrdersDue(MendDb db, OrderSettings settings, HolidayCalendar holidays, TimeProvider clock)
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
        var open = cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred);
        // Only supervised orders can need action; the others are not read.
        var supervised = DisposalKinds.All.Where(k => k.Supervised).Select(k => k.Kind).ToList();
        var query = db.Orders.Where(o => o.EndedOn == null && supervised.Contains(o.Kind) && open.Any(c => c.Id == o.CaseId)).OrderBy(o => o.Id);
        var days = await holidays.CurrentAsync(db, ct);
        var today = clock.LondonToday();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = new List<(Order Order, Compliance Compliance)>();
        for (var skip = 0; ; skip += Batch)
        {
            var orders = await OrderReads.LoadAsync(db, query.Skip(skip).Take(Batch), ct);
            due.AddRange(orders
                .Select(o => (o, CompliancePolicy.Of(o, today, now, settings.ContactsPerMonth(o.Level), days, settings.InitialPanelWorkingDays)))
                .Where(x => NeedsAction(x.Item2, today)));
            if (orders.Count < Batch)
            {
                break;
            }
        }

        if (due.Count == 0)
        {
            return [];
        }

        var caseIds = due.Select(x => x.Order.CaseId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        return due.Select(x => new Item(x.Order.Id, x.Order.CaseId, references[x.Order.CaseId], x.Order.Info.Name, x.Compliance))
            .OrderByDescending(i => i.Compliance.BreachActionDue).ThenByDescending(i => i.Urgent).ThenBy(i => i.Reference)
            .Take(most).ToList();
    }

    /// <summary>How many orders are read at once.</summary>
    public const int Batch = 500;

    /// <summary>Something is due, or (after the middle of the month) fewer appointments are held or booked than the level needs.</summary>
    internal static bool NeedsAction(Compliance c, DateOnly today) =>
        c.BreachActionDue || c.WarningDue || c.PanelOverdue || c.FirstAppointmentOverdue || c.PlanReviewOverdue || c.HoursBehind || c.FollowUpsDue.Count > 0
        || c.ContactsThisMonth < c.ContactsPerMonth && today.Day > 14;
}
