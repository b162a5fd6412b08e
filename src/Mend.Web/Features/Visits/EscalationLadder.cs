namespace Mend.Web.Features.Visits;

/// <summary>Who an overdue-visit alert goes to, in order.</summary>
public enum AlertStep
{
    /// <summary>An amber prompt to the worker themselves: "are you safe?".</summary>
    Worker,
    Buddy,
    Manager,
    DutyManager,
}

/// <summary>Mend:LoneWorking: the times the escalation runs on. Every service sets its own; these are the defaults issue 19 names or implies.</summary>
public sealed class LoneWorkingSettings
{
    /// <summary>How long after the expected end a visit becomes overdue (issue 19: 15 minutes by default).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the worker has to answer the amber prompt before their buddy is told.</summary>
    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long each later step waits for an acknowledgement before the next is told (and the duty manager is told again).</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a visit may be planned or extended to.</summary>
    public TimeSpan LongestVisit { get; init; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The order an overdue visit's alert climbs, and when, as one rule: an amber prompt to the worker once the visit is past
/// its expected end plus the grace period; the buddy if the worker has not answered within the answer time; then the
/// manager, then the duty manager, each after the step interval without an acknowledgement; the duty manager again every
/// interval after that, so the alert never goes quiet. A step whose message could not be sent moves on at once. An
/// acknowledgement stops the climb (the caller's part). A duress check-out tells the buddy, the manager and the duty
/// manager at once.
/// </summary>
public static class EscalationLadder
{
    /// <summary>Who a duress check-out tells, all at once.</summary>
    public static readonly IReadOnlyList<AlertStep> Duress = [AlertStep.Buddy, AlertStep.Manager, AlertStep.DutyManager];

    /// <summary>The first step, once the visit is overdue; null while it is not.</summary>
    public static AlertStep? First(Visit visit, DateTime now, LoneWorkingSettings settings) =>
        visit.IsOverdueAt(now, settings.Grace) ? AlertStep.Worker : null;

    /// <summary>
    /// The step due now after <paramref name="last"/> was sent at <paramref name="sentAt"/> (or failed to send), or null
    /// when nothing is due yet. After the duty manager, the duty manager again.
    /// </summary>
    public static AlertStep? Next(AlertStep last, DateTime sentAt, bool failed, DateTime now, LoneWorkingSettings settings)
    {
        var next = last == AlertStep.DutyManager ? AlertStep.DutyManager : last + 1;
        if (failed)
        {
            return next;
        }

        var wait = last == AlertStep.Worker ? settings.AnswerWithin : settings.StepInterval;
        return now >= sentAt + wait ? next : null;
    }

    public static string Describe(AlertStep step) => step switch
    {
        AlertStep.Worker => "The worker (amber prompt)",
        AlertStep.Buddy => "Their buddy",
        AlertStep.Manager => "Their manager",
        _ => "The duty manager",
    };
}
