using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// A legal hold: while it is in place nothing about its person or case is disposed of, whatever the retention schedule
/// says (for example an inquiry, litigation or a serious case review has asked for the records to be kept). A hold on a
/// person keeps every case they take part in; a hold on a case keeps everything on it and the people on it. A hold has
/// a review date so it is not forgotten; it lasts until a data protection officer lifts it, with a reason.
/// </summary>
public sealed class LegalHold : IVersioned, Platform.Audit.IPersonalData
{
    public const int ReasonLength = 1000;

    public Guid Id { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly ReviewOn { get; private set; }
    public Guid PlacedById { get; private set; }
    public string PlacedByName { get; private set; } = "";
    public DateTime PlacedAt { get; private set; }
    public DateTime? LiftedAt { get; private set; }
    public string? LiftedByName { get; private set; }
    public string? LiftReason { get; private set; }
    public int Version { get; set; }

    public bool IsInPlace => LiftedAt is null;

    Guid? Platform.Audit.IPersonalData.SubjectPersonId => PersonId;

    /// <summary>A hold on exactly one person or one case, with a reason and a review date from tomorrow to 10 years ahead.</summary>
    /// <exception cref="DomainRuleException">A hold refused, naming its field.</exception>
    public static LegalHold Place(Guid? personId, Guid? caseId, string? reason, DateOnly? reviewOn, DateOnly today, Guid byId, string byName, DateTime now)
    {
        if ((personId is null) == (caseId is null))
        {
            throw new DomainRuleException("Choose the person or the case the hold is on", "on");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the records must be kept, for example the inquiry that asked", "reason");
        }

        if (reason.Length > ReasonLength)
        {
            throw new DomainRuleException($"The reason must be {ReasonLength} characters or fewer", "reason");
        }

        if (reviewOn is null)
        {
            throw new DomainRuleException("Enter the date the hold is to be reviewed", "reviewOn");
        }

        if (reviewOn <= today || reviewOn > today.AddYears(10))
        {
            throw new DomainRuleException("The review date must be after today and within 10 years", "reviewOn");
        }

        return new LegalHold
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            CaseId = caseId,
            Reason = reason.Trim(),
            ReviewOn = reviewOn.Value,
            PlacedById = byId,
            PlacedByName = byName,
            PlacedAt = now,
        };
    }

    /// <summary>Lifts the hold; disposal can then go ahead as the schedule says.</summary>
    /// <exception cref="DomainRuleException">Already lifted, or no reason given.</exception>
    public void Lift(string? reason, string byName, DateTime now)
    {
        if (!IsInPlace)
        {
            throw new DomainRuleException($"This hold was lifted on {LiftedAt:d MMMM yyyy} by {LiftedByName}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the hold can be lifted", "reason");
        }

        if (reason.Length > ReasonLength)
        {
            throw new DomainRuleException($"The reason must be {ReasonLength} characters or fewer", "reason");
        }

        (LiftedAt, LiftedByName, LiftReason) = (now, byName, reason.Trim());
    }
}

internal sealed class LegalHoldModel : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.Property(h => h.Reason).HasMaxLength(LegalHold.ReasonLength);
        builder.Property(h => h.LiftReason).HasMaxLength(LegalHold.ReasonLength);
        builder.Property(h => h.PlacedByName).HasMaxLength(200).IsOneLine();
        builder.Property(h => h.LiftedByName).HasMaxLength(200).IsOneLine();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => h.PersonId);
        builder.HasIndex(h => h.CaseId);
    }
}
