using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Victims;

/// <summary>
/// The short survey at the end of a victim's involvement: recorded by the practitioner, or answered
/// by the victim through a single-use link that needs no account and expires. Only the link's hash
/// is stored.
/// </summary>
public sealed class SatisfactionSurvey
{
    public Guid Id { get; private set; }
    public Guid VictimId { get; private set; }
    public string? TokenHash { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public bool CompletedByVictim { get; private set; }

    /// <summary>1 very dissatisfied … 5 very satisfied.</summary>
    public int? Satisfaction { get; private set; }
    public bool? FeltListenedTo { get; private set; }
    public bool? WouldRecommend { get; private set; }
    public string? CommentsCiphertext { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    internal static SatisfactionSurvey Create(Guid victimId, string? tokenHash, DateTime? expiresAt, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        VictimId = victimId,
        TokenHash = tokenHash,
        ExpiresAt = expiresAt,
        CreatedAt = now,
    };

    /// <summary>Why the link cannot be used now, or null.</summary>
    public string? WhyLinkUnusable(DateTime now) =>
        IsComplete ? "This survey has already been answered. Thank you."
        : ExpiresAt is { } expires && now > expires ? "This survey link has expired. If you would still like to tell us how it went, contact the service."
        : null;

    public void Complete(int satisfaction, bool feltListenedTo, bool wouldRecommend, string? comments, bool byVictim, FieldEncryption encryption, DateTime now)
    {
        if (IsComplete)
        {
            throw new DomainRuleException("This survey has already been answered.");
        }

        if (byVictim && WhyLinkUnusable(now) is { } why)
        {
            throw new DomainRuleException(why);
        }

        if (satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException("Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied).");
        }

        Satisfaction = satisfaction;
        FeltListenedTo = feltListenedTo;
        WouldRecommend = wouldRecommend;
        CommentsCiphertext = string.IsNullOrWhiteSpace(comments) ? null : encryption.Encrypt(comments.Trim());
        CompletedByVictim = byVictim;
        CompletedAt = now;
    }
}
