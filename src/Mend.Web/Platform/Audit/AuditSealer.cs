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
    /// How far behind the newest sealed event a <see cref="SealScope.Recent"/> pass looks for unsealed ones. Ids are taken when a
    /// row is inserted and become visible when its transaction commits, so an event can appear behind ones already sealed; a
    /// recent pass finds it if fewer than this many events were sealed meanwhile, and the full pass (every hour, and at start)
    /// finds any other.
    /// </summary>
    public const long RecentWindow = 100_000;

    /// <summary>Seals every unsealed event in <paramref name="scope"/>; returns how many were sealed.</summary>
    public async Task<int> SealPendingAsync(CancellationToken cancellationToken = default, SealScope scope = SealScope.Everything)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(scope, cancellationToken);
            total += sealedNow;
            if (sealedNow < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> SealBatchAsync(SealScope scope, CancellationToken cancellationToken)
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

        var newest = scope == SealScope.Everything ? 0 : await db.AuditSeals.MaxAsync(s => (long?)s.AuditEventId, cancellationToken) ?? 0;
        var floor = scope switch { SealScope.Newest => newest, SealScope.Recent => newest - RecentWindow, _ => long.MinValue };
        // The floor is repeated on the seals so that PostgreSQL reads both indexes over the range alone (a merge anti-join)
        // rather than hashing every seal ever made on each pass.
        var pending = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > floor && !db.AuditSeals.Any(s => s.AuditEventId > floor && s.AuditEventId == e.Id))
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

/// <summary>
/// Runs the sealer every few seconds on every node (the advisory lock keeps it to one at a time): each pass seals the events newer
/// than the newest sealed, about once a minute it also looks <see cref="AuditSealer.RecentWindow"/> events back for any that
/// became visible behind them, and every hour (and at start) through the whole trail.
/// </summary>
public sealed class AuditSealingJob(IServiceScopeFactory scopes, ILogger<AuditSealingJob> logger, IConfiguration configuration)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Mend:Audit:SealIntervalSeconds", 5));
        var fullEvery = Math.Max(1, (int)(TimeSpan.FromHours(1) / interval));
        var recentEvery = Math.Max(1, (int)(TimeSpan.FromMinutes(1) / interval));
        using var timer = new PeriodicTimer(interval);
        var pass = 0;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem("audit-sealer");
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken,
                    pass % fullEvery == 0 ? SealScope.Everything : pass % recentEvery == 0 ? SealScope.Recent : SealScope.Newest);
                pass++;
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

/// <summary>Which unsealed events a sealing pass looks for (<see cref="AuditSealer.SealPendingAsync"/>).</summary>
public enum SealScope
{
    /// <summary>Those newer than the newest sealed: an index range of just what is new, read every few seconds.</summary>
    Newest,

    /// <summary>Those within <see cref="AuditSealer.RecentWindow"/> of the newest sealed.</summary>
    Recent,

    /// <summary>Every one.</summary>
    Everything,
}
