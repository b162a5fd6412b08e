using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Data;

/// <summary>
/// Where reports read from: the read-only replica named by <c>ConnectionStrings:MendReadOnly</c> when one is configured
/// (a PostgreSQL standby), otherwise the primary. Its context only reads: saving through it is refused, so what a
/// report records (the audit of who viewed what) is written to the primary, never to the replica.
/// </summary>
public sealed class ReportDatabase(MendDb primary, DatabaseSettings settings, IConfiguration configuration) : IDisposable
{
    public const string ConnectionName = "MendReadOnly";

    private MendDb? _replica;

    /// <summary>Whether a replica is configured (reports then read from it).</summary>
    public bool UsesReplica => Replica is not null;

    /// <summary>The context reports query: the replica's (no tracking, never saves) or the primary's.</summary>
    public MendDb Db => Replica is { } connection ? _replica ??= Open(connection) : primary;

    private string? Replica => configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connection ? connection : null;

    public void Dispose() => _replica?.Dispose();

    /// <summary>
    /// Runs one read on a context of its own (on the replica, or the primary's connection string), so independent reads of a
    /// report can run at the same time on separate connections. The context only reads and is disposed afterwards.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<MendDb, Task<T>> read)
    {
        await using var db = Open(Replica ?? settings.ConnectionString);
        return await read(db);
    }

    private MendDb Open(string connection)
    {
        var options = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(options, settings.Provider, connection);
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(ReadOnlyGuard.Instance);
        return new MendDb(options.Options);
    }

    /// <summary>Refuses any save through the report context.</summary>
    private sealed class ReadOnlyGuard : SaveChangesInterceptor
    {
        public static readonly ReadOnlyGuard Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("Reports read from the read-only replica; nothing is saved through it.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Reports read from the read-only replica; nothing is saved through it.");
    }
}
