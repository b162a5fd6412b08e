using System.Security.Cryptography;
using System.Text;

namespace Mend.Web.Platform.Encryption;

/// <summary>
/// AES-256-GCM for sensitive free text (case notes, assessment narratives, safeguarding details),
/// under numbered keys so they can be rotated: new text is written under the current key and text
/// under older keys stays readable while those keys are configured (SECURITY.md 6.1.1).
/// Stored form: "v{keyId}:" + base64(nonce | tag | ciphertext). ASP.NET Data Protection is not used
/// because its keys expire and are not meant for data kept for years.
/// </summary>
public sealed class FieldEncryption
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyDictionary<int, byte[]> _keys;

    public FieldEncryption(EncryptionSettings settings)
    {
        if (settings.Keys.All(k => string.IsNullOrWhiteSpace(k.Value)))
        {
            throw new MendConfigurationException(
                "Mend:Encryption:Keys has no key. Set Mend__Encryption__Keys__1 to 32 random bytes in base64 (for example: openssl rand -base64 32) and Mend__Encryption__CurrentKeyId to 1.");
        }

        var keys = new Dictionary<int, byte[]>();
        foreach (var (id, text) in settings.Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value)))
        {
            if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var keyId) || keyId < 1)
            {
                throw new MendConfigurationException($"Mend:Encryption:Keys:{id} must be named by a whole number from 1 up.");
            }

            byte[] key;
            try
            {
                key = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw new MendConfigurationException($"Mend:Encryption:Keys:{id} is not base64.");
            }

            if (key.Length != 32)
            {
                throw new MendConfigurationException($"Mend:Encryption:Keys:{id} must be 32 bytes (256 bits); it is {key.Length}.");
            }

            keys[keyId] = key;
        }

        if (!keys.ContainsKey(settings.CurrentKeyId))
        {
            throw new MendConfigurationException($"Mend:Encryption:CurrentKeyId is {settings.CurrentKeyId}, but there is no key with that number.");
        }

        _keys = keys;
        CurrentKeyId = settings.CurrentKeyId;
    }

    public int CurrentKeyId { get; }

    /// <summary>
    /// Each configured key's number and fingerprint: HMAC-SHA256 of a fixed label under the key, hex. It tells keys apart
    /// without revealing them (see <see cref="KeyFingerprintCheck"/>).
    /// </summary>
    public IReadOnlyDictionary<int, string> Fingerprints() =>
        _keys.ToDictionary(k => k.Key, k => Convert.ToHexStringLower(HMACSHA256.HashData(k.Value, Encoding.UTF8.GetBytes("mend:key-fingerprint"))));

    public string Encrypt(string plainText)
    {
        var plain = Encoding.UTF8.GetBytes(plainText);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(CurrentKeyId));
        return $"v{CurrentKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || stored[0] != 'v' || !int.TryParse(stored.AsSpan(1, colon - 1), System.Globalization.CultureInfo.InvariantCulture, out var keyId))
        {
            throw new CryptographicException("The stored text is not in Mend's encrypted format.");
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Encryption key {keyId} is not configured, so this text cannot be read.");
        }

        var data = Convert.FromBase64String(stored[(colon + 1)..]);
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain, AssociatedData(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA256) under a key derived from the current encryption key for this purpose only (HKDF, RFC 5869),
    /// for fingerprints of what was sent that must not be reversible by guessing (a four-figure PIN or a DBS certificate
    /// number hashed plainly could be found by trying them all). Fingerprints made under one key do not match those made
    /// after the key is rotated; use it only for short-lived comparisons.
    /// </summary>
    public IncrementalHash CreateKeyedHash(string purpose) =>
        IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256,
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[CurrentKeyId], 32, info: Encoding.UTF8.GetBytes($"mend:{purpose}")));

    /// <summary>True when the text was written under an older key and should be re-encrypted.</summary>
    public bool NeedsRotation(string stored) => !stored.StartsWith($"v{CurrentKeyId}:", StringComparison.Ordinal);

    private static byte[] AssociatedData(int keyId) => Encoding.ASCII.GetBytes($"mend:v{keyId}");
}

/// <summary>Mend:Encryption: numbered base64 keys and which one new text is written under.</summary>
public sealed class EncryptionSettings
{
    public Dictionary<string, string> Keys { get; set; } = [];

    public int CurrentKeyId { get; set; } = 1;
}
