using Mend.Web.Platform.Audit;

namespace Mend.Web.Platform.Time;

/// <summary>A piece of housekeeping run every hour, on every node; it must be safe to run twice at once.</summary>
public interface IHourlyTask
{
    /// <summary>The system actor named in the audit trail, and in the log.</summary>
    static abstract string Name { get; }

    /// <summary>Does the work; returns how many things it did.</summary>
    Task<int> RunAsync(CancellationToken ct);
}

/// <summary>Runs <typeparamref name="TTask"/> at start-up and then every hour, in its own scope, as a named system actor.</summary>
public sealed class HourlyJob<TTask>(IServiceScopeFactory scopes, ILogger<HourlyJob<TTask>> logger) : BackgroundService
    where TTask : IHourlyTask
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem(TTask.Name);
                var done = await scope.ServiceProvider.GetRequiredService<TTask>().RunAsync(stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("{Task} did {Count} things", TTask.Name, done);
                }
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
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
