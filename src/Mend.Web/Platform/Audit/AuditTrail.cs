using Mend.Web.Data;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// What features call to record views, exports, disclosures and security events. Rows are added to
/// the request's <see cref="MendDb"/> and saved with its one SaveChanges, or at once with <see cref="SaveAsync"/>.
/// On a GET, whose answer <see cref="ViewCommitGate"/> holds back, view records are held by the request instead
/// (<see cref="ViewCommits"/>) and go to <see cref="AuditViewWriter"/> as one batch at its save or before its answer:
/// they cost the request's change tracker nothing (decision 0016).
/// </summary>
public sealed class AuditTrail(MendDb db, AuditActor actor, AuditSettings settings, TimeProvider clock, ViewCommits commits)
{
    public AuditEvent Record(
        AuditAction action,
        string entityType,
        string? entityId = null,
        Guid? subjectPersonId = null,
        string? purpose = null,
        string? recipient = null,
        string? outcome = null,
        string? fields = null)
    {
        var auditEvent = AuditEvent.Create(actor.Current, clock.GetUtcNow().UtcDateTime, action, entityType, entityId,
            fields, subjectPersonId, purpose, recipient, outcome);
        if (action != AuditAction.View)
        {
            db.AuditEvents.Add(auditEvent);
        }
        else
        {
            RecordViews([auditEvent]);
        }

        return auditEvent;
    }

    private void RecordViews(IReadOnlyList<AuditEvent> views)
    {
        if (!settings.RecordViews)
        {
            return;
        }

        if (commits.Deferred)
        {
            commits.Hold(views);
            return;
        }

        db.AuditEvents.AddRange(views);
    }

    /// <summary>
    /// The one rule for auditing a view of a record about people, called alike by its page and its API: a row per person
    /// whose data was shown, each naming the record; a row for the record alone only when nobody was shown (decision 0008).
    /// </summary>
    /// <param name="purpose">Why the user looked, as the feature names it ("Case work"); the same from page and API.</param>
    public void Viewed(string entityType, string entityId, IEnumerable<Guid> peopleShown, string purpose)
    {
        var (by, at) = (actor.Current, clock.GetUtcNow().UtcDateTime);
        var shown = peopleShown.Distinct().ToList();
        RecordViews(shown.Count == 0
            ? [AuditEvent.Create(by, at, AuditAction.View, entityType, entityId, purpose: purpose)]
            : shown.Select(personId => AuditEvent.Create(by, at, AuditAction.View, entityType, entityId, subjectPersonId: personId, purpose: purpose)).ToList());
    }

    public async Task RecordNowAsync(
        AuditAction action, string entityType, string? entityId = null, string? purpose = null, string? outcome = null,
        CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, purpose: purpose, outcome: outcome);
        await SaveAsync(cancellationToken);
    }

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);
}

/// <summary>Mend:Audit.</summary>
public sealed class AuditSettings
{
    /// <summary>
    /// Record every view of personal data. Only the benchmark turns this off, to measure what view
    /// auditing costs; a live service must never run without it, and Mend warns at start-up if it does.
    /// </summary>
    public bool RecordViews { get; set; } = true;
}
