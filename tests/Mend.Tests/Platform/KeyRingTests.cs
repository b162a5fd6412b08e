using Mend.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform;

public sealed class KeyRingTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task DataProtectionKeys_AreStoredEncrypted_AndStillWork()
    {
        var client = factory.CreateBrowserClient();
        await client.GetPageAsync("/Account/SignIn");

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("mendEncryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });

        // The key decrypts again: a form built with it is accepted (a wrong password, not a 400).
        var response = await client.SubmitAsync("/Account/SignIn", ("Input.Email", "nobody@example.org"), ("Input.Password", "not the password at all"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
