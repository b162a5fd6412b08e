using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Mend.Web.Platform.Encryption;

/// <summary>
/// Encrypts the ASP.NET Data Protection key ring (which protects cookies and antiforgery tokens) under
/// Mend's field-encryption key before it is stored in the database, so a copy of the database alone
/// cannot forge a session (SECURITY.md: Data Protection keys protected at rest).
/// </summary>
public sealed class KeyRingEncryptor(FieldEncryption encryption) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var element = new XElement("mendEncryptedKey",
            new XComment(" Encrypted with Mend's field-encryption key (Mend:Encryption) "),
            new XElement("value", encryption.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting))));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Created by Data Protection through its IServiceProvider constructor when it reads a key back.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value
            ?? throw new InvalidOperationException("The stored Data Protection key is not in Mend's encrypted form.");
        return XElement.Parse(services.GetRequiredService<FieldEncryption>().Decrypt(value));
    }
}
