using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Time;

/// <summary>
/// One hourly task's run in one clock hour (UTC), claimed by the node that ran it. The key (task, hour) is unique, so
/// however many nodes run Mend, each hourly task runs once an hour across them all (issue 22): every node tries at the
/// top of the hour and the first insert wins. A run that fails is not tried again until the next hour (the tasks catch
/// up on what they missed). Kept for 90 days, as a record of which node did what.
/// </summary>
public sealed class JobRun : Audit.IAuditExempt
{
    public const int MaxNodeLength = 200;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    /// <summary>The task's name (<see cref="IHourlyTask.Name"/>).</summary>
    public string Job { get; private set; } = "";

    /// <summary>Whole hours since 1 January 1970 (UTC).</summary>
    public long Hour { get; private set; }

    /// <summary>The node that claimed the run (<c>Mend:Node:Name</c>, by default the machine's name and process id).</summary>
    public string Node { get; private set; } = "";

    /// <summary>When the node claimed the run (UTC).</summary>
    public DateTime StartedAt { get; private set; }

    /// <summary>When the run ended (UTC), or null while it runs (or when its node died or the task failed).</summary>
    public DateTime? FinishedAt { get; private set; }

    /// <summary>How many things the run did (the task's own count), null until it finished.</summary>
    public int? Done { get; private set; }

    /// <summary>Whole hours since 1 January 1970 of <paramref name="at"/>.</summary>
    public static long HourOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    /// <summary>
    /// Claims <paramref name="job"/>'s run for the hour of <paramref name="now"/> for <paramref name="node"/>; false when another
    /// node (or an earlier tick of this one) already has it. One insert that ignores a conflict, so two at once cannot both win.
    /// A database error is thrown, and the hour stays unclaimed.
    /// </summary>
    public static async Task<bool> ClaimAsync(MendDb db, string job, string node, DateTimeOffset now, CancellationToken ct)
    {
        var hour = HourOf(now);
        var started = now.UtcDateTime;
        node = node.Length > MaxNodeLength ? node[..MaxNodeLength] : node;
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"JobRuns\" (\"Job\", \"Hour\", \"Node\", \"StartedAt\") VALUES ({job}, {hour}, {node}, {started}) ON CONFLICT (\"Job\", \"Hour\") DO NOTHING", ct);
        if (claimed == 1)
        {
            var before = HourOf(now - KeptFor);
            await db.JobRuns.Where(r => r.Job == job && r.Hour < before).ExecuteDeleteAsync(ct);
        }

        return claimed == 1;
    }

    /// <summary>Records that the claimed run ended, with what it did.</summary>
    public static Task FinishAsync(MendDb db, string job, DateTimeOffset claimedAt, int done, DateTime now, CancellationToken ct)
    {
        var hour = HourOf(claimedAt);
        return db.JobRuns.Where(r => r.Job == job && r.Hour == hour)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Done, done), ct);
    }
}

internal sealed class JobRunModel : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => new { r.Job, r.Hour });
        builder.Property(r => r.Job).HasMaxLength(100);
        builder.Property(r => r.Node).HasMaxLength(JobRun.MaxNodeLength);
    }
}
