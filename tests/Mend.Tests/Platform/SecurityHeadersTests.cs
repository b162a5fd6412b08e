using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Platform;

public sealed class SecurityHeadersTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/Accessibility")]
    [InlineData("/Privacy")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Errors/404")]
    public async Task PublicPage_HasSecurityHeadersAndNoStore(string url)
    {
        var response = await factory.CreateBrowserClient().GetAsync(url);
        AssertHardened(response);
    }

    [Fact]
    public async Task SignedInPage_HasSecurityHeadersAndNoStore()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        foreach (var url in new[] { "/", "/Account", "/Admin/Users", "/Admin/Audit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertHardened(response);
        }
    }

    [Fact]
    public async Task SignInPage_SetsHostPrefixedSecureCookies()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/Account/SignIn");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedWith400()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/Account/SignIn",
            new FormUrlEncodedContent([new("Input.Email", "a@example.org"), new("Input.Password", "whatever password")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be sent", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_AnonymousIsSentToSignIn_SignedInSees404Page()
    {
        var anonymous = await factory.CreateBrowserClient().GetAsync("/Accessibility/nothing-here");
        Assert.Equal("/Account/SignIn", anonymous.Headers.Location!.AbsolutePath);

        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var response = await client.GetAsync("/Accessibility/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store is missing");
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is missing");
    }
}
