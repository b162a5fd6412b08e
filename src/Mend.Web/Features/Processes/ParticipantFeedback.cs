using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Processes;

/// <summary>
/// One participant's short questionnaire after a restorative process: recorded by the practitioner,
/// or answered by the participant through a single-use link that needs no account and expires.
/// Only the link's hash is stored. The victims' answers are the reported victim satisfaction figure.
/// </summary>
public sealed class ParticipantFeedback
{
    public Guid Id { get; private set; }
    public Guid RjProcessId { get; private set; }
    public Guid PersonId { get; private set; }
    public ParticipantRole Role { get; private set; }
    public string? TokenHash { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public bool ByParticipant { get; private set; }

    /// <summary>1 very dissatisfied … 5 very satisfied.</summary>
    public int? Satisfaction { get; private set; }
    public bool? FeltSafe { get; private set; }
    public bool? FeltListenedTo { get; private set; }
    public bool? WouldRecommend { get; private set; }
    public string? CommentsCiphertext { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    /// <summary>Whether the link can still be answered: not answered, not expired and not replaced.</summary>
    public bool IsOpenLink(DateTime now) => TokenHash is not null && WhyLinkUnusable(now) is null;

    internal static ParticipantFeedback Create(Guid processId, ProcessParticipant participant, string? tokenHash, DateTime? expiresAt, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        RjProcessId = processId,
        PersonId = participant.PersonId,
        Role = participant.Role,
        TokenHash = tokenHash,
        ExpiresAt = expiresAt,
        CreatedAt = now,
    };

    internal void MoveTo(Guid personId) => PersonId = personId;

    /// <summary>A newer link replaces this one: it stops working at once.</summary>
    internal void Replace(DateTime now) => ExpiresAt = now;

    /// <summary>Why the link cannot be used now, or null.</summary>
    public string? WhyLinkUnusable(DateTime now) =>
        IsComplete ? "This questionnaire has already been answered. Thank you."
        : ExpiresAt is { } expires && now >= expires ? "This questionnaire link has expired. If you would still like to tell us how it went, contact the service."
        : null;

    public void Complete(FeedbackAnswers answers, bool byParticipant, FieldEncryption encryption, DateTime now)
    {
        if (IsComplete)
        {
            throw new DomainRuleException("This questionnaire has already been answered.");
        }

        if (byParticipant && WhyLinkUnusable(now) is { } why)
        {
            throw new DomainRuleException(why);
        }

        if (answers.Satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException("Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied).");
        }

        Satisfaction = answers.Satisfaction;
        FeltSafe = answers.FeltSafe;
        FeltListenedTo = answers.FeltListenedTo;
        WouldRecommend = answers.WouldRecommend;
        CommentsCiphertext = string.IsNullOrWhiteSpace(answers.Comments) ? null : encryption.Encrypt(answers.Comments.Trim());
        ByParticipant = byParticipant;
        CompletedAt = now;
    }
}

public sealed record FeedbackAnswers(int Satisfaction, bool FeltSafe, bool FeltListenedTo, bool WouldRecommend, string? Comments);
