using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web;
using Mend.Web.Data;
using Mend.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mend.Tests.Platform;

/// <summary>Mend with a tiny request limit, to see it refused clearly.</summary>
public sealed class LimitedMendFactory : MendFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Security:MaxRequestBodyKilobytes"] = "16",
    };
}

/// <summary>Mend allowing three sign-in attempts a minute from one address.</summary>
public sealed class RateLimitedMendFactory : MendFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Security:SignInAttemptsPerMinute"] = "3",
    };
}

/// <summary>Mend pointed at a database server that is not there (a closed loopback port).</summary>
public sealed class UnreachableDatabaseFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Mend:Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Mend", "Host=127.0.0.1;Port=1;Username=mend;Database=mend;Timeout=2");
        builder.UseSetting("Mend:Encryption:Keys:1", Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Mend:Email:Mode", "File");
        builder.UseSetting("Mend:Email:Folder", Path.Combine(Path.GetTempPath(), "mend-tests-mail", "unreachable"));
    }
}

public sealed class RequestLimitTests(LimitedMendFactory factory) : IClassFixture<LimitedMendFactory>
{
    [Fact]
    public async Task OversizedForm_GetsTheTooLargePage_AndSavesNothing()
    {
        var client = factory.CreateBrowserClient();
        var before = await factory.WithDbAsync(db => db.AuditEvents.CountAsync());
        var response = await client.SubmitAsync("/Account/SignIn", ("Input.Email", "someone@example.org"), ("Input.Password", new string('x', 40 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The file or form is too large", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }

}

public sealed class RateLimitTests(RateLimitedMendFactory factory) : IClassFixture<RateLimitedMendFactory>
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_Gets429()
    {
        var client = factory.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync("/Account/SignIn", ("Input.Email", "nobody@example.org"), ("Input.Password", "wrong password here"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
    }
}

public sealed class DatabaseDownTests(UnreachableDatabaseFactory factory) : IClassFixture<UnreachableDatabaseFactory>
{
    [Fact]
    public async Task DatabaseDown_LiveIsHealthy_ReadyIsNot()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task DatabaseDown_DuringARequest_ShowsTheProblemPageWithACorrelationId()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Sorry, the service is unavailable", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Nothing was saved", page.Body!.TextContent);
        Assert.Contains(response.Headers.GetValues("X-Correlation-Id").Single(), page.Body.TextContent);
        Assert.DoesNotContain("Npgsql", page.Body.TextContent);
    }
}

public sealed class StartUpTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMend();
        var app = builder.Build();
        app.UseMend();
        return app;
    }

    private static Dictionary<string, string?> Good(string? connectionString = null) => new()
    {
        ["Mend:Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Mend"] = connectionString ?? "Data Source=" + Path.Combine(Path.GetTempPath(), $"mend-startup-{Guid.NewGuid():N}.db"),
        ["Mend:Encryption:Keys:1"] = Convert.ToBase64String(new byte[32]),
    };

    [Theory]
    [InlineData("Mend:Database:Provider", null, "Mend:Database:Provider is not set")]
    [InlineData("Mend:Database:Provider", "Oracle", "'Oracle', which is not a database Mend supports")]
    [InlineData("ConnectionStrings:Mend", null, "ConnectionStrings:Mend is not set")]
    [InlineData("Mend:Encryption:Keys:1", null, "Mend:Encryption:Keys has no key")]
    [InlineData("Mend:Email:Mode", "Pigeon", "Mend:Email:Mode is 'Pigeon'")]
    [InlineData("Mend:Victims:RjInformationWorkingDays", "0", "Mend:Victims:RjInformationWorkingDays is 0; use a whole number of days from 1 to 365")]
    [InlineData("Mend:Victims:SupportReferralWorkingDays", "-2", "Mend:Victims:SupportReferralWorkingDays is -2")]
    [InlineData("Mend:Victims:EnhancedRjInformationWorkingDays", "9", "enhanced rights are never slower")]
    [InlineData("Mend:Assessments:ApprovalGravityScore", "12", "Mend:Assessments:ApprovalGravityScore is 12")]
    public void BadSetting_StopsStartUpWithTheOperatorsMessage(string key, string? value, string message)
    {
        var settings = Good();
        settings[key] = value;
        var ex = Assert.Throws<MendConfigurationException>(() => Build(settings));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task DatabaseUnreachableAtStartUp_StopsWithAClearMessage()
    {
        var settings = Good("Data Source=/nonexistent-folder/for-mend/mend.db;Mode=ReadWrite");
        settings["Mend:Database:MigrateOnStartup"] = "true";
        await using var app = Build(settings);

        var ex = await Assert.ThrowsAsync<MendConfigurationException>(() => app.PrepareAsync());

        Assert.StartsWith("the database could not be reached or migrated", ex.Message);
    }
}
