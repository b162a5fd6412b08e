using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Tests.People;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mend.Tests.Platform;

/// <summary>Mend with every log line, at every level, kept in memory for the test to read.</summary>
public sealed class LogCapturingFactory : MendFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingProvider(Lines));
        });
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>SECURITY.md test 5: personal data typed into Mend never reaches the application logs.</summary>
public sealed class LogCanaryTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task PersonalData_UsedThroughPagesAndApi_NeverAppearsInTheLogs()
    {
        var canary = "Zqx" + Guid.NewGuid().ToString("N")[..8];
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var id = await PeopleTests.AddPersonAsync(client, canary + "first", canary + "last", "3", "4", "2011",
            ("Input.Phone", "07700 900 555"), ("Input.Email", canary.ToLowerInvariant() + "@example.org"), ("Input.SafeContactNotes", canary + " notes"));
        await client.GetPageAsync($"/People/{id}");
        await client.SubmitAsync("/People", ("Name", canary + "frist " + canary + "last"));
        var api = await client.PostAsJsonAsync("/api/v1/people/search", new { name = canary + "last" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var bad = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = canary + "bad", email = canary + " not an email" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        Assert.NotEmpty(factory.Lines);
        var leaks = factory.Lines.Where(l => l.Contains(canary, StringComparison.OrdinalIgnoreCase) || l.Contains("07700 900 555", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join("\n", leaks.Take(5)));
    }
}
