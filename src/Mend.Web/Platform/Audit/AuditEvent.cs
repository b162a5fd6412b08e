namespace Mend.Web.Platform.Audit;

/// <summary>
/// One fact for the s.62 log: who did what to which record, when, why, and for whom.
/// Rows are append-only (database triggers refuse UPDATE and DELETE) and never hold the data itself,
/// only the names of fields that changed.
/// </summary>
public sealed class AuditEvent : IAuditExempt
{
    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? Fields { get; private set; }
    public Guid? SubjectPersonId { get; private set; }
    public string? Purpose { get; private set; }
    public string? Recipient { get; private set; }
    public string? Outcome { get; private set; }
    public string CorrelationId { get; private set; } = "";
    public Guid? ApiTokenId { get; private set; }

    public static AuditEvent Create(
        AuditActorInfo actor,
        DateTime occurredAt,
        AuditAction action,
        string entityType,
        string? entityId = null,
        string? fields = null,
        Guid? subjectPersonId = null,
        string? purpose = null,
        string? recipient = null,
        string? outcome = null) => new()
        {
            OccurredAt = occurredAt,
            ActorUserId = actor.UserId,
            ActorName = Truncate(actor.Name, 256)!,
            ApiTokenId = actor.ApiTokenId,
            CorrelationId = Truncate(actor.CorrelationId, 64)!,
            Action = action,
            EntityType = Truncate(entityType, 100)!,
            EntityId = Truncate(entityId, 100),
            Fields = Truncate(fields, 2000),
            SubjectPersonId = subjectPersonId,
            Purpose = Truncate(purpose, 1000),
            Recipient = Truncate(recipient, 500),
            Outcome = Truncate(outcome, 200),
        };

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];

    /// <summary>The text the hash chain covers. Changing any stored column changes it.</summary>
    public string CanonicalText() => string.Join('\u001f',
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ActorUserId?.ToString() ?? "",
        ActorName,
        Action.ToString(),
        EntityType,
        EntityId ?? "",
        Fields ?? "",
        SubjectPersonId?.ToString() ?? "",
        Purpose ?? "",
        Recipient ?? "",
        Outcome ?? "",
        CorrelationId,
        ApiTokenId?.ToString() ?? "");
}

public enum AuditAction
{
    Create,
    Update,
    Delete,
    View,
    Export,
    Disclosure,
    Print,
    Erasure,
    SignIn,
    SignInFailed,
    SignOut,
    LockedOut,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesGenerated,
    PasswordChanged,
    PasswordResetRequested,
    UserInvited,
    UserDisabled,
    UserEnabled,
    RolesChanged,
    TokenIssued,
    TokenRevoked,
    ApiAccessDenied,
    BreakGlass,
    Download,
    Merge,
}

/// <summary>A seal in the hash chain: the hash of its event's canonical text and the previous seal's hash.</summary>
public sealed class AuditSeal : IAuditExempt
{
    public long Id { get; private set; }
    public long AuditEventId { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTime SealedAt { get; private set; }

    public static AuditSeal For(AuditEvent auditEvent, string previousHash, DateTime now) => new()
    {
        AuditEventId = auditEvent.Id,
        Hash = AuditChain.Link(previousHash, auditEvent),
        SealedAt = now,
    };
}
