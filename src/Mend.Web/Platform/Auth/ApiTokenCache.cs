using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// Keeps each API token's checked identity for a minute, so a busy integration does not cost six
/// queries a call. The secret is still checked against its hash on every call. A revocation, disabled
/// account or role change on another node takes effect within the minute, as sessions do
/// (SessionLimits.StampCheck); revoking on this node takes effect at once.
/// </summary>
public sealed class ApiTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public sealed record Entry(byte[] SecretHash, DateTime ExpiresAt, IReadOnlyList<Claim> Claims, DateTime CachedAt);

    /// <summary>The claims for the token when it is cached, unexpired and the secret matches; otherwise null.</summary>
    public IReadOnlyList<Claim>? Find(Guid tokenId, byte[] secret)
    {
        if (!_entries.TryGetValue(tokenId, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - entry.CachedAt >= Lifetime || now >= entry.ExpiresAt)
        {
            _entries.TryRemove(tokenId, out _);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(secret), entry.SecretHash) ? entry.Claims : null;
    }

    public void Keep(Guid tokenId, byte[] secretHash, DateTime expiresAt, IEnumerable<Claim> claims)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tokenId] = new Entry(secretHash, expiresAt, claims.Select(c => new Claim(c.Type, c.Value)).ToList(), clock.GetUtcNow().UtcDateTime);
    }

    public void Forget(Guid tokenId) => _entries.TryRemove(tokenId, out _);

    /// <summary>After a user is disabled or their roles change, so none of their tokens keeps the old identity here.</summary>
    public void ForgetAll() => _entries.Clear();
}
