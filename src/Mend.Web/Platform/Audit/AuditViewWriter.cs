using System.Threading.Channels;
using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Writes the audit trail's view records in group commits (decision 0016). Each request hands over the views it recorded
/// and waits; one writer per node takes everything waiting, up to <see cref="MostPerBatch"/> rows, and saves it in one
/// transaction; then every request in the batch goes on. A request therefore answers only after its views are committed,
/// so nothing a user was shown goes unrecorded, yet concurrent requests share one commit. If the batch cannot be saved,
/// every request in it fails (<see cref="AuditUnavailableException"/>, 503) and the writer goes on with the next batch,
/// so it recovers as soon as the database does. Changes keep their audit rows in their own transaction, as before.
/// </summary>
public sealed class AuditViewWriter(IServiceScopeFactory scopes, ILogger<AuditViewWriter> logger)
{
    public const int MostPerBatch = 1000;

    /// <summary>True inside the writer's own save, so its rows are inserted rather than handed over again.</summary>
    internal static readonly AsyncLocal<bool> Writing = new();

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _started;

    private sealed record Pending(IReadOnlyList<AuditEvent> Events, TaskCompletionSource Committed);

    /// <summary>Completes when <paramref name="events"/> are committed; throws <see cref="AuditUnavailableException"/> when they could not be.</summary>
    public Task WriteAsync(IReadOnlyList<AuditEvent> events)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync);
        }

        var pending = new Pending(events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        return pending.Committed.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var rows = 0;
            while (rows < MostPerBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows += next.Events.Count;
            }

            try
            {
                Writing.Value = true;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MendDb>();
                db.AuditEvents.AddRange(batch.SelectMany(p => p.Events));
                await db.SaveChangesAsync();
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception ex)
            {
                // Logged once per batch, without the rows (they name people); every request in it answers 503.
                logger.LogError("{Rows} view records from {Requests} requests could not be saved: {Kind}: {Message}", rows, batch.Count, ex.GetType().Name, ex.Message);
                var failure = new AuditUnavailableException(ex);
                batch.ForEach(p => p.Committed.TrySetException(failure));
            }
            finally
            {
                Writing.Value = false;
            }
        }
    }
}

/// <summary>The audit trail could not record what a request showed, so the request must not succeed (503).</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit trail could not be written, so what was asked for is not shown. Try again in a few minutes.", inner);

/// <summary>
/// Hands the view records added to a request's SaveChanges to <see cref="AuditViewWriter"/> and waits for them to be
/// committed, before the rest of the save (if any) goes ahead in its own transaction. A synchronous save keeps them in
/// its own transaction, as do saves with no request (jobs and commands run the same way either way).
/// </summary>
public sealed class AuditViewRouting(AuditViewWriter writer) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (AuditViewWriter.Writing.Value || eventData.Context is null)
        {
            return result;
        }

        var views = eventData.Context.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added && e.Entity.Action == AuditAction.View).ToList();
        if (views.Count == 0)
        {
            return result;
        }

        foreach (var view in views)
        {
            view.State = EntityState.Detached;
        }

        await writer.WriteAsync(views.Select(v => v.Entity).ToList());
        return result;
    }
}
