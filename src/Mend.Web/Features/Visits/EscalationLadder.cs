using Mend.Web.Platform;

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
public sealed class LoneWorkingSettings : Platform.Composition.ISelfValidating<LoneWorkingSettings>
{
    /// <summary>How long after the expected end a visit becomes overdue (issue 19: 15 minutes by default).</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the worker has to answer the amber prompt before their buddy is told.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long each later step waits for an acknowledgement before the next is told (and the duty manager is told again).</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a visit may be planned or extended to.</summary>
    public TimeSpan LongestVisit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the escalation job runs; issue 19 asks for every 30 seconds or less.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The service's check-out code. When set, checking out needs it; when not, checking out without a code is normal.
    /// Kept with the other secrets (environment or a secrets file), never in appsettings.json.
    /// </summary>
    public string? CheckOutCode { get; set; }

    /// <summary>The service's duress code: checking out with it looks normal on the screen and raises a red alert at once.</summary>
    public string? DuressCode { get; set; }

    /// <summary>An alarm-receiving centre's address: every alert event is posted to it as JSON, signed with <see cref="WebhookSecret"/>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The shared secret the webhook's X-Mend-Signature (HMAC-SHA256 of the body, hex) is made with.</summary>
    public string? WebhookSecret { get; set; }

    public LoneWorkingSettings Validated()
    {
        if (Tick <= TimeSpan.Zero || Tick > TimeSpan.FromSeconds(30))
        {
            throw new MendConfigurationException("Mend:LoneWorking:Tick must be more than 0 and at most 00:00:30 (issue 19: every 30 seconds or less).");
        }

        if (Grace < TimeSpan.Zero || AnswerWithin <= TimeSpan.Zero || StepInterval <= TimeSpan.Zero || LongestVisit <= TimeSpan.Zero)
        {
            throw new MendConfigurationException("Mend:LoneWorking: Grace must not be negative, and AnswerWithin, StepInterval and LongestVisit must be more than 0.");
        }

        if (!string.IsNullOrEmpty(DuressCode) && DuressCode == CheckOutCode)
        {
            throw new MendConfigurationException("Mend:LoneWorking:DuressCode must differ from CheckOutCode.");
        }

        if (!string.IsNullOrEmpty(WebhookUrl) && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(WebhookSecret)))
        {
            throw new MendConfigurationException("Mend:LoneWorking:WebhookUrl must be an absolute http(s) address, with Mend:LoneWorking:WebhookSecret set.");
        }

        return this;
    }

    /// <summary>What a code typed at check-out is: blank is normal unless the service has a check-out code.</summary>
    public CheckOutCode Classify(string? code)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return string.IsNullOrEmpty(CheckOutCode) ? Visits.CheckOutCode.Normal : Visits.CheckOutCode.Wrong;
        }

        if (Same(code, DuressCode))
        {
            return Visits.CheckOutCode.Duress;
        }

        return Same(code, CheckOutCode) ? Visits.CheckOutCode.Normal : Visits.CheckOutCode.Wrong;
    }

    private static bool Same(string typed, string? secret) =>
        !string.IsNullOrEmpty(secret) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(typed), System.Text.Encoding.UTF8.GetBytes(secret));
}

/// <summary>
/// The order an overdue visit's alert climbs, and when, as one rule: an amber prompt to the worker once the visit is past
/// its expected end plus the grace period; the buddy if the worker has not answered within the answer time; then the
/// manager, then the duty manager, each after the step interval without an acknowledgement; the duty manager again every
/// interval after that, so the alert never goes quiet. A step whose message could not be sent moves on at once (the
/// duty manager's, with nobody further to go to, is tried again after a minute). An
/// acknowledgement stops the climb (the caller's part). A duress check-out tells the buddy, the manager and the duty
/// manager at once.
/// </summary>
public static class EscalationLadder
{
    /// <summary>How soon the last step (the duty manager, or everyone for a red alert) is tried again when nobody could be told.</summary>
    public static readonly TimeSpan RetryFailedLastStep = TimeSpan.FromMinutes(1);

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
        if (failed && last != AlertStep.DutyManager)
        {
            return next;
        }

        var wait = failed ? RetryFailedLastStep : last == AlertStep.Worker ? settings.AnswerWithin : settings.StepInterval;
        return now >= sentAt + wait ? next : null;
    }

    /// <summary>
    /// The step due now for <paramref name="alert"/>, or null. A duress alert tells everyone at its first step (the buddy's);
    /// after that the duty manager again every interval until acknowledged; if nobody could be told, everyone again a
    /// minute later.
    /// </summary>
    public static AlertStep? Next(VisitAlert alert, DateTime now, LoneWorkingSettings settings)
    {
        if (alert.StepState == StepState.Pending || alert.StepAt is null)
        {
            return null;
        }

        if (alert.Kind == AlertKind.Duress)
        {
            // Nobody reached: everyone again, a minute on. Reached: the duty manager again every interval.
            return alert.StepState == StepState.Failed
                ? (now >= alert.StepAt.Value + RetryFailedLastStep ? AlertStep.Buddy : null)
                : Next(AlertStep.DutyManager, alert.StepAt.Value, false, now, settings);
        }

        return Next(alert.Step, alert.StepAt.Value, alert.StepState == StepState.Failed, now, settings);
    }

    public static string Describe(AlertStep step) => step switch
    {
        AlertStep.Worker => "The worker (amber prompt)",
        AlertStep.Buddy => "Their buddy",
        AlertStep.Manager => "Their manager",
        _ => "The duty manager",
    };
}
