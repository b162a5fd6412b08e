using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>The right a person asks to use.</summary>
public enum RightAsked
{
    /// <summary>Correct inaccurate data (UK GDPR Art 16; DPA 2018 s.46; Jersey Art 31).</summary>
    Rectification,

    /// <summary>Restrict processing (UK GDPR Art 18; DPA 2018 s.47; Jersey Art 33).</summary>
    Restriction,
}

public enum RightsRequestStatus
{
    Open,
    Done,
    Refused,
}

/// <summary>
/// A person's request to correct their data or restrict its processing, answered on the same clock as subject access
/// (UK GDPR Art 12A covers Arts 15 to 22; DPA 2018 s.54 covers s.48(2)(b); Jersey: the four weeks, assumed). Done means the
/// correction was made (saying what) or processing was restricted; a refusal gives the reason the person is told.
/// </summary>
public sealed class RightsRequest : IVersioned, IPersonalData
{
    public const int TextLength = 1000;

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public RightAsked Right { get; private set; }
    public AccessRegime Regime { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly DueOn { get; private set; }

    /// <summary>What the person asks: the data they say is wrong and what it should say, or why processing should be restricted.</summary>
    public string Details { get; private set; } = "";
    public RightsRequestStatus Status { get; private set; }
    public string? Outcome { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public string? HandledByName { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public int Version { get; set; }

    Guid? IPersonalData.SubjectPersonId => PersonId;

    /// <exception cref="DomainRuleException">A field refused, naming it.</exception>
    public static RightsRequest Receive(Guid personId, RightAsked? right, AccessRegime? regime, DateOnly? receivedOn, string? details, DateOnly today, WorkingDays days, string byName, DateTime now)
    {
        if (right is null)
        {
            throw new DomainRuleException("Choose what the person asks for", "right");
        }

        if (regime is null)
        {
            throw new DomainRuleException("Choose the law the request is answered under", "regime");
        }

        if (receivedOn is null || receivedOn > today || receivedOn < today.AddYears(-1))
        {
            throw new DomainRuleException("Enter the date the request was received: today or in the past year", "receivedOn");
        }

        Text(details, "details", "Enter what the person asks for");
        return new RightsRequest
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            Right = right.Value,
            Regime = regime.Value,
            ReceivedOn = receivedOn.Value,
            DueOn = SubjectAccessDeadline.DueOn(regime.Value, receivedOn.Value, extended: false, days),
            Details = details!.Trim(),
            Status = RightsRequestStatus.Open,
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    /// <summary>The request is met: the correction made (saying what), or processing restricted; the caller restricts the person.</summary>
    public void Complete(string? outcome, string byName, DateTime now)
    {
        RequireOpen();
        Text(outcome, "outcome", Right == RightAsked.Rectification ? "Say what was corrected, and where" : "Say what the restriction covers and how the person was told");
        (Status, Outcome, HandledByName, HandledAt) = (RightsRequestStatus.Done, outcome!.Trim(), byName, now);
    }

    public void Refuse(string? reason, string byName, DateTime now)
    {
        RequireOpen();
        Text(reason, "outcome", "Enter why the request is refused: the person must be told, and of their right to complain");
        (Status, Outcome, HandledByName, HandledAt) = (RightsRequestStatus.Refused, reason!.Trim(), byName, now);
    }

    public static string Describe(RightAsked right) => right == RightAsked.Rectification ? "Correct their data" : "Restrict processing";

    private void RequireOpen()
    {
        if (Status != RightsRequestStatus.Open)
        {
            throw new DomainRuleException("This request has already been answered");
        }
    }

    private static void Text(string? text, string field, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(missing, field);
        }

        if (text.Length > TextLength)
        {
            throw new DomainRuleException($"This must be {TextLength} characters or fewer", field);
        }
    }
}

internal sealed class RightsRequestModel : IEntityTypeConfiguration<RightsRequest>
{
    public void Configure(EntityTypeBuilder<RightsRequest> builder)
    {
        builder.ToTable("RightsRequests");
        builder.Property(r => r.Right).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Regime).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Details).HasMaxLength(RightsRequest.TextLength);
        builder.Property(r => r.Outcome).HasMaxLength(RightsRequest.TextLength);
        builder.Property(r => r.RecordedByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.HandledByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.PersonId);
    }
}
