namespace Mend.Web.Platform.Audit;

/// <summary>
/// One fact for the s.62 log: who did what to which record, when, why, and for whom.
/// Rows are append-only (database triggers refuse UPDATE and DELETE) and never hold the data itself,
/// only the names of fields that changed. The one change allowed is <see cref="EraseTexts"/>: when retention disposes of
/// a person or a case, the free texts (purpose, recipient, outcome, which can name people) are cleared and the event
/// names the disposal. The hash chain covers a salted digest of those texts rather than the texts themselves, so the
/// chain still verifies after they are gone and the salt goes with them (the digest cannot be tested against a guess).
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

    /// <summary>32 hex digits of randomness mixed into <see cref="TextDigest"/>; null on events from before texts could be erased, and once erased.</summary>
    public string? TextSalt { get; private set; }

    /// <summary>SHA-256 (hex) of the salt and the free texts; the chain covers this instead of the texts. Null on older events.</summary>
    public string? TextDigest { get; private set; }

    /// <summary>The retention disposal that cleared this event's free texts, if any.</summary>
    public long? ErasedByDisposalId { get; private set; }

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
        string? outcome = null)
    {
        var auditEvent = Unsalted(actor, occurredAt, action, entityType, entityId, fields, subjectPersonId, purpose, recipient, outcome);
        auditEvent.TextSalt = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        auditEvent.TextDigest = auditEvent.DigestOfTexts();
        return auditEvent;
    }

    /// <summary>Whether the free texts are those the chain's digest was made from (always true once erased, and for older events).</summary>
    public bool TextsMatchDigest() => TextDigest is null || ErasedByDisposalId is not null || string.Equals(DigestOfTexts(), TextDigest, StringComparison.Ordinal);

    /// <summary>
    /// Clears the free texts for a retention disposal. Refused for an event from before texts had a digest: clearing
    /// them would break the chain, so <see cref="AuditVerifier"/> would report it, and the caller keeps such events as they are.
    /// </summary>
    public bool EraseTexts(long disposalId)
    {
        if (TextDigest is null || ErasedByDisposalId is not null)
        {
            return false;
        }

        (Purpose, Recipient, Outcome, TextSalt, ErasedByDisposalId) = (null, null, null, null, disposalId);
        return true;
    }

    private string DigestOfTexts() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', TextSalt ?? "", Purpose ?? "\u0000", Recipient ?? "\u0000", Outcome ?? "\u0000"))));

    private static AuditEvent Unsalted(
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

    /// <summary>
    /// The text the hash chain covers. Changing any stored column changes it (the free texts through
    /// <see cref="TextDigest"/>; events from before the digest are covered as they always were).
    /// </summary>
    public string CanonicalText() => TextDigest is null ? LegacyCanonicalText() : string.Join('\u001f',
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ActorUserId?.ToString() ?? "",
        ActorName,
        Action.ToString(),
        EntityType,
        EntityId ?? "",
        Fields ?? "",
        SubjectPersonId?.ToString() ?? "",
        TextDigest,
        CorrelationId,
        ApiTokenId?.ToString() ?? "");

    private string LegacyCanonicalText() => string.Join('\u001f',
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
