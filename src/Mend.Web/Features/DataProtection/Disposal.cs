using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>Where a record stands on its way out: listed as due, reviewed by a data protection officer, then disposed of.</summary>
public enum DisposalStatus
{
    Due,
    Reviewed,
    Disposed,
}

/// <summary>The kind of row a disposal removes; with <see cref="Disposal.RecordId"/> it names the record without describing it.</summary>
public enum DisposalRecordType
{
    Case,
    Victim,
    Assessment,
    Document,
    Attachment,
    Person,

    /// <summary>The oldest audit trail entries, up to a month's end; <see cref="Disposal.RecordId"/> encodes that day (see <see cref="RetentionDue.AuditBatchId"/>).</summary>
    AuditTrail,
}

/// <summary>
/// One record that the retention schedule says has reached the end of its period. It is listed by the daily retention job,
/// reviewed by a data protection officer, and approved by a second person (another data protection officer or a manager,
/// never the reviewer); approval erases the record at once. What is left is the destruction record: the kind of record,
/// an id that no longer resolves, the rule and its wording at the time, the dates and who reviewed and approved. It holds
/// no personal data, so it is kept for good.
/// </summary>
public sealed class Disposal : IVersioned
{
    public const int NoteLength = 500;

    public long Id { get; private set; }
    public RetentionRecordKind Kind { get; private set; }
    public DisposalRecordType RecordType { get; private set; }
    public Guid RecordId { get; private set; }
    public int RuleId { get; private set; }

    /// <summary>The rule in words when the record was listed ("6 years after the case closes, or until the young person is 25 if that is later").</summary>
    public string RuleWording { get; private set; } = "";

    /// <summary>The day the period started (a case closing, a person's last part ending, a record being made).</summary>
    public DateOnly TriggerOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTime ListedAt { get; private set; }
    public DisposalStatus Status { get; private set; }
    public Guid? ReviewedById { get; private set; }
    public string? ReviewedByName { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public Guid? ApprovedById { get; private set; }
    public string? ApprovedByName { get; private set; }
    public DateTime? DisposedAt { get; private set; }

    /// <summary>What went, as counts only ("1 case, 4 case notes, 2 files, 17 audit entries' texts").</summary>
    public string? Erased { get; private set; }

    public int Version { get; set; }

    internal static Disposal List(RetentionDue.Item item, DateTime now) => new()
    {
        Kind = item.Kind,
        RecordType = item.RecordType,
        RecordId = item.RecordId,
        RuleId = item.Rule.Id,
        RuleWording = RetentionSchedule.Describe(item.Rule),
        TriggerOn = item.TriggerOn,
        DueOn = item.DueOn,
        ListedAt = now,
        Status = DisposalStatus.Due,
    };

    /// <summary>The data protection officer has looked at the record and agrees it should go.</summary>
    /// <exception cref="DomainRuleException">Already reviewed or disposed of.</exception>
    public void Review(Guid byId, string byName, DateTime now)
    {
        if (Status != DisposalStatus.Due)
        {
            throw new DomainRuleException(Status == DisposalStatus.Disposed
                ? "This record has already been disposed of"
                : $"{ReviewedByName} has already reviewed this record; it is waiting for a second person to approve");
        }

        (Status, ReviewedById, ReviewedByName, ReviewedAt) = (DisposalStatus.Reviewed, byId, byName, now);
    }

    /// <summary>
    /// A second person approves; the caller erases the record in the same transaction and records what went.
    /// Refused before review, and to the person who reviewed it (two people must agree before anything is destroyed).
    /// </summary>
    /// <exception cref="DomainRuleException">Not yet reviewed, the reviewer approving, or already disposed of.</exception>
    public void Approve(Guid byId, string byName, DateTime now)
    {
        switch (Status)
        {
            case DisposalStatus.Due:
                throw new DomainRuleException("A data protection officer must review this record before anyone approves its disposal");
            case DisposalStatus.Disposed:
                throw new DomainRuleException("This record has already been disposed of");
        }

        if (ReviewedById == byId)
        {
            throw new DomainRuleException("You reviewed this record, so someone else must approve its disposal: another data protection officer or a manager");
        }

        (Status, ApprovedById, ApprovedByName, DisposedAt) = (DisposalStatus.Disposed, byId, byName, now);
    }

    internal void RecordErased(string erased) => Erased = erased.Length <= NoteLength ? erased : erased[..NoteLength];

    public static string Describe(DisposalRecordType type) => type switch
    {
        DisposalRecordType.Case => "Case",
        DisposalRecordType.Victim => "Victim's record",
        DisposalRecordType.Assessment => "Assessment",
        DisposalRecordType.Document => "Letter or report",
        DisposalRecordType.Attachment => "File",
        DisposalRecordType.AuditTrail => "Audit trail entries",
        _ => "Person's details",
    };

    public static string Describe(DisposalStatus status) => status switch
    {
        DisposalStatus.Due => "Due for review",
        DisposalStatus.Reviewed => "Reviewed, waiting for approval",
        _ => "Disposed of",
    };
}

internal sealed class DisposalModel : IEntityTypeConfiguration<Disposal>
{
    public void Configure(EntityTypeBuilder<Disposal> builder)
    {
        builder.ToTable("Disposals");
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.RecordType).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RuleWording).HasMaxLength(300);
        builder.Property(d => d.ReviewedByName).HasMaxLength(200).IsOneLine();
        builder.Property(d => d.ApprovedByName).HasMaxLength(200).IsOneLine();
        builder.Property(d => d.Erased).HasMaxLength(Disposal.NoteLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.RecordType, d.RecordId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.DueOn });
    }
}
