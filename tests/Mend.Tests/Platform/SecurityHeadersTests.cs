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

/// <summary>Style sheets and scripts (no personal data) are cached for a year under their digest and compressed; pages and API answers never are.</summary>
public sealed class StaticAssetTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Layout_LinksEachAssetWithItsDigest_WhichIsCachedForAYear_AndCompressed()
    {
        var client = factory.CreateBrowserClient();
        var page = await (await client.GetAsync("/Account/SignIn")).Content.ReadAsStringAsync();
        var links = System.Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"(/(?:lib|css|js)/[^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(6, links.Count);
        Assert.All(links, l => Assert.Matches(@"\?v=[A-Za-z0-9_-]{20,}$", l));

        var css = links.Single(l => l.StartsWith("/lib/govuk-frontend.min.css", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await brotli.CopyToAsync(plain);
        Assert.True(compressed.Length * 4 < plain.Length, $"{compressed.Length} bytes compressed from {plain.Length}");
        Assert.StartsWith("@charset", System.Text.Encoding.UTF8.GetString(plain.ToArray()), StringComparison.Ordinal);

        // Asked for without its digest, a copy must be revalidated (304 while unchanged).
        var bare = await client.GetAsync("/lib/govuk-frontend.min.css");
        Assert.Equal("no-cache", bare.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/lib/govuk-frontend.min.css");
        again.Headers.IfNoneMatch.Add(bare.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task PagesAndApiAnswers_AreNeverCompressedOrCached()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var page = await SignIn.AsAsync(factory, user);
        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.IssueTokenAsync(factory, user.Id, [Mend.Web.Platform.Auth.ApiScopes.ReadCases]));
        foreach (var (client, url, type) in new[] { (page, "/Cases", "text/html"), (api, "/api/v1/cases", "application/json") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // JSON is a type the assets' compression would take, so only the path rule keeps this answer plain.
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
    }
}
