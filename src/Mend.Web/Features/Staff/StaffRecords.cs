using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

/// <summary>What a course was: the ones that open a gate, and the rest.</summary>
public enum TrainingKind
{
    /// <summary>Restorative justice facilitation (the accreditation is recorded separately).</summary>
    RjFacilitation,

    /// <summary>Training to sit on a community or referral-order panel: a volunteer needs it to join a panel.</summary>
    PanelMember,

    /// <summary>Safeguarding children and adults, at a level.</summary>
    Safeguarding,

    /// <summary>Continuing professional development, counted in hours.</summary>
    Cpd,
    Other,
}

/// <summary>
/// A course a member of staff or volunteer completed: what, who ran it, when, until when it counts (when it expires),
/// and the CPD hours it gave. Kept when expired, so a past gate can be checked.
/// </summary>
public sealed class TrainingRecord
{
    public const int CourseLength = 200;

    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public TrainingKind Kind { get; private set; }
    public string Course { get; private set; } = "";
    public string? Provider { get; private set; }

    /// <summary>For safeguarding: the level (1 to 3, as the local safeguarding partnership names them).</summary>
    public int? Level { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public decimal? CpdHours { get; private set; }

    /// <summary>Approved by the Restorative Justice Council: at least half of a practitioner's CPD must be (Practitioner Code of Practice, D).</summary>
    public bool RjcApproved { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>When the 30-day reminder went, so it goes once.</summary>
    public DateTime? RemindedAt { get; private set; }

    public sealed record Details(TrainingKind? Kind, string? Course, string? Provider, int? Level, DateOnly? CompletedOn, DateOnly? ExpiresOn, decimal? CpdHours, bool RjcApproved);

    /// <exception cref="DomainRuleException">A field refused, naming it: "kind", "course", "provider", "level", "completedOn", "expiresOn", "cpdHours".</exception>
    public static TrainingRecord Record(Guid userId, Details details, DateOnly today, string byName, DateTime now)
    {
        if (details.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Choose what kind of training it was", "kind");
        }

        var course = TextInput.Clean(details.Course) ?? throw new DomainRuleException("Enter the name of the course", "course");
        if (course.Length > CourseLength)
        {
            throw new DomainRuleException($"The course name must be {CourseLength} characters or fewer", "course");
        }

        var provider = TextInput.Clean(details.Provider);
        if (provider is { Length: > 200 })
        {
            throw new DomainRuleException("Who ran it must be 200 characters or fewer", "provider");
        }

        if (kind == TrainingKind.Safeguarding && details.Level is not (1 or 2 or 3))
        {
            throw new DomainRuleException("Choose the safeguarding level, 1 to 3", "level");
        }

        if (details.CompletedOn is not { } completed)
        {
            throw new DomainRuleException("Enter the date the course was completed", "completedOn");
        }

        if (completed > today)
        {
            throw new DomainRuleException("The date completed must be today or in the past", "completedOn");
        }

        if (details.ExpiresOn is { } expires && expires <= completed)
        {
            throw new DomainRuleException("The expiry date must be after the date completed", "expiresOn");
        }

        if (details.CpdHours is { } hours && (hours <= 0 || hours > 200 || decimal.Round(hours, 1) != hours))
        {
            throw new DomainRuleException("Enter the CPD hours as a number from 0.1 to 200, to one decimal place", "cpdHours");
        }

        return new TrainingRecord
        {
            UserId = userId,
            Kind = kind,
            Course = course,
            Provider = provider,
            Level = kind == TrainingKind.Safeguarding ? details.Level : null,
            CompletedOn = completed,
            ExpiresOn = details.ExpiresOn,
            CpdHours = details.CpdHours,
            RjcApproved = details.RjcApproved,
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    /// <summary>Counts on a day: completed by then and not expired.</summary>
    public bool IsCurrentOn(DateOnly day) => CompletedOn <= day && (ExpiresOn is null || ExpiresOn >= day);

    public void Reminded(DateTime now) => RemindedAt ??= now;
}

/// <summary>The level of a Disclosure and Barring Service check (Jersey services use the same levels).</summary>
public enum DbsLevel
{
    Basic,
    Standard,
    Enhanced,

    /// <summary>Enhanced with a check of the children's or adults' barred list: what regulated activity with children needs.</summary>
    EnhancedWithBarredList,
}

/// <summary>
/// A DBS check on a member of staff or volunteer: its level, the certificate's number (kept encrypted, shown as its last
/// four digits), when it was issued, whether it is on the DBS Update Service, and the service's own renewal date (a
/// certificate has no expiry of its own). A check past its renewal date is not current.
/// </summary>
public sealed class DbsCheck
{
    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public DbsLevel Level { get; private set; }
    public string CertificateCiphertext { get; private set; } = "";
    public string CertificateLastFour { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public bool UpdateService { get; private set; }
    public DateOnly RenewBy { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public DateTime? RemindedAt { get; private set; }

    public string MaskedNumber => $"•••• •••• {CertificateLastFour}";

    public sealed record Details(DbsLevel? Level, string? CertificateNumber, DateOnly? IssuedOn, bool UpdateService, DateOnly? RenewBy);

    /// <summary>
    /// A check recorded. The certificate number is 12 digits (spaces allowed); the renewal date must be after the issue
    /// date and not already past: a lapsed check is not recorded as current.
    /// </summary>
    /// <exception cref="DomainRuleException">A field refused, naming it: "level", "certificateNumber", "issuedOn", "renewBy".</exception>
    public static DbsCheck Record(Guid userId, Details details, DateOnly today, Platform.Encryption.FieldEncryption encryption, string byName, DateTime now)
    {
        if (details.Level is not { } level || !Enum.IsDefined(level))
        {
            throw new DomainRuleException("Choose the level of the check", "level");
        }

        var digits = new string((details.CertificateNumber ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainRuleException("Enter the certificate number: the 12 digits on the certificate", "certificateNumber");
        }

        if (details.IssuedOn is not { } issued)
        {
            throw new DomainRuleException("Enter the date the certificate was issued", "issuedOn");
        }

        if (issued > today)
        {
            throw new DomainRuleException("The date issued must be today or in the past", "issuedOn");
        }

        if (details.RenewBy is not { } renew || renew <= issued)
        {
            throw new DomainRuleException("Enter the renewal date, after the date issued", "renewBy");
        }

        if (renew > issued.AddYears(10))
        {
            throw new DomainRuleException("The renewal date must be within 10 years of the date issued", "renewBy");
        }

        if (renew < today)
        {
            throw new DomainRuleException("This check's renewal date has passed, so it is not current: record the new check instead", "renewBy");
        }

        return new DbsCheck
        {
            UserId = userId,
            Level = level,
            CertificateCiphertext = encryption.Encrypt(digits),
            CertificateLastFour = digits[^4..],
            IssuedOn = issued,
            UpdateService = details.UpdateService,
            RenewBy = renew,
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    public bool IsCurrentOn(DateOnly day) => IssuedOn <= day && RenewBy >= day;

    public void Reminded(DateTime now) => RemindedAt ??= now;

    public static string Describe(DbsLevel level) => level switch
    {
        DbsLevel.Basic => "Basic",
        DbsLevel.Standard => "Standard",
        DbsLevel.Enhanced => "Enhanced",
        _ => "Enhanced with barred list",
    };
}

/// <summary>A practitioner's level in the Restorative Justice Council's practitioner framework, which sets their yearly CPD.</summary>
public enum PractitionerLevel
{
    Foundation,
    Intermediate,
    Advanced,
}

/// <summary>
/// Continuing professional development each practitioner must complete in a year, by level. Source: Restorative Justice
/// Council, Practitioner Code of Practice, requirement D (restorativejustice.org.uk/resources/practitioner-code-practice):
/// foundation 6 hours, intermediate 12, advanced 16, at least half of it RJC-approved. Requirement C of the same code asks
/// for case supervision at least every 12 weeks and one observed practice a year.
/// </summary>
public static class CpdRequirement
{
    public const string Source = "Restorative Justice Council, Practitioner Code of Practice, requirement D";

    private static readonly IReadOnlyDictionary<PractitionerLevel, decimal> Hours = new Dictionary<PractitionerLevel, decimal>
    {
        [PractitionerLevel.Foundation] = 6m,
        [PractitionerLevel.Intermediate] = 12m,
        [PractitionerLevel.Advanced] = 16m,
    };

    /// <summary>The CPD hours a year at a level.</summary>
    public static decimal HoursFor(PractitionerLevel level) => Hours[level];

    /// <summary>The share of those hours that must be RJC-approved.</summary>
    public const decimal ApprovedShare = 0.5m;

    public static string Describe(PractitionerLevel level) => level switch
    {
        PractitionerLevel.Foundation => "Foundation",
        PractitionerLevel.Intermediate => "Intermediate",
        _ => "Advanced",
    };
}

internal sealed class TrainingRecordModel : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Course).HasMaxLength(TrainingRecord.CourseLength).IsOneLine();
        builder.Property(t => t.Provider).HasMaxLength(200).IsOneLine();
        builder.Property(t => t.CpdHours).HasPrecision(5, 1);
        builder.Property(t => t.RecordedByName).HasMaxLength(200);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.UserId, t.Kind });
    }
}

internal sealed class DbsCheckModel : IEntityTypeConfiguration<DbsCheck>
{
    public void Configure(EntityTypeBuilder<DbsCheck> builder)
    {
        builder.ToTable("DbsChecks");
        builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.CertificateCiphertext).HasMaxLength(200);
        builder.Property(d => d.CertificateLastFour).HasMaxLength(4);
        builder.Property(d => d.RecordedByName).HasMaxLength(200);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.UserId);
    }
}
