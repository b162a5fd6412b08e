using System.Security.Cryptography;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// A scoped, expiring API token belonging to one user. Only a SHA-256 hash of the secret is stored;
/// the token itself is shown once, when it is issued.
/// </summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "mend_";

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Scopes { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    [Platform.Changes.Bookkeeping]
    public DateTime? LastUsedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Creates a token and returns the only copy of its plain text.</summary>
    public static (PersonalAccessToken Token, string PlainText) Issue(
        Guid userId, string name, IEnumerable<string> scopes, DateTime now, TimeSpan lifetime, Guid createdBy)
    {
        var scopeList = scopes.Distinct().ToList();
        foreach (var scope in scopeList)
        {
            if (!ApiScopes.All.Contains(scope))
            {
                throw new ArgumentException($"'{scope}' is not an API scope.", nameof(scopes));
            }
        }

        if (lifetime <= TimeSpan.Zero || lifetime > ApiScopes.MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token lasts between 1 and 366 days.");
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        var token = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Scopes = string.Join(' ', scopeList),
            SecretHash = SHA256.HashData(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedByUserId = createdBy,
        };
        var plain = $"{Prefix}{token.Id:N}_{Convert.ToHexStringLower(secret)}";
        return (token, plain);
    }

    /// <summary>Splits a presented token into its id and secret; false when it is not in our format.</summary>
    public static bool TryParse(string presented, out Guid id, out byte[] secret)
    {
        id = Guid.Empty;
        secret = [];
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = presented[Prefix.Length..].Split('_');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out id) || parts[1].Length != 64)
        {
            return false;
        }

        try
        {
            secret = Convert.FromHexString(parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool Matches(byte[] secret) => CryptographicOperations.FixedTimeEquals(SHA256.HashData(secret), SecretHash);

    public bool IsUsable(DateTime now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void MarkUsed(DateTime now) => LastUsedAt = now;

}

public static class ApiScopes
{
    public const string ReadProfile = "profile:read";
    public const string ReadAudit = "audit:read";
    public const string ReadUsers = "users:read";
    public const string ReadCases = "cases:read";
    public const string WriteCases = "cases:write";
    public const string ManageTemplates = "templates:write";
    public const string ReadStaff = "staff:read";
    public const string WriteStaff = "staff:write";

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ReadProfile, ReadAudit, ReadUsers, ReadCases, WriteCases, ManageTemplates, ReadStaff, WriteStaff,
    };

    public static string Describe(string scope) => scope switch
    {
        ReadProfile => "Read the token owner's own profile",
        ReadAudit => "Read the audit trail (owner must be an administrator or data protection officer)",
        ReadUsers => "Read the list of users (owner must be an administrator)",
        ReadCases => "Read people, referrals and cases the owner can see (owner must be a practitioner or manager)",
        WriteCases => "Add and change people, and record referrals (owner must be a practitioner or manager)",
        ManageTemplates => "Add letter and report templates and upload new versions (owner must be an administrator)",
        ReadStaff => "Read the staff and volunteers' register (owner must be a manager or administrator)",
        WriteStaff => "Record training, DBS checks and supervision on the register (owner must be a manager or administrator)",
        _ => scope,
    };
}
