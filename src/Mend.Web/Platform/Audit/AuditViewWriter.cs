using System.Threading.Channels;
using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Writes the audit trail's view records in group commits (decision 0016). Each request hands over the views it recorded
/// and waits; one writer per node takes everything waiting, up to about <see cref="MostPerBatch"/> rows, and saves it
/// (one statement, or several in one transaction); then every request in the batch goes on. A request therefore answers
/// only after its views are committed, so nothing a user was shown goes unrecorded, yet concurrent requests share one
/// commit. If the batch cannot be saved, every request in it fails (<see cref="AuditUnavailableException"/>, 503) and the
/// writer goes on with the next batch, so it recovers as soon as the database does. Changes keep their audit rows in their own transaction, as before.
/// </summary>
public sealed class AuditViewWriter(IServiceScopeFactory scopes, ILogger<AuditViewWriter> logger)
{
    public const int MostPerBatch = 1000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _started;

    private sealed record Pending(IReadOnlyList<AuditEvent> Events, TaskCompletionSource Committed);

    /// <summary>Completes when <paramref name="events"/> are committed; throws <see cref="AuditUnavailableException"/> when they could not be.</summary>
    public Task WriteAsync(IReadOnlyList<AuditEvent> events)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // The writer outlives the request that starts it, so it takes nothing of that request's context: no ambient
            // transaction its connection could enlist in (a batch must commit by itself), no trace it would report under.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(RunAsync);
            }
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
                await using var scope = scopes.CreateAsyncScope();
                await InsertAsync(scope.ServiceProvider.GetRequiredService<MendDb>(), batch.SelectMany(p => p.Events).ToList());
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception ex)
            {
                // Logged once per batch, without the rows (they name people); every request in it answers 503.
                logger.LogError("{Rows} view records from {Requests} requests could not be saved: {Kind}: {Message}", rows, batch.Count, ex.GetType().Name, ex.Message);
                var failure = new AuditUnavailableException(ex);
                batch.ForEach(p => p.Committed.TrySetException(failure));
            }
        }
    }

    /// <summary>
    /// One multi-row INSERT (<see cref="MultiRowInsert"/>): one statement and one round trip a batch. A single statement
    /// commits by itself, all of it or none, so it needs no transaction of its own (which would cost a second round trip
    /// for the COMMIT); rows beyond one statement's parameters are written in one transaction.
    /// </summary>
    private static async Task InsertAsync(MendDb db, IReadOnlyList<AuditEvent> rows)
    {
        if (MultiRowInsert.StatementsFor<AuditEvent>(db, rows.Count) == 1)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await MultiRowInsert.ExecuteAsync(db, rows);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await MultiRowInsert.ExecuteAsync(db, rows);
        await transaction.CommitAsync();
    }
}

/// <summary>The audit trail could not record what a request showed, so the request must not succeed (503).</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit trail could not be written, so what was asked for is not shown. Try again in a few minutes.", inner);

/// <summary>
/// The view records' commits a request is waiting for. On a GET the request does not wait where it records views: the
/// rows it makes are held here (<see cref="Hold"/>) and handed to the writer together, as one batch, at the request's
/// save or when its answer is about to go, whichever is first; the commit runs while the page is rendered, and
/// <see cref="ViewCommitGate"/> holds the answer back until it is done.
/// </summary>
public sealed class ViewCommits(AuditViewWriter writer)
{
    private readonly List<Task> _pending = [];
    private readonly List<AuditEvent> _held = [];

    /// <summary>True while <see cref="ViewCommitGate"/> holds the answer back; otherwise a save waits for its own views.</summary>
    public bool Deferred { get; set; }

    public void Add(Task commit)
    {
        lock (_pending)
        {
            _pending.Add(commit);
        }
    }

    /// <summary>Keeps a GET's view rows until <see cref="HandOver"/>, so that all a request records goes in one batch.</summary>
    public void Hold(IReadOnlyList<AuditEvent> views)
    {
        lock (_pending)
        {
            _held.AddRange(views);
        }
    }

