using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

/// <summary>
/// A colleague covering an absent worker's caseload for a period: from the first day to the last (inclusive, Europe/London),
/// the colleague sees every case allocated to the absent worker (CaseAccess), and not a day longer; it ends by itself, or
/// earlier when a manager ends it. Covers of one caseload never overlap, so it is always clear who is covering.
/// </summary>
public sealed class CaseloadCover : IVersioned
{
    public const int ReasonLength = 100;

    /// <summary>The longest cover set in one go; a longer absence is covered again, or the cases reallocated.</summary>
    public const int LongestDays = 183;

    public long Id { get; private set; }
    public Guid AbsentUserId { get; private set; }
    public string AbsentName { get; private set; } = "";
    public Guid CoveringUserId { get; private set; }
    public string CoveringName { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    /// <summary>Why, in a few words ("Annual leave", "Training"); never health details.</summary>
    public string? Reason { get; private set; }
    public string SetByName { get; private set; } = "";
    public DateTime SetAt { get; private set; }
    public DateTime? EndedEarlyAt { get; private set; }
    public string? EndedEarlyByName { get; private set; }
    public int Version { get; set; }

    public bool IsCurrentOn(DateOnly day) => EndedEarlyAt is null && StartsOn <= day && EndsOn >= day;

    public sealed record Details(Guid? AbsentUserId, Guid? CoveringUserId, DateOnly? StartsOn, DateOnly? EndsOn, string? Reason);

    /// <summary>
    /// Every field refused, by the API's name: the absent worker and a different colleague; the first day not in the past;
    /// the last on or after the first and at most <see cref="LongestDays"/> days on; a short reason; and no overlap with
    /// another cover of the same caseload (<paramref name="others"/>: that caseload's covers not ended early).
    /// </summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today, IEnumerable<CaseloadCover> others)
    {
        var errors = new Dictionary<string, string>();
        if (d.AbsentUserId is null)
        {
            errors["absentUserId"] = "Choose whose caseload is to be covered";
        }

        if (d.CoveringUserId is null)
        {
            errors["coveringUserId"] = "Choose who will cover";
        }
        else if (d.CoveringUserId == d.AbsentUserId)
        {
            errors["coveringUserId"] = "Choose someone other than the absent worker";
        }

        if (d.StartsOn is not { } starts)
        {
            errors["startsOn"] = "Enter the first day of the cover";
        }
        else if (starts < today)
        {
            errors["startsOn"] = "The first day must be today or later";
        }

        if (d.EndsOn is not { } ends)
        {
            errors["endsOn"] = "Enter the last day of the cover";
        }
        else if (d.StartsOn is { } first && ends < first)
        {
            errors["endsOn"] = "The last day must be on or after the first day";
        }
        else if (d.StartsOn is { } from && ends.DayNumber - from.DayNumber + 1 > LongestDays)
        {
            errors["endsOn"] = $"Cover can be set for at most {LongestDays} days at a time";
        }

        if (TextInput.Clean(d.Reason) is { Length: > ReasonLength })
        {
            errors["reason"] = $"The reason must be {ReasonLength} characters or fewer";
        }

        if (errors.Count == 0 && others.Where(o => o.AbsentUserId == d.AbsentUserId && o.EndedEarlyAt is null)
                .FirstOrDefault(o => o.StartsOn <= d.EndsOn && o.EndsOn >= d.StartsOn) is { } clash)
        {
            errors["startsOn"] = $"{clash.CoveringName} already covers this caseload from {Day(clash.StartsOn)} to {Day(clash.EndsOn)}: change that cover, or choose days that do not overlap";
        }

        return errors;
    }

    /// <exception cref="DomainRuleException">The first problem <see cref="Problems"/> finds, naming its field.</exception>
    public static CaseloadCover Set(Details d, string absentName, string coveringName, DateOnly today, IEnumerable<CaseloadCover> others, string byName, DateTime now)
    {
        if (Problems(d, today, others) is { Count: > 0 } problems)
        {
            var (field, message) = problems.First();
            throw new DomainRuleException(message, field);
        }

        return new CaseloadCover
        {
            AbsentUserId = d.AbsentUserId!.Value,
            AbsentName = absentName,
            CoveringUserId = d.CoveringUserId!.Value,
            CoveringName = coveringName,
            StartsOn = d.StartsOn!.Value,
            EndsOn = d.EndsOn!.Value,
            Reason = TextInput.Clean(d.Reason),
            SetByName = byName,
            SetAt = now,
        };
    }

    /// <summary>The worker is back early: the cover stops today (a cover not yet started is withdrawn).</summary>
    /// <exception cref="DomainRuleException">It has already ended.</exception>
    public void EndEarly(DateOnly today, string byName, DateTime now)
    {
        if (EndedEarlyAt is not null || EndsOn < today)
        {
            throw new DomainRuleException("This cover has already ended");
        }

        EndedEarlyAt = now;
        EndedEarlyByName = byName;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

internal sealed class CaseloadCoverModel : IEntityTypeConfiguration<CaseloadCover>
{
    public void Configure(EntityTypeBuilder<CaseloadCover> builder)
    {
        builder.ToTable("CaseloadCovers");
        builder.Property(c => c.AbsentName).HasMaxLength(200);
        builder.Property(c => c.CoveringName).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(CaseloadCover.ReasonLength).IsOneLine();
        builder.Property(c => c.SetByName).HasMaxLength(200);
        builder.Property(c => c.EndedEarlyByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<MendUser>().WithMany().HasForeignKey(c => c.AbsentUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(c => c.CoveringUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CoveringUserId, c.StartsOn, c.EndsOn });
        builder.HasIndex(c => new { c.AbsentUserId, c.StartsOn });
    }
}
