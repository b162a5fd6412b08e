using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform.Nodes;

/// <summary>The first of two Mend nodes on one database, with a low sign-in limit.</summary>
public class FirstNodeFactory : MendFactory
{
    public const int Attempts = 3;

    public FirstNodeFactory()
    {
    }

    protected FirstNodeFactory(MendFactory first)
        : base(first)
    {
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Mend:Security:SignInAttemptsPerMinute"] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>A second node: the first's database, keys and clock, its own process state (memory, rate limiters, caches).</summary>
public sealed class SecondNodeFactory(MendFactory first) : FirstNodeFactory(first);

/// <summary>
/// Two in-process nodes on one database (issue 22's smaller test; `scripts/ha-drill` will do it with real processes):
/// the sign-in limit counts a client's attempts on both, and the audit sealer, run on both at once, seals each event once.
/// </summary>
public sealed class TwoNodeTests(FirstNodeFactory first) : IClassFixture<FirstNodeFactory>
{
    private static IEnumerable<KeyValuePair<string, string>> WrongPassword => [new("Input.Email", "nobody@example.org"), new("Input.Password", "not the password at all")];

    [Fact]
    public async Task SignInAttempts_AreCountedAcrossBothNodes()
    {
        await using var second = new SecondNodeFactory(first);
        await second.InitializeAsync();
        var (a, b) = (first.CreateBrowserClient(), second.CreateBrowserClient());
        // Each node's own limit alone would allow three here and three there.
        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b, a })
        {
            answers.Add((await client.SubmitAsync("/Account/SignIn", WrongPassword)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        var refused = await b.SubmitAsync("/Account/SignIn", WrongPassword);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The next minute the client may try again, on either node; old counts are cleared by the hourly task.
        first.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await b.SubmitAsync("/Account/SignIn", WrongPassword)).StatusCode);
        first.Clock.Advance(TimeSpan.FromHours(2));
        await first.WithScopeAsync(async services => Assert.True(await services.GetRequiredService<Mend.Web.Platform.Security.SignInThrottleCleanup>().RunAsync(default) >= 2));
        Assert.Equal(0, await first.WithDbAsync(db => db.SignInThrottles.CountAsync()));
    }

    [Fact]
    public async Task AuditSealer_RunOnBothNodesAtOnce_SealsEachEventOnce()
    {
        Assert.SkipUnless(first.Database.IsPostgres, "SQLite runs on one node only (operators' guide, section 14)");
        await using var second = new SecondNodeFactory(first);
        await second.InitializeAsync();
        await first.WithScopeAsync(async services =>
        {
            var trail = services.GetRequiredService<AuditTrail>();
            for (var i = 0; i < 300; i++)
            {
                trail.Record(AuditAction.Export, "Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose: "two nodes");
            }

            await trail.SaveAsync();
        });

        async Task<int> SealOn(MendFactory node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem("audit-sealer");
            return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        }

        var sealedBy = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SealOn(i % 2 == 0 ? first : second)));
        sealedBy = [.. sealedBy, await SealOn(second)];
        var events = await first.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.Equal(events, await first.WithDbAsync(db => db.AuditSeals.CountAsync()));
        Assert.True(sealedBy.Sum() <= events);
        await first.WithScopeAsync(async services =>
        {
            var verified = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.True(verified.Intact, verified.Message);
            Assert.Equal(0, verified.UnsealedEvents);
        });
    }

    [Fact]
    public async Task HourlyJobs_OnBothNodes_RunOnceAnHour()
    {
        await using var one = new FirstNodeFactory();
        await one.InitializeAsync();
        await using var two = new SecondNodeFactory(one);
        await two.InitializeAsync();
        // The second node's host starts now, on a migrated database: its start-up runs claim this hour (the first node's
        // start-up runs failed: its host started before the test migrated the database).
        static IHourlyJob[] JobsOf(MendFactory node) => [.. node.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IHourlyJob>()];
        var (jobsOne, jobsTwo) = (JobsOf(one), JobsOf(two));
        var hour = JobRun.HourOf(one.Clock.GetUtcNow());
        List<JobRun> runs = [];
        for (var wait = 0; wait < 100 && (runs.Count < jobsOne.Length || runs.Any(r => r.FinishedAt is null)); wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            runs = await one.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Hour == hour).ToListAsync());
        }

        Assert.True(jobsOne.Length >= 6, $"{jobsOne.Length} hourly jobs registered");
        Assert.Equal(jobsOne.Select(j => j.Name).Order(), runs.Select(r => r.Job).Order());
        Assert.All(runs, r => Assert.NotNull(r.Done));
        Assert.False(await jobsOne[0].RunThisHourAsync(default));

        // The next hour every job is tried on both nodes at once: each runs exactly once.
        one.Clock.Advance(TimeSpan.FromHours(1));
        var ran = await Task.WhenAll(jobsOne.Concat(jobsTwo).Select(j => Task.Run(() => j.RunThisHourAsync(default))));
        var nextHour = await one.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Hour == hour + 1).ToListAsync());
        // Each ran once; a background loop on either node that woke at a real hour's turn may have claimed one first.
        Assert.InRange(ran.Count(r => r), jobsOne.Length - 1, jobsOne.Length);
        Assert.Equal(jobsOne.Select(j => j.Name).Order(), nextHour.Select(r => r.Job).Order());
        Assert.All(nextHour, r => Assert.NotNull(r.FinishedAt));
    }
}
