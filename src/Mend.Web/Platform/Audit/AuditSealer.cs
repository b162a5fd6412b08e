using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Chains committed audit events in the order it finds them, one seal row each. Requests never wait
/// for the chain (DESIGN.md §4): they only insert events; this job links them afterwards.
/// On PostgreSQL a transaction-scoped advisory lock makes sure only one node seals at a time.
/// </summary>
public sealed class AuditSealer(MendDb db, DatabaseSettings settings, TimeProvider clock)
{
    private const long AdvisoryLockKey = 0x4d454e44_41554449; // "MENDAUDI"
    private const int BatchSize = 2000;

    /// <summary>
    /// How far behind the newest sealed event a quick pass looks for unsealed ones. Ids are taken when a row is inserted and
    /// become visible when its transaction commits, so an event can appear behind ones already sealed; a quick pass finds it
    /// if fewer than this many events were sealed meanwhile, and the full pass (every hour, and at start) finds any other.
    /// </summary>
    public const long RecentWindow = 100_000;

    /// <summary>
    /// Seals every unsealed event (or, with <paramref name="recentOnly"/>, those within <see cref="RecentWindow"/> of the newest
    /// sealed, so each pass reads an index range rather than the whole trail); returns how many were sealed.
    /// </summary>
    public async Task<int> SealPendingAsync(CancellationToken cancellationToken = default, bool recentOnly = false)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(recentOnly, cancellationToken);
            total += sealedNow;
            if (sealedNow < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> SealBatchAsync(bool recentOnly, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var locked = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!locked)
            {
                return 0;
            }
        }

        var last = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Id)
            .Select(s => new { s.Hash }).FirstOrDefaultAsync(cancellationToken);
        // After the oldest entries were disposed of, even every seal, the chain carries on from the latest checkpoint.
        var previousHash = last?.Hash
            ?? await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.ThroughSealId).Select(c => c.Hash).FirstOrDefaultAsync(cancellationToken)
            ?? AuditChain.Genesis;

        var floor = recentOnly ? (await db.AuditSeals.MaxAsync(s => (long?)s.AuditEventId, cancellationToken) ?? 0) - RecentWindow : long.MinValue;
        var pending = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > floor && !db.AuditSeals.Any(s => s.AuditEventId == e.Id))
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seals = new List<AuditSeal>(pending.Count);
        foreach (var auditEvent in pending)
        {
            var seal = AuditSeal.For(auditEvent, previousHash, now);
            seals.Add(seal);
            previousHash = seal.Hash;
        }

        // One statement for the batch, in the transaction that holds the lock (the chain links each seal to the one before).
        await MultiRowInsert.ExecuteAsync(db, seals, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }
}

/// <summary>Runs the sealer every few seconds on every node; the advisory lock keeps it to one at a time.</summary>
public sealed class AuditSealingJob(IServiceScopeFactory scopes, ILogger<AuditSealingJob> logger, IConfiguration configuration)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Mend:Audit:SealIntervalSeconds", 5));
        var fullEvery = Math.Max(1, (int)(TimeSpan.FromHours(1) / interval));
        using var timer = new PeriodicTimer(interval);
        var pass = 0;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem("audit-sealer");
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken, recentOnly: pass++ % fullEvery != 0);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be down or not yet migrated; sealing resumes on the next tick.
                logger.LogWarning(ex, "Sealing the audit trail failed; it will be tried again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
