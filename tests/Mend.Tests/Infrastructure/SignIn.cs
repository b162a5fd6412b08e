using System.Net;

namespace Mend.Tests.Infrastructure;

public static class SignIn
{
    /// <summary>Signs in with password and authenticator code; returns a client holding the session cookie.</summary>
    public static async Task<HttpClient> AsAsync(MendFactory factory, TestUser user, CookieContainer? cookies = null)
    {
        var client = factory.CreateBrowserClient(cookies);
        var password = await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        if (password.Headers.Location!.OriginalString.StartsWith("/Account/TwoFactor/Verify", StringComparison.Ordinal))
        {
            var code = await client.SubmitAsync("/Account/TwoFactor/Verify", ("Code", user.NextCode(factory.Clock)));
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
            Assert.Equal("/", code.Headers.Location!.OriginalString);
        }

        return client;
    }
}