    /// <summary>Hands the rows held so far to the writer as one batch; its commit is then among those <see cref="AllAsync"/> waits for.</summary>
    public void HandOver()
    {
        lock (_pending)
        {
            if (_held.Count == 0)
            {
                return;
            }

            _pending.Add(writer.WriteAsync([.. _held]));
            _held.Clear();
        }
    }

    /// <summary>
    /// Completes when every commit handed over so far has (the rows still held are handed over first); throws
    /// <see cref="AuditUnavailableException"/> if any failed. Each is waited for once: the error page shown after a
    /// failure is not failed again by it.
    /// </summary>
    public Task AllAsync()
    {
        HandOver();
        lock (_pending)
        {
            var waiting = _pending.ToList();
            _pending.Clear();
            return waiting.Count == 0 ? Task.CompletedTask : Task.WhenAll(waiting);
        }
    }

    /// <summary>
    /// For a request that failed before its answer: its views are still handed over (they record what was looked up), but
    /// nothing waits for them, and a failure of theirs is observed here, so the error page is neither held nor failed by them.
    /// </summary>
    public void Abandon() =>
        AllAsync().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

/// <summary>
/// Hands the view records added to a request's SaveChanges to <see cref="AuditViewWriter"/>, before the rest of the save
/// (if any) goes ahead in its own transaction: on a GET without waiting (the gate waits before the answer goes), otherwise
/// waiting for the commit. On a GET it also hands over the rows the request holds (<see cref="ViewCommits.Hold"/>).
/// A synchronous save keeps them in its own transaction.
/// </summary>
public sealed class AuditViewRouting(AuditViewWriter writer) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is null)
        {
            return result;
        }

        // A GET's held views go to the writer at its save, so their commit overlaps the rendering that follows.
        if (((MendDb)eventData.Context).Scope?.GetService<ViewCommits>() is { Deferred: true } deferred)
        {
            deferred.HandOver();
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

        // The scope first: a context held by none fails before its views are handed to the writer.
        var commits = ((MendDb)eventData.Context).ScopeService<ViewCommits>();
        var commit = writer.WriteAsync(views.Select(v => v.Entity).ToList());
        if (commits.Deferred)
        {
            commits.Add(commit);
        }
        else
        {
            await commit;
        }

        return result;
    }
}

/// <summary>
/// Holds a GET's answer until the view records it made are committed (decision 0016), so the commit overlaps the
/// rendering: the body is kept in memory (up to <see cref="MostHeld"/>; a longer one waits for the commits there and
/// then streams) and sent only once they are. If they failed, nothing is sent and the request fails with 503.
/// </summary>
public sealed class ViewCommitGate(RequestDelegate next)
{
    public const int MostHeld = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, ViewCommits commits)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        commits.Deferred = true;
        var original = context.Response.Body;
        await using var held = new HeldBody(original, commits);
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        catch
        {
            commits.Abandon();
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        await held.ReleaseAsync(context.RequestAborted);
    }

    private sealed class HeldBody(Stream inner, ViewCommits commits) : Stream
    {
        private readonly MemoryStream _held = new();
        private bool _released;

        public async Task ReleaseAsync(CancellationToken ct)
        {
            if (_released)
            {
                return;
            }

            await commits.AllAsync();
            _released = true;
            if (_held.Length > 0)
            {
                _held.Position = 0;
                await _held.CopyToAsync(inner, ct);
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_released && _held.Length + buffer.Length > MostHeld)
            {
                await ReleaseAsync(cancellationToken);
            }

            if (_released)
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
            else
            {
                _held.Write(buffer.Span);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_released)
            {
                inner.Write(buffer, offset, count);
            }
            else
            {
                _held.Write(buffer, offset, count);
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => _released ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held.Dispose();
            }

            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
