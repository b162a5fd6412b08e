using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>Where a subject-access request stands.</summary>
public enum AccessRequestStatus
{
    Received,
    Prepared,
    SignedOff,
    Released,

    /// <summary>Closed without a release: withdrawn by the person, or answered another way; the reason is recorded.</summary>
    Closed,
}

/// <summary>Why a detail is kept out of a subject-access bundle: the exemption relied on, with its source.</summary>
public enum RedactionReason
{
    OtherPersonsData,
    CrimePrevention,
    SeriousHarm,
    LegalPrivilege,
}

/// <summary>
/// A person's request for a copy of what Mend holds about them, from receipt to release: when it arrived and identity was
/// confirmed, the regime and so its deadline (<see cref="SubjectAccessDeadline"/>), the details of other people kept out
/// of the bundle and why, the bundle itself, a second officer's sign-off and the release. Every step is audited; the
/// release is recorded in the disclosure log.
/// </summary>
public sealed class SubjectAccessRequest : IVersioned, IPersonalData
{
    public const int TextLength = 200;
    public const int ReasonLength = 1000;

    private readonly List<Redaction> _redactions = [];

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>Who made the request: the person, or who acted for them ("Their solicitor, A. Khan").</summary>
    public string RequestedBy { get; private set; } = "";
    public AccessRegime Regime { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly? IdentityConfirmedOn { get; private set; }
    public bool Extended { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>The deadline as it stands (null until the clock starts: Jersey requests wait for identity).</summary>
    public DateOnly? DueOn { get; private set; }
    public AccessRequestStatus Status { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public Guid? PreparedById { get; private set; }
    public string? PreparedByName { get; private set; }
    public DateTime? PreparedAt { get; private set; }
    public string? SignedOffByName { get; private set; }
    public DateTime? SignedOffAt { get; private set; }
    public string? ReleasedByName { get; private set; }
    public DateTime? ReleasedAt { get; private set; }
    public DateOnly? ReleasedOn { get; private set; }
    public string? ReleaseMethod { get; private set; }
    public string? ClosedReason { get; private set; }

    /// <summary>Still being answered: records about the person must not be destroyed meanwhile.</summary>
    public bool IsOpen => Status is not (AccessRequestStatus.Released or AccessRequestStatus.Closed);

    /// <summary>The bundle as prepared and signed off (a ZIP: the PDF and the files), exactly what is released.</summary>
    public byte[]? Bundle { get; private set; }
    public string? BundleSha256 { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<Redaction> Redactions => _redactions;

    Guid? IPersonalData.SubjectPersonId => PersonId;

    /// <exception cref="DomainRuleException">A field refused, naming it.</exception>
    public static SubjectAccessRequest Receive(Guid personId, string? requestedBy, AccessRegime? regime, DateOnly? receivedOn, DateOnly? identityConfirmedOn,
        DateOnly today, WorkingDays days, string byName, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            throw new DomainRuleException("Enter who made the request: the person, or who acted for them", "requestedBy");
        }

        if (requestedBy.Length > TextLength)
        {
            throw new DomainRuleException($"Who made the request must be {TextLength} characters or fewer", "requestedBy");
        }

        if (regime is null)
        {
            throw new DomainRuleException("Choose the law the request is answered under", "regime");
        }

        if (receivedOn is null)
        {
            throw new DomainRuleException("Enter the date the request was received", "receivedOn");
        }

        if (receivedOn > today || receivedOn < today.AddYears(-1))
        {
            throw new DomainRuleException("The date received must be today or in the past year", "receivedOn");
        }

        var request = new SubjectAccessRequest
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            RequestedBy = requestedBy.Trim(),
            Regime = regime.Value,
            ReceivedOn = receivedOn.Value,
            Status = AccessRequestStatus.Received,
            RecordedByName = byName,
            RecordedAt = now,
        };
        request.ConfirmIdentity(identityConfirmedOn, today, days);
        return request;
    }

    /// <summary>
    /// Records the day identity was confirmed (not in the future, and at most 90 days before the request, for a person
    /// whose identity was checked just before they asked) and works the deadline out again.
    /// </summary>
    /// <exception cref="DomainRuleException">A date refused, naming "identityConfirmedOn", or the request is closed.</exception>
    public void ConfirmIdentity(DateOnly? on, DateOnly today, WorkingDays days)
    {
        RequireOpen();
        if (on is { } day && (day < ReceivedOn.AddDays(-90) || day > today))
        {
            throw new DomainRuleException("The date identity was confirmed must be in the past, and not long before the request", "identityConfirmedOn");
        }

        IdentityConfirmedOn = on;
        Recalculate(days);
    }

    /// <summary>
    /// Extends the deadline for a complex request or many requests, where the regime allows it and the first period has
    /// not yet ended (the person must be told, with the reasons, within it).
    /// </summary>
    /// <exception cref="DomainRuleException">Refused, naming "reason", or the whole request.</exception>
    public void Extend(string? reason, DateOnly today, WorkingDays days)
    {
        RequireOpen();
        if (Extended)
        {
            throw new DomainRuleException("This request has already been extended");
        }

        if (SubjectAccessDeadline.StartOn(Regime, ReceivedOn, IdentityConfirmedOn) is not { } start)
        {
            throw new DomainRuleException("The clock has not started yet: record the day identity was confirmed first");
        }

        if (today > SubjectAccessDeadline.LastDayToExtend(Regime, start, days))
        {
            throw new DomainRuleException("The first period has ended, so the deadline can no longer be extended");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the request needs longer: the person must be told the reasons", "reason");
        }

        if (reason.Length > ReasonLength)
        {
            throw new DomainRuleException($"The reason must be {ReasonLength} characters or fewer", "reason");
        }

        (Extended, ExtensionReason) = (true, reason.Trim());
        Recalculate(days);
    }

    /// <summary>Keeps another person's detail out of the bundle, with the exemption relied on. A detail already kept out is not added twice.</summary>
    /// <exception cref="DomainRuleException">Empty or too long ("text"), or the request has been signed off.</exception>
    public void Redact(string? text, RedactionReason reason, bool suggested)
    {
        RequireEditable();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            throw new DomainRuleException("Enter the detail to keep out, at least 2 characters", "text");
        }

        if (text.Length > TextLength)
        {
            throw new DomainRuleException($"The detail must be {TextLength} characters or fewer", "text");
        }

        if (_redactions.Any(r => string.Equals(r.Text, text.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        _redactions.Add(new Redaction(text.Trim(), reason, suggested));
        Reopen();
    }

    public void RemoveRedaction(long redactionId)
    {
        RequireEditable();
        _redactions.RemoveAll(r => r.Id == redactionId);
        Reopen();
    }

    /// <summary>The officer has made the bundle from what Mend holds, with the redactions applied; a second officer must sign it off.</summary>
    public void Prepare(byte[] bundle, Guid byId, string byName, DateTime now)
    {
        RequireEditable();
        (Bundle, BundleSha256, Status, PreparedById, PreparedByName, PreparedAt) =
            (bundle, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bundle)), AccessRequestStatus.Prepared, byId, byName, now);
    }

    /// <summary>A second data protection officer, not the one who prepared it, signs the bundle off as ready to release.</summary>
    /// <exception cref="DomainRuleException">Not prepared, or signed off by the officer who prepared it.</exception>
    public void SignOff(Guid byId, string byName, DateTime now)
    {
        if (Status != AccessRequestStatus.Prepared)
        {
            throw new DomainRuleException(Status == AccessRequestStatus.Received ? "Make the bundle before it is signed off" : "This bundle has already been signed off");
        }

        if (PreparedById == byId)
        {
            throw new DomainRuleException("You prepared this bundle, so another data protection officer must sign it off");
        }

        (Status, SignedOffByName, SignedOffAt) = (AccessRequestStatus.SignedOff, byName, now);
    }

    /// <summary>The bundle went to the person; the caller records the disclosure.</summary>
    /// <exception cref="DomainRuleException">Not signed off, or the method or date refused.</exception>
    public void Release(string? method, DateOnly? on, DateOnly today, string byName, DateTime now)
    {
        if (Status != AccessRequestStatus.SignedOff)
        {
            throw new DomainRuleException(Status == AccessRequestStatus.Released ? "This request has already been released" : "The bundle must be signed off before it is released");
        }

        if (string.IsNullOrWhiteSpace(method))
        {
            throw new DomainRuleException("Enter how the bundle was sent, for example by secure e-mail", "method");
        }

        if (method.Length > TextLength)
        {
            throw new DomainRuleException($"How it was sent must be {TextLength} characters or fewer", "method");
        }

        if (on is null || on > today || on < ReceivedOn)
        {
            throw new DomainRuleException("Enter the day it was sent: not before the request arrived, and not in the future", "releasedOn");
        }

        (Status, ReleaseMethod, ReleasedOn, ReleasedByName, ReleasedAt) = (AccessRequestStatus.Released, method.Trim(), on, byName, now);
    }

    /// <summary>Closes the request without a release (withdrawn, or answered another way), with the reason.</summary>
    /// <exception cref="DomainRuleException">Already released or closed, or no reason ("reason").</exception>
    public void Close(string? reason)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the request is closed, for example the person withdrew it", "closedReason");
        }

        if (reason.Length > ReasonLength)
        {
            throw new DomainRuleException($"The reason must be {ReasonLength} characters or fewer", "closedReason");
        }

        (Status, ClosedReason, Bundle) = (AccessRequestStatus.Closed, reason.Trim(), null);
    }

