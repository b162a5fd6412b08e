using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Composition;

namespace Mend.Web.Platform.Time;

/// <summary>
/// A piece of housekeeping run once an hour across all nodes (<see cref="JobRun"/>). It must still be safe to run twice at
/// once (a clock hour can end while one runs) and must catch up on an hour it missed.
/// </summary>
public interface IHourlyTask
{
    /// <summary>The system actor named in the audit trail, and in the log.</summary>
    static abstract string Name { get; }

    /// <summary>Does the work; returns how many things it did.</summary>
    Task<int> RunAsync(CancellationToken ct);
}

/// <summary>An hourly job of any task, as the drills and tests see it.</summary>
public interface IHourlyJob
{
    /// <summary>The task's name, as recorded in <see cref="JobRun.Job"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the task if this node claims this clock hour's run first; false when it was already claimed. Throws what the
    /// database or the task throws (a claim that failed leaves the hour unclaimed; a task that failed leaves it claimed).
    /// </summary>
    Task<bool> RunThisHourAsync(CancellationToken ct);
}

/// <summary>
/// Runs <typeparamref name="TTask"/> at start-up and then just after each clock hour, in its own scope, as a named system
/// actor, when this node is the first to claim the hour's run (<see cref="JobRun"/>); otherwise another node ran it.
/// The wait is by the machine's clock, with up to a minute's jitter so nodes do not all ask at the same instant.
/// </summary>
public sealed class HourlyJob<TTask>(IServiceScopeFactory scopes, TimeProvider clock, MendNode node, ILogger<HourlyJob<TTask>> logger) : BackgroundService, IHourlyJob
    where TTask : IHourlyTask
{
    /// <summary>The task's name, as in <see cref="JobRun.Job"/>.</summary>
    public string Name => TTask.Name;

    /// <summary>
    /// Runs the task if this node is the first to claim this hour's run (by the application's clock); false when another
    /// node, or an earlier tick of this one, already had it. A failure leaves the run claimed and unfinished.
    /// </summary>
    public async Task<bool> RunThisHourAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MendDb>();
        var claimedAt = clock.GetUtcNow();
        if (!await JobRun.ClaimAsync(db, TTask.Name, node.Name, claimedAt, ct))
        {
            logger.LogDebug("{Task} has already run this hour, on {Node} or another node", TTask.Name, node.Name);
            return false;
        }

        scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem(TTask.Name);
        var done = await scope.ServiceProvider.GetRequiredService<TTask>().RunAsync(ct);
        await JobRun.FinishAsync(db, TTask.Name, claimedAt, done, clock.GetUtcNow().UtcDateTime, ct);
        if (done > 0)
        {
            logger.LogInformation("{Task} did {Count} things", TTask.Name, done);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await RunThisHourAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Task} failed; it will be tried again in an hour.", TTask.Name);
            }
        }
        while (await NextHourAsync(stoppingToken));
    }

    private static async Task<bool> NextHourAsync(CancellationToken stoppingToken)
    {
        var now = DateTimeOffset.UtcNow;
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        try
        {
            await Task.Delay(next - now + TimeSpan.FromSeconds(Random.Shared.Next(1, 60)), stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
