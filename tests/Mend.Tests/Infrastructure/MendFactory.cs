using System.Net;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Mend.Tests.Infrastructure;

/// <summary>
/// Mend in a test host with production settings (two factor required, Secure __Host- cookies), a fake
/// clock, e-mails written to a temp folder, and its own freshly migrated database.
/// </summary>
public class MendFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly MendFactory? _first;

    public MendFactory()
    {
    }

    /// <summary>Another node of the same Mend: the first node's database, encryption key and clock (issue 22's two-node test).</summary>
    protected MendFactory(MendFactory first)
    {
        _first = first;
        Clock = first.Clock;
        EncryptionKey = first.EncryptionKey;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "mend-tests-mail", Guid.NewGuid().ToString("N"));

    /// <summary>A fresh key per factory, so no test depends on a key in the repository.</summary>
    public string EncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The factory has not been initialised.");

    /// <summary>Settings a derived factory changes, e.g. a low sign-in rate limit.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        if (_first is not null)
        {
            _database = _first.Database;
            return;
        }

        _database = await TestDatabase.CreateAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MendDb>().Database.MigrateAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Mend:Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Mend"] = Database.ConnectionString,
            ["Mend:Security:RequireTwoFactor"] = "true",
            ["Mend:Security:SecureCookies"] = "true",
            ["Mend:Security:SignInAttemptsPerMinute"] = "10000",
            ["Mend:Email:Mode"] = "File",
            ["Mend:Email:Folder"] = MailFolder,
            ["Mend:PublicUrl"] = "https://localhost",
            ["Mend:Documents:ServiceName"] = "Exampletown Youth Justice Service",
            ["Mend:Documents:ServiceAddress"] = "Civic Centre, 1 High Street, Exampletown, EX1 1AA",
            ["Mend:Documents:ServicePhone"] = "01632 960000",
            ["Mend:Documents:ServiceEmail"] = "rj@exampletown.example",
            ["Mend:Encryption:Keys:1"] = EncryptionKey,
            ["Mend:Encryption:CurrentKeyId"] = "1",
            // The host starts before the test migrates its database; the key check is run by the tests that want it.
            ["Mend:Encryption:KeyCheckRetrySeconds"] = "0",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Tests seal the audit trail when they need to, so nothing runs behind their backs.
            var sealer = services.Single(d => d.ImplementationType == typeof(AuditSealingJob));
            services.Remove(sealer);
            // Likewise the lone-working escalation: tests run its passes themselves, with the fake clock.
            services.Remove(services.Single(d => d.ImplementationType == typeof(Mend.Web.Features.Visits.EscalationJob)));
        });
    }

    /// <summary>A client that keeps cookies like a browser and does not follow redirects.</summary>
    public HttpClient CreateBrowserClient(CookieContainer? cookies = null) =>
        CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies ?? new CookieContainer()));

    public async Task<T> WithDbAsync<T>(Func<MendDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MendDb>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _first is null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