    /// <summary>Days left to the deadline on <paramref name="today"/> (negative when overdue), or null before the clock starts.</summary>
    public int? DaysLeft(DateOnly today) => DueOn is { } due ? due.DayNumber - today.DayNumber : null;

    public static string Describe(RedactionReason reason) => reason switch
    {
        RedactionReason.OtherPersonsData => "Another person's information (DPA 2018 Sch 2 para 16; Part 3 s.45(4)(e); Jersey third-party data)",
        RedactionReason.CrimePrevention => "Prevention or detection of crime (DPA 2018 Sch 2 para 2; Part 3 s.45(4)(b))",
        RedactionReason.SeriousHarm => "Likely to cause serious harm to someone's physical or mental health (DPA 2018 Sch 3, social work data)",
        _ => "Legal professional privilege (DPA 2018 Sch 2 para 19)",
    };

    public static string Describe(AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.Received => "Received",
        AccessRequestStatus.Prepared => "Bundle made, waiting for sign-off",
        AccessRequestStatus.SignedOff => "Signed off, ready to release",
        AccessRequestStatus.Closed => "Closed without a release",
        _ => "Released",
    };

    private void Recalculate(WorkingDays days) =>
        DueOn = SubjectAccessDeadline.StartOn(Regime, ReceivedOn, IdentityConfirmedOn) is { } start ? SubjectAccessDeadline.DueOn(Regime, start, Extended, days) : null;

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(Status == AccessRequestStatus.Released ? "This request has been released" : "This request has been closed");
        }
    }

    private void RequireEditable()
    {
        if (Status is AccessRequestStatus.SignedOff or AccessRequestStatus.Released or AccessRequestStatus.Closed)
        {
            throw new DomainRuleException("The bundle has been signed off, so it can no longer be changed");
        }
    }

    /// <summary>A change to the redactions makes a prepared bundle out of date: it must be made again.</summary>
    private void Reopen()
    {
        if (Status == AccessRequestStatus.Prepared)
        {
            (Status, Bundle, BundleSha256, PreparedById, PreparedByName, PreparedAt) = (AccessRequestStatus.Received, null, null, null, null, null);
        }
    }
}

