using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Reports;

/// <summary>
/// Reports read from a read-only replica when ConnectionStrings:MendReadOnly names one, on SQLite and PostgreSQL. The
/// stand-in replica is the test database opened read-only, so a write through it fails: what is read came from there.
/// </summary>
public sealed class ReportDatabaseTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private string ReadOnly => factory.Database.Provider == "Sqlite"
        ? factory.Database.ConnectionString + ";Mode=ReadOnly"
        : factory.Database.ConnectionString + ";Options=-c default_transaction_read_only=on";

    [Fact]
    public async Task WithAReplica_ReportsReadFromIt_AndNothingCanBeSavedThroughIt()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var made = await AssessmentCase.CreateAsync(factory, client);
        using var replicated = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:" + ReportDatabase.ConnectionName, ReadOnly));
        await using var scope = replicated.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportDatabase>();

        Assert.True(reports.UsesReplica);
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<MendDb>(), reports.Db);
        Assert.True(await reports.Db.Cases.AnyAsync(c => c.Id == made.CaseId, TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => reports.Db.Database.ExecuteSqlRawAsync("DELETE FROM \"Notifications\" WHERE 1 = 0", TestContext.Current.CancellationToken));
        reports.Db.Add(Mend.Web.Features.Cases.OffenceType.Create("Replica test", "Other", 1, false));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.Db.SaveChangesAsync(TestContext.Current.CancellationToken));

        // A read on a context of its own goes to the replica too, and cannot save either.
        Assert.True(await reports.ReadAsync(db => db.Cases.AnyAsync(c => c.Id == made.CaseId)));
        await Assert.ThrowsAnyAsync<Exception>(() => reports.ReadAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"Notifications\" WHERE 1 = 0")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.ReadAsync(db =>
        {
            db.Add(Mend.Web.Features.Cases.OffenceType.Create("Replica test two", "Other", 1, false));
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task WithoutAReplica_ReportsReadFromThePrimary()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportDatabase>();
        Assert.False(reports.UsesReplica);
        Assert.Same(scope.ServiceProvider.GetRequiredService<MendDb>(), reports.Db);
        Assert.True(await reports.ReadAsync(db => db.OffenceTypes.AnyAsync()));
    }

    [Fact]
    public async Task Readiness_ShowsTheReplica_AndStaysInServiceWhenItIsAway()
    {
        Assert.SkipUnless(factory.Database.IsPostgres, "a replica is a PostgreSQL standby; SQLite has none");
        async Task<System.Text.Json.JsonElement> ReplicaCheck(string connection)
        {
            using var node = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:" + ReportDatabase.ConnectionName, connection));
            var response = await node.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return body.RootElement.GetProperty("checks").GetProperty("replica").Clone();
        }

        // The stand-in replica is the primary itself: no lag, and it says it is not a standby.
        var reached = await ReplicaCheck(ReadOnly);
        Assert.Equal("Healthy", reached.GetProperty("status").GetString());
        Assert.Equal(0, reached.GetProperty("lagSeconds").GetDouble());
        Assert.False(reached.GetProperty("standby").GetBoolean());

        var away = await ReplicaCheck("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres");
        Assert.Equal("Degraded", away.GetProperty("status").GetString());
        Assert.Contains("cannot be reached", away.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
