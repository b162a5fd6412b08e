using Mend.Web.Platform;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Visits;

public enum AlertKind
{
    /// <summary>Amber: the visit ran past its expected end plus the grace period.</summary>
    Overdue,

    /// <summary>Red: the worker checked out with the duress code.</summary>
    Duress,
}

/// <summary>Where the current step of an alert stands: still to send, sent to someone, or not sent to anyone.</summary>
public enum StepState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One alert about one visit and where its escalation stands, kept in the database so that any node can carry it on:
/// the step reached (<see cref="EscalationLadder"/>), whether its messages went, and when. An acknowledgement, or the
/// worker checking out or extending, ends it. An overdue alert is raised once for each expected end (an extension makes
/// a new expected end), a duress alert once for a visit; the unique index on (visit, kind, expected end) makes sure of it
/// across nodes.
/// </summary>
public sealed class VisitAlert : IVersioned
{
    public const int NoteLength = 500;

    public long Id { get; private set; }
    public Guid VisitId { get; private set; }
    public AlertKind Kind { get; private set; }

    /// <summary>The visit's expected end when the alert was raised.</summary>
    public DateTime ExpectedEndAt { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public AlertStep Step { get; private set; }
    public StepState StepState { get; private set; }

    /// <summary>When the current step's messages were sent or failed (the ladder's clock); null while pending.</summary>
    public DateTime? StepAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndedByName { get; private set; }

    /// <summary>How it ended, in words: "Acknowledged by Bea Buddy: spoke to Wes, safe".</summary>
    public string? Ending { get; private set; }

    /// <summary>When everyone already told was told it had ended (and the alarm-receiving centre); null until then.</summary>
    public DateTime? StoodDownAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => EndedAt is null;

    /// <summary>An amber alert: the first step goes to the worker.</summary>
    public static VisitAlert Overdue(Visit visit, DateTime now) => new()
    {
        VisitId = visit.Id,
        Kind = AlertKind.Overdue,
        ExpectedEndAt = visit.ExpectedEndAt,
        RaisedAt = now,
        Step = AlertStep.Worker,
    };

    /// <summary>A red alert: the buddy, the manager and the duty manager at once (the buddy's step stands for all three).</summary>
    public static VisitAlert DuressAlert(Visit visit, DateTime now) => new()
    {
        VisitId = visit.Id,
        Kind = AlertKind.Duress,
        ExpectedEndAt = visit.ExpectedEndAt,
        RaisedAt = now,
        Step = AlertStep.Buddy,
    };

    /// <summary>The current step's messages went to at least one person (<paramref name="sent"/>) or to nobody.</summary>
    public void StepDone(bool sent, DateTime now) => (StepState, StepAt) = (sent ? StepState.Sent : StepState.Failed, now);

    /// <summary>Climbs to <paramref name="next"/>, whose messages are still to send.</summary>
    public void Climb(AlertStep next) => (Step, StepState, StepAt) = (next, StepState.Pending, null);

    /// <summary>Someone has taken it on: the climb stops.</summary>
    /// <exception cref="DomainRuleException">Already ended, or the note too long ("note").</exception>
    public void Acknowledge(string byName, string? note, DateTime now)
    {
        if (note is { Length: > NoteLength })
        {
            throw new DomainRuleException($"The note must be {NoteLength} characters or fewer", "note");
        }

        End(byName, string.IsNullOrWhiteSpace(note) ? $"Acknowledged by {byName}" : $"Acknowledged by {byName}: {note.Trim()}", now);
    }

    /// <summary>Everyone told has been told it is over.</summary>
    public void StoodDown(DateTime now) => StoodDownAt ??= now;

    /// <summary>The worker answered: checked out or extended the visit.</summary>
    public void AnsweredByWorker(string workerName, string what, DateTime now) => End(workerName, what, now);

    private void End(string byName, string ending, DateTime now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException($"This alert has already ended: {Ending}");
        }

        (EndedAt, EndedByName, Ending) = (now, byName, ending);
    }

    public string Describe() => Kind == AlertKind.Duress ? "Duress code used" : "Not checked out";
}

/// <summary>What happened to an alert, one line each: raised, a message sent or failed, escalated, acknowledged.</summary>
public enum AlertEvent
{
    Raised,
    Sent,
    Failed,
    Escalated,
    Ended,

    /// <summary>Someone already told was told the alert had ended.</summary>
    StoodDown,
}

/// <summary>
/// The alert log: every step with its time, written once and never changed (the database refuses updates). Names who was
/// told and how, never what the visit was about.
/// </summary>
public sealed class AlertLogEntry
{
    public const int DetailLength = 500;

    public long Id { get; private set; }
    public long AlertId { get; private set; }

    /// <summary>Set when written, so that an alert and its first entry can be saved together.</summary>
    public VisitAlert? Alert { get; private set; }
    public Guid VisitId { get; private set; }
    public DateTime At { get; private set; }
    public AlertEvent Event { get; private set; }
    public AlertStep Step { get; private set; }

    /// <summary>"Bea Buddy by text message", "the alarm-receiving centre", or the ending in words.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>The user a message went to (or failed to reach); who hears the stand-down.</summary>
    public Guid? RecipientId { get; private set; }

    /// <summary>The same entry again, for an alert already saved: written when the change it came with was refused, so the log keeps what was sent.</summary>
    public AlertLogEntry Again() => new() { AlertId = Alert?.Id ?? AlertId, VisitId = VisitId, At = At, Event = Event, Step = Step, Detail = Detail, RecipientId = RecipientId };

    public static AlertLogEntry For(VisitAlert alert, AlertEvent what, string detail, DateTime now, Guid? recipientId = null) => new()
    {
        RecipientId = recipientId,
        Alert = alert,
        VisitId = alert.VisitId,
        At = now,
        Event = what,
        Step = alert.Step,
        Detail = detail.Length > DetailLength ? detail[..DetailLength] : detail,
    };
}

/// <summary>Who is the duty manager, from when until when: the last step of every alert goes to them.</summary>
public sealed class DutyShift
{
    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string SetByName { get; private set; } = "";

    /// <summary>Taken off the rota now: a duty not yet started goes (the caller removes it); one under way ends now.</summary>
    public bool EndNow(DateTime now)
    {
        if (StartsAt >= now)
        {
            return false;
        }

        EndsAt = now;
        return true;
    }

    /// <summary>The longest a single duty shift may be.</summary>
    public static readonly TimeSpan LongestShift = TimeSpan.FromDays(14);

    /// <exception cref="DomainRuleException">The end not after the start ("endsAt"), or longer than <see cref="LongestShift"/>.</exception>
    public static DutyShift Make(Guid userId, string userName, DateTime? startsAt, DateTime? endsAt, string setByName)
    {
        if (startsAt is null)
        {
            throw new DomainRuleException("Enter when the duty starts", "startsAt");
        }

        if (endsAt is null || endsAt <= startsAt)
        {
            throw new DomainRuleException("The end of the duty must be after its start", "endsAt");
        }

        if (endsAt - startsAt > LongestShift)
        {
            throw new DomainRuleException($"A duty can be at most {LongestShift.TotalDays:0} days; add another for the time after", "endsAt");
        }

        return new DutyShift { UserId = userId, UserName = userName, StartsAt = startsAt.Value, EndsAt = endsAt.Value, SetByName = setByName };
    }
}
