using System.Security.Cryptography;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Tests.Platform.Encryption;

public sealed class FieldEncryptionTests
{
    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static FieldEncryption With(int current, params (int Id, string Key)[] keys) =>
        new(new EncryptionSettings { CurrentKeyId = current, Keys = keys.ToDictionary(k => k.Id.ToString(), k => k.Key) });

    [Fact]
    public void EncryptThenDecrypt_GivesTheTextBack_AndHidesIt()
    {
        var encryption = With(1, (1, NewKey()));
        var stored = encryption.Encrypt("Visited Sam at home; talked about the letter of apology.");
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("apology", stored);
        Assert.Equal("Visited Sam at home; talked about the letter of apology.", encryption.Decrypt(stored));
    }

    [Fact]
    public void Rotation_TextUnderTheOldKeyStaysReadable_NewTextUsesTheNewKey()
    {
        var oldKey = NewKey();
        var before = With(1, (1, oldKey)).Encrypt("written last year");
        var after = With(2, (1, oldKey), (2, NewKey()));
        Assert.Equal("written last year", after.Decrypt(before));
        Assert.True(after.NeedsRotation(before));
        Assert.StartsWith("v2:", after.Encrypt("written today"));
    }

    [Fact]
    public void Decrypt_TamperedText_IsRefused()
    {
        var encryption = With(1, (1, NewKey()));
        var stored = encryption.Encrypt("original");
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => encryption.Decrypt("v1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void NoKeyConfigured_FailsWithAnOperatorsMessage()
    {
        var ex = Assert.Throws<MendConfigurationException>(() => new FieldEncryption(new EncryptionSettings()));
        Assert.Contains("Mend__Encryption__Keys__1", ex.Message);
    }

    [Fact]
    public void WrongKeyLength_IsRefused() =>
        Assert.Throws<MendConfigurationException>(() => With(1, (1, Convert.ToBase64String(new byte[16]))));
}
