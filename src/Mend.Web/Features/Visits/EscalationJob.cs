using Mend.Web.Platform.Audit;

namespace Mend.Web.Features.Visits;

/// <summary>Wakes the escalation job before its next tick: a duress check-out is sent at once, not at the next tick.</summary>
public sealed class EscalationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}

/// <summary>Runs <see cref="Escalation"/> every tick (Mend:LoneWorking:Tick, at most 30 seconds), and at once when woken.</summary>
public sealed class EscalationJob(IServiceScopeFactory scopes, LoneWorkingSettings settings, EscalationSignal signal, ILogger<EscalationJob> logger) : BackgroundService
{
    public const string Name = "Lone-working escalation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem(Name);
                var done = await scope.ServiceProvider.GetRequiredService<Escalation>().RunAsync(stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("{Task} raised or moved {Count} alerts", Name, done);
                }

                await signal.WaitAsync(settings.Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment: say so loudly, and try again at the next tick.
                logger.LogError(ex, "{Task} failed; it runs again in {Tick}", Name, settings.Tick);
                await Task.Delay(settings.Tick, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
