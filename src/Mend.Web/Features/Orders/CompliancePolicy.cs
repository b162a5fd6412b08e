using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Orders;

/// <summary>What an unacceptable absence calls for.</summary>
public enum EnforcementStep
{
    /// <summary>A warning is to be given (or has been).</summary>
    Warning,

    /// <summary>Already warned.</summary>
    Warned,

    /// <summary>Two warnings in the warned period: the child must be returned to court (or the Parish Hall).</summary>
    ReturnToCourt,
}

/// <summary>The step one failure calls for, and whether it has been taken.</summary>
public sealed record FailureStep(long ContactId, DateOnly FailedOn, EnforcementStep Kind, bool Taken);

/// <summary>An order's compliance as the API and pages show it.</summary>
/// <param name="WarningsInWarnedPeriod">Warnings whose warned period includes today.</param>
/// <param name="BreachActionDue">A failure after two warnings in the warned period has no manager's decision yet.</param>
/// <param name="NextContactDue">The next appointment still to happen, if one is arranged.</param>
/// <param name="ContactsThisMonth">
/// Appointments in the current calendar month that were attended or are still to come (not missed, nor past and
/// unrecorded), against <see cref="ContactsPerMonth"/> for the order's level.
/// </param>
/// <param name="NextPanelDueBy">For a referral order: the initial panel within the working days set (from the order), then a progress panel within 3 months of the last.</param>
public sealed record Compliance(int WarningsInWarnedPeriod, bool WarningDue, bool BreachActionDue, DateTime? NextContactDue, int ContactsThisMonth,
    int ContactsPerMonth, IReadOnlyList<FollowUpDue> FollowUpsDue, DateOnly? WarnedUntil, string Status, DateOnly? NextPanelDueBy = null,
    bool PanelOverdue = false, DateOnly? PlanReviewDueBy = null, bool PlanReviewOverdue = false, DateOnly? FirstAppointmentDueBy = null,
    bool FirstAppointmentOverdue = false, IReadOnlyList<HoursPace>? Hours = null)
{
    /// <summary>An hours requirement is behind its pace (<see cref="HoursPacePolicy"/>).</summary>
    public bool HoursBehind => Hours?.Any(h => h.Behind) == true;
}

/// <summary>A missed appointment still to be followed up, due within one working day.</summary>
public sealed record FollowUpDue(long ContactId, DateOnly DueOn, bool Overdue);

/// <summary>
/// Warnings and breach (Sentencing Act 2020, Sch 7 para 4): an unacceptable failure to comply is met with a warning,
/// which opens a warned period of 12 months beginning with the day it is given. A failure within the warned period of a
/// warning, when a further warning was also given in that period, must be brought back to court: two warnings, and the
/// third failure goes back. Mend applies the same rule to Parish Hall decisions and Jersey orders, returning the child to
/// the Parish Hall or the court. A manager records whether to proceed, or that it is not in the interest of justice.
/// </summary>
public static class CompliancePolicy
{
    public const int WarnedMonths = 12;

    public const string Source = "Sentencing Act 2020, Sch 7 para 4";

    /// <summary>The step each unacceptable absence calls for, in the order they happened.</summary>
    public static IReadOnlyList<FailureStep> Steps(Order order)
    {
        var steps = new List<FailureStep>();
        foreach (var failure in order.Contacts.Where(c => c.Attendance == Attendance.UnacceptableAbsence).OrderBy(c => c.At).ThenBy(c => c.Id))
        {
            var failedOn = London.DateOf(failure.At);
            var warned = order.Warnings.Any(w => w.ContactId == failure.Id);
            var earlier = order.Warnings.Count(w => w.ContactId != failure.Id && w.GivenOn <= failedOn && failedOn <= w.WarnedUntil);
            steps.Add(earlier >= 2 && !warned
                ? new FailureStep(failure.Id, failedOn, EnforcementStep.ReturnToCourt, order.Breaches.Any(b => b.ContactId == failure.Id))
                : new FailureStep(failure.Id, failedOn, warned ? EnforcementStep.Warned : EnforcementStep.Warning, warned));
        }

        return steps;
    }

    public static FailureStep? StepFor(Order order, long contactId) => Steps(order).FirstOrDefault(s => s.ContactId == contactId);

    /// <param name="days">The working days of the order's jurisdiction (follow-ups are due the next working day).</param>
    /// <summary>Progress panels meet at least every 3 months (Referral Order guidance, local practice).</summary>
    public const int ProgressPanelMonths = 3;

