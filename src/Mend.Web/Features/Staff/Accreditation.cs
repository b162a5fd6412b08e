using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

/// <summary>
/// A staff member's or volunteer's restorative justice training award: facilitator, or advanced
/// facilitator for sensitive and complex cases, with who awarded it and until when it is current.
/// Withdrawn awards are kept, so past meetings can still be checked against them.
/// </summary>
public sealed class Accreditation
{
    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public AccreditationLevel Level { get; private set; }
    public string AwardedBy { get; private set; } = "";
    public DateOnly AwardedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public static Accreditation Award(Guid userId, AccreditationLevel level, string awardedBy, DateOnly awardedOn, DateOnly? expiresOn, string byName, DateTime now)
    {
        if (expiresOn is { } expires && expires <= awardedOn)
        {
            throw new DomainRuleException("An accreditation must expire after it was awarded.");
        }

        return new Accreditation
        {
            UserId = userId,
            Level = level,
            AwardedBy = awardedBy,
            AwardedOn = awardedOn,
            ExpiresOn = expiresOn,
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    /// <summary>Current on a day: awarded by then, not expired, not withdrawn.</summary>
    public bool IsCurrentOn(DateOnly day) => WithdrawnAt is null && AwardedOn <= day && (ExpiresOn is null || ExpiresOn >= day);

    /// <summary>An advanced award covers ordinary facilitation too.</summary>
    public bool Covers(AccreditationLevel needed) => Level >= needed;

    public void Withdraw(string reason, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            throw new DomainRuleException("This accreditation has already been withdrawn.");
        }

        WithdrawnAt = now;
        WithdrawnReason = reason;
    }
}

public enum AccreditationLevel
{
    Facilitator = 1,
    AdvancedFacilitator = 2,
}

internal sealed class AccreditationModel : IEntityTypeConfiguration<Accreditation>
{
    public void Configure(EntityTypeBuilder<Accreditation> builder)
    {
        builder.ToTable("Accreditations");
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.AwardedBy).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.Property(a => a.WithdrawnReason).HasMaxLength(500);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.Level });
    }
}
