using System.Security.Cryptography;
using System.Text;

namespace Mend.Web.Platform.Audit;

public static class AuditChain
{
    /// <summary>The hash the first seal links to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Link(string previousHash, AuditEvent auditEvent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + auditEvent.CanonicalText())));
}
