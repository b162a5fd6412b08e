using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform.Nodes;

/// <summary>A node with a different encryption key under a number the database already knows is refused at start, by name.</summary>
public sealed class KeyFingerprintTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static FieldEncryption With(params (int Id, string Key)[] keys) =>
        new(new EncryptionSettings { Keys = keys.ToDictionary(k => k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), k => k.Key), CurrentKeyId = keys[^1].Id });

    private static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task SameKeys_Pass_ANewNumberIsRecorded_AndADifferentKeyUnderAKnownNumberIsRefused()
    {
        var (one, two) = (NewKey(), NewKey());
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            await db.EncryptionKeyFingerprints.Where(f => f.KeyId >= 7).ExecuteDeleteAsync();
            await KeyFingerprintCheck.CheckAsync(db, With((7, one)), factory.Clock, default);
            await KeyFingerprintCheck.CheckAsync(db, With((7, one)), factory.Clock, default);

            // Rotation: a second key number alongside the first.
            await KeyFingerprintCheck.CheckAsync(db, With((7, one), (8, two)), factory.Clock, default);
            Assert.Equal([7, 8], await db.EncryptionKeyFingerprints.Where(f => f.KeyId >= 7).OrderBy(f => f.KeyId).Select(f => f.KeyId).ToListAsync());

            var refused = await Assert.ThrowsAsync<MendConfigurationException>(() => KeyFingerprintCheck.CheckAsync(db, With((7, NewKey()), (8, two)), factory.Clock, default));
            Assert.StartsWith("Mend:Encryption:Keys:7 is not the key this database's records were written with", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(one, refused.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AtStart_AMigratedDatabase_HasThisNodesKeyRecorded_AndAnotherKeyIsRefused()
    {
        // The factory's host started before its database was migrated, so run the start-up check as a node started now would.
        await factory.WithDbAsync(db => db.EncryptionKeyFingerprints.Where(f => f.KeyId == 1).ExecuteDeleteAsync());
        var check = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<KeyFingerprintCheck>().Single();
        await check.StartAsync(default);
        var recorded = await factory.WithDbAsync(db => db.EncryptionKeyFingerprints.SingleAsync(f => f.KeyId == 1));
        Assert.Equal(With((1, factory.EncryptionKey)).Fingerprints()[1], recorded.Fingerprint);
        await check.StartAsync(default);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"EncryptionKeyFingerprints\" SET \"Fingerprint\" = 'another key' WHERE \"KeyId\" = 1"));
        await Assert.ThrowsAsync<MendConfigurationException>(() => check.StartAsync(default));
        await factory.WithDbAsync(db => db.EncryptionKeyFingerprints.Where(f => f.KeyId == 1).ExecuteDeleteAsync());
    }
}

/// <summary>A node started before its database was migrated checks its keys once it has been.</summary>
public sealed class RetryingKeyCheckFactory : MendFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Mend:Encryption:KeyCheckRetrySeconds"] = "1" };
}

public sealed class KeyFingerprintRetryTests(RetryingKeyCheckFactory factory) : IClassFixture<RetryingKeyCheckFactory>
{
    [Fact]
    public async Task ANodeStartedBeforeMigration_ChecksItsKeysOnceMigrated()
    {
        var expected = new FieldEncryption(new EncryptionSettings { Keys = new() { ["1"] = factory.EncryptionKey } }).Fingerprints()[1];
        string? recorded = null;
        for (var tries = 0; tries < 100 && recorded is null; tries++)
        {
            recorded = await factory.WithDbAsync(db => db.EncryptionKeyFingerprints.Where(f => f.KeyId == 1).Select(f => f.Fingerprint).SingleOrDefaultAsync());
            await Task.Delay(100);
        }

        Assert.Equal(expected, recorded);
    }
}