    /// <summary>When the next youth offender panel is due on a referral order still open: null when none is (the final one held).</summary>
    public static DateOnly? NextPanelDueBy(Order order, WorkingDays days, int initialPanelWorkingDays)
    {
        if (order.Kind != DisposalKind.ReferralOrder || !order.IsOpen || order.Panels.Any(p => p.Kind == PanelKind.Final))
        {
            return null;
        }

        var last = order.Panels.OrderBy(p => p.HeldOn).LastOrDefault();
        return last is null ? days.Add(order.DecidedOn, initialPanelWorkingDays, order.Jurisdiction) : last.HeldOn.AddMonths(ProgressPanelMonths);
    }

    /// <summary>An intervention plan (a Jersey probation work plan) is reviewed at least every 3 months.</summary>
    public const int PlanReviewMonths = 3;

    /// <summary>Jersey probation: the first appointment within 7 working days of the order.</summary>
    public const int FirstProbationAppointmentWorkingDays = 7;

    /// <summary>When the plan's next review is due: 3 months from the last review, or from its first activity's start.</summary>
    public static DateOnly? PlanReviewDueBy(Order order) =>
        !order.IsOpen || order.Plan.Count == 0 ? null
        : (order.Reviews.Count > 0 ? order.Reviews.Max(r => r.ReviewedOn) : order.Plan.Min(a => a.StartsOn)).AddMonths(PlanReviewMonths);

    /// <summary>For a Jersey probation order with no appointment yet: the first is due within 7 working days of the order.</summary>
    public static DateOnly? FirstAppointmentDueBy(Order order, WorkingDays days) =>
        order.Kind == DisposalKind.ProbationOrder && order.IsOpen && order.Contacts.Count == 0
            ? days.Add(order.DecidedOn, FirstProbationAppointmentWorkingDays, order.Jurisdiction) : null;

    public static Compliance Of(Order order, DateOnly today, DateTime now, int contactsPerMonth, WorkingDays days, int initialPanelWorkingDays = 20)
    {
        var steps = Steps(order);
        var warnedNow = order.Warnings.Where(w => w.GivenOn <= today && today <= w.WarnedUntil).ToList();
        var followUps = order.Contacts
            .Where(c => order.IsOpen)
            .Where(c => c.Attendance is Attendance.AcceptableAbsence or Attendance.UnacceptableAbsence && c.FollowedUpAt is null)
            .Select(c => (c.Id, Due: days.Add(London.DateOf(c.At), 1, order.Jurisdiction)))
            .Select(c => new FollowUpDue(c.Id, c.Due, c.Due < today))
            .ToList();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var thisMonth = order.Contacts.Count(c => London.DateOf(c.At) >= monthStart && London.DateOf(c.At) < monthStart.AddMonths(1)
            && (c.Attendance == Attendance.Attended || c.Attendance is null && c.At >= now));
        var breachDue = order.IsOpen && steps.Any(s => s.Kind == EnforcementStep.ReturnToCourt && !s.Taken);
        var warningDue = order.IsOpen && steps.Any(s => s.Kind == EnforcementStep.Warning && !s.Taken);
        var panelDue = NextPanelDueBy(order, days, initialPanelWorkingDays);
        var reviewDue = PlanReviewDueBy(order);
        var firstDue = FirstAppointmentDueBy(order, days);
        var hours = HoursPacePolicy.Of(order, today);
        var status = !order.IsOpen ? "Ended"
            : breachDue ? $"Return to {DisposalKinds.ReturnTo(order.Kind)} due"
            : warningDue ? "Warning due"
            : panelDue < today ? "Panel overdue"
            : firstDue < today ? "First appointment overdue"
            : reviewDue < today ? "Plan review overdue"
            : hours.Any(h => h.Behind) ? "Hours behind"
            : warnedNow.Count > 0 ? $"Warned ({warnedNow.Count})"
            : "Complying";
        return new Compliance(warnedNow.Count, warningDue, breachDue,
            order.Contacts.Where(c => c.Attendance is null && c.At >= now).OrderBy(c => c.At).Select(c => (DateTime?)c.At).FirstOrDefault(),
            thisMonth, contactsPerMonth, followUps, warnedNow.Count > 0 ? warnedNow.Max(w => w.WarnedUntil) : null, status, panelDue, panelDue < today, reviewDue, reviewDue < today,
            firstDue, firstDue < today, hours);
    }
}
