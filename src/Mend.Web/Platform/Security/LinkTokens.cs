using System.Security.Cryptography;

namespace Mend.Web.Platform.Security;

/// <summary>
/// Secrets for links that work without an account (survey and feedback links, calendar feeds): 256 random bits,
/// URL-safe, shown once; only their SHA-256 is stored, so a copy of the database cannot be used to open them.
/// </summary>
public static class LinkTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
