using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>A kind of record the retention schedule covers.</summary>
public enum RetentionRecordKind
{
    YoungPersonCase,
    VictimRecord,
    PersonWithNoOpenPart,
    Assessment,
    DocumentOrFile,
    AuditTrail,
}

/// <summary>What starts a record's retention period.</summary>
public enum RetentionTrigger
{
    CaseClosed,
    LastPartEnded,
    Recorded,
}

/// <summary>
/// How long one kind of record is kept: a period after its trigger (a case closing, a person's last part on any case ending,
/// an audit event being recorded), and for a young person's case, optionally until they reach an age if that is later ("until
/// the young person is 25 or 6 years after closure, whichever is later"). Services set their own schedule: England and Wales
/// has no national youth-justice schedule and Jersey requires each department to publish one, so the rules Mend ships are
/// marked as examples until a data protection officer changes them.
/// </summary>
public sealed class RetentionRule : IVersioned
{
    public const int MostYears = 100;
    public const int ReasonLength = 1000;

    public int Id { get; private set; }
    public RetentionRecordKind Kind { get; private set; }
    public RetentionTrigger Trigger { get; private set; }
    public int Years { get; private set; }
    public int Months { get; private set; }

    /// <summary>For a young person's case: kept at least until they reach this age (their birthday; 29 February counts as 1 March).</summary>
    public int? UntilAge { get; private set; }

    /// <summary>Why the period was chosen: the service's own reasons, shown in the schedule.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>True while the rule is the one Mend shipped, an example to adapt.</summary>
    public bool IsExample { get; private set; }

    public DateTime ChangedAt { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public int Version { get; set; }

    internal static RetentionRule Example(int id, RetentionRecordKind kind, RetentionTrigger trigger, int years, int? untilAge, string reason) => new()
    {
        Id = id,
        Kind = kind,
        Trigger = trigger,
        Years = years,
        UntilAge = untilAge,
        Reason = reason,
        IsExample = true,
        ChangedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        ChangedByName = "Mend (example to adapt)",
    };

    /// <summary>Whether a rule for this kind may add "until the young person is N": the records that are the young person's.</summary>
    public static bool CanKeepUntilAge(RetentionRecordKind kind) =>
        kind is RetentionRecordKind.YoungPersonCase or RetentionRecordKind.Assessment or RetentionRecordKind.DocumentOrFile;

    /// <summary>
    /// A data protection officer's own rule, replacing the example: a period of at least one month and at most
    /// <see cref="MostYears"/> years, an age from 18 to 100 only for the young person's own records, and the reason.
    /// </summary>
    /// <exception cref="Platform.DomainRuleException">A rule refused, naming its field.</exception>
    public void Change(int years, int months, int? untilAge, string reason, string byName, DateTime now)
    {
        if (years is < 0 or > MostYears)
        {
            throw new Platform.DomainRuleException($"Enter a number of years from 0 to {MostYears}", "years");
        }

        if (months is < 0 or > 11)
        {
            throw new Platform.DomainRuleException("Enter a number of months from 0 to 11", "months");
        }

        if (years == 0 && months == 0)
        {
            throw new Platform.DomainRuleException("A record must be kept for some time: enter at least 1 month", "years");
        }

        if (untilAge is not null && !CanKeepUntilAge(Kind))
        {
            throw new Platform.DomainRuleException("Only the young person's own records can be kept until an age", "untilAge");
        }

        if (untilAge is < 18 or > 100)
        {
            throw new Platform.DomainRuleException("Enter an age from 18 to 100, or leave it empty", "untilAge");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new Platform.DomainRuleException("Say why the record is kept for this long", "reason");
        }

        (Years, Months, UntilAge, Reason, IsExample, ChangedByName, ChangedAt) = (years, months, untilAge, reason.Trim(), false, byName, now);
    }

    /// <summary>
    /// The first day a record falls due for disposal review: the trigger day plus the period (a month added to 31 January
    /// gives the last day of February), or the day the person reaches <see cref="UntilAge"/> if that is later. When the
    /// date of birth is not known the period alone applies; every disposal is reviewed by a person before it happens.
    /// </summary>
    public DateOnly DueOn(DateOnly triggerDay, DateOnly? bornOn)
    {
        var afterPeriod = triggerDay.AddYears(Years).AddMonths(Months);
        if (UntilAge is not { } age || bornOn is not { } born)
        {
            return afterPeriod;
        }

        var birthday = born is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(born.Year + age) ? new DateOnly(born.Year + age, 3, 1) : born.AddYears(age);
        return birthday > afterPeriod ? birthday : afterPeriod;
    }
}

internal sealed class RetentionRuleModel : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("RetentionRules");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(r => r.Kind).IsUnique();
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(RetentionRule.ReasonLength);
        builder.Property(r => r.ChangedByName).HasMaxLength(200).IsOneLine();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasData(RetentionSchedule.Examples);
    }
}