/// <summary>One detail kept out of a subject-access bundle, wherever it appears, and the exemption relied on.</summary>
public sealed class Redaction(string text, RedactionReason reason, bool suggested)
{
    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Text { get; private set; } = text;
    public RedactionReason Reason { get; private set; } = reason;

    /// <summary>True when Mend suggested it (a person it knows on the record) and the officer confirmed it.</summary>
    public bool Suggested { get; private set; } = suggested;
}

internal sealed class SubjectAccessRequestModel : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> builder)
    {
        builder.ToTable("SubjectAccessRequests");
        builder.Property(r => r.RequestedBy).HasMaxLength(SubjectAccessRequest.TextLength).IsOneLine();
        builder.Property(r => r.Regime).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ExtensionReason).HasMaxLength(SubjectAccessRequest.ReasonLength);
        builder.Property(r => r.RecordedByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.PreparedByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.SignedOffByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.ReleasedByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.ReleaseMethod).HasMaxLength(SubjectAccessRequest.TextLength).IsOneLine();
        builder.Property(r => r.ClosedReason).HasMaxLength(SubjectAccessRequest.ReasonLength);
        builder.Property(r => r.BundleSha256).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasMany(r => r.Redactions).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Redactions).HasField("_redactions").AutoInclude();
    }
}

internal sealed class RedactionModel : IEntityTypeConfiguration<Redaction>
{
    public void Configure(EntityTypeBuilder<Redaction> builder)
    {
        builder.ToTable("Redactions");
        builder.Property(r => r.Text).HasMaxLength(SubjectAccessRequest.TextLength);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
    }
}
