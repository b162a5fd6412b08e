using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mend.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

/// <summary>
/// Mend on a real Kestrel server over HTTPS on a loopback port (so the production __Host- cookies
/// work), driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian's Chromium headless shell (package chromium-headless-shell: the same Chromium build in the old headless mode,
    /// which Playwright itself uses for headless runs) when installed, else Debian's full Chromium, whose new headless mode
    /// renders through a software GPU and took four times as long over the suite (decision 0019).
    /// </summary>
    public static string ChromiumPath { get; } =
        File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";

    public KestrelMendFactory App { get; } = new();
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } =
        Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseUrl = addresses.Addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    private readonly List<IBrowserContext> _openContexts = [];
    private string? _contextsOwner;

    /// <summary>
    /// A page in a browser context of its own (its own cookies). The contexts a test opened are closed when the next test
    /// asks for its first page, so Chromium's renderers do not pile up over the run.
    /// </summary>
    public async Task<IPage> NewPageAsync() =>
        await (await NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, BaseURL = BaseUrl })).NewPageAsync();

    /// <summary>A browser context with the options given, closed like <see cref="NewPageAsync"/>'s.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var test = TestContext.Current.Test?.UniqueID;
        if (test != _contextsOwner)
        {
            await CloseContextsAsync();
            _contextsOwner = test;
        }

        var context = await Browser.NewContextAsync(options);
        _openContexts.Add(context);
        return context;
    }

    private async Task CloseContextsAsync()
    {
        foreach (var context in _openContexts)
        {
            await context.CloseAsync();
        }

        _openContexts.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await CloseContextsAsync();
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class KestrelMendFactory : MendFactory
{
    public KestrelMendFactory()
    {
        var certificate = SelfSignedCertificate();
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate })));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
