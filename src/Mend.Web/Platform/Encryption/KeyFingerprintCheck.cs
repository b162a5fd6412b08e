using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Encryption;

/// <summary>The fingerprint of an encryption key records have been written under, by its number (never the key itself).</summary>
public sealed class EncryptionKeyFingerprint : Audit.IAuditExempt
{
    public int KeyId { get; private set; }
    public string Fingerprint { get; private set; } = "";
    public DateTime FirstSeenAt { get; private set; }

    public static EncryptionKeyFingerprint Of(int keyId, string fingerprint, DateTime now) => new() { KeyId = keyId, Fingerprint = fingerprint, FirstSeenAt = now };
}

internal sealed class EncryptionKeyFingerprintModel : IEntityTypeConfiguration<EncryptionKeyFingerprint>
{
    public void Configure(EntityTypeBuilder<EncryptionKeyFingerprint> builder)
    {
        builder.ToTable("EncryptionKeyFingerprints");
        builder.HasKey(f => f.KeyId);
        builder.Property(f => f.KeyId).ValueGeneratedNever();
        builder.Property(f => f.Fingerprint).HasMaxLength(64);
    }
}

/// <summary>
/// Refuses to run a node whose encryption key under a number differs from the key that number meant when the database
/// first saw it (issue 22): a node with the wrong key would write notes and other fields that no other node can read, and
/// read none of theirs. The first node to start with a key number records its fingerprint; a new number (a key rotation)
/// is recorded when first used. At start-up a difference stops the node before any other background service starts
/// (exit code 2). While migrations are pending or the database cannot be reached the check is tried again every
/// <c>Mend:Encryption:KeyCheckRetrySeconds</c> (30) seconds, and a difference found then stops the node with exit code 2.
/// </summary>
public sealed class KeyFingerprintCheck(IServiceScopeFactory scopes, ILogger<KeyFingerprintCheck> logger, IHostApplicationLifetime lifetime, IConfiguration configuration)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryCheckAsync(cancellationToken))
        {
            return;
        }

        var retry = TimeSpan.FromSeconds(configuration.GetValue("Mend:Encryption:KeyCheckRetrySeconds", 30));
        if (retry > TimeSpan.Zero)
        {
            _ = Task.Run(() => RetryAsync(retry, _stopping.Token), CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // A test host may dispose the services before it stops the hosted ones.
        if (!_disposed)
        {
            _stopping.Cancel();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task RetryAsync(TimeSpan every, CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (await TryCheckAsync(ct))
                {
                    logger.LogInformation("The encryption keys match the ones the database has recorded.");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (MendConfigurationException ex)
        {
            logger.LogCritical("Mend is stopping: {Message}", ex.Message);
            Environment.ExitCode = 2;
            lifetime.StopApplication();
        }
    }

    /// <summary>True once checked; false when it could not be yet (the database unreachable or not migrated); throws on a difference.</summary>
    private async Task<bool> TryCheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MendDb>();
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                logger.LogWarning("The encryption keys are not checked against the database yet: its migrations are not all applied.");
                return false;
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning("The encryption keys are not checked against the database yet, which could not be reached: {Message}", ex.Message);
            return false;
        }

        try
        {
            await CheckAsync(db, scope.ServiceProvider.GetRequiredService<FieldEncryption>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            return true;
        }
        catch (System.Data.Common.DbException ex)
        {
            // Reached and migrated, yet refused: most often the grants were not run again after an upgrade.
            throw new MendConfigurationException($"the encryption keys could not be checked against the database: {ex.Message}");
        }
    }

    /// <summary>Records the fingerprints of key numbers not seen before; throws <see cref="MendConfigurationException"/> naming any key that differs.</summary>
    public static async Task CheckAsync(MendDb db, FieldEncryption encryption, TimeProvider clock, CancellationToken ct)
    {
        var mine = encryption.Fingerprints();
        var known = await db.EncryptionKeyFingerprints.AsNoTracking().ToDictionaryAsync(f => f.KeyId, f => f.Fingerprint, ct);
        var differ = mine.Where(k => known.TryGetValue(k.Key, out var seen) && seen != k.Value).Select(k => k.Key).Order().ToList();
        if (differ.Count > 0)
        {
            throw new MendConfigurationException(
                $"{string.Join(" and ", differ.Select(id => $"Mend:Encryption:Keys:{id}"))} is not the key this database's records were written with "
                + "(its fingerprint differs from the one recorded when that key number was first used). Give this node the same keys as the others; "
                + "to change keys, add a new key number and make it current (operators' guide, rotating the encryption key).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, fingerprint) in mine.Where(k => !known.ContainsKey(k.Key)))
        {
            // Two nodes starting at once may both record a new number; the second insert is ignored and the check read again.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"EncryptionKeyFingerprints\" (\"KeyId\", \"Fingerprint\", \"FirstSeenAt\") VALUES ({id}, {fingerprint}, {now}) ON CONFLICT (\"KeyId\") DO NOTHING", ct);
        }

        if (mine.Any(k => !known.ContainsKey(k.Key)))
        {
            var recorded = await db.EncryptionKeyFingerprints.AsNoTracking().ToDictionaryAsync(f => f.KeyId, f => f.Fingerprint, ct);
            if (mine.Any(k => recorded[k.Key] != k.Value))
            {
                throw new MendConfigurationException("Another node recorded a different encryption key under the same number at the same moment; give every node the same keys.");
            }
        }
    }
}
