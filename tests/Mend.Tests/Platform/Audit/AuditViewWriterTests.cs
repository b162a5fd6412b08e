using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform.Audit;

/// <summary>
/// View records written in group commits (decision 0016): concurrent views each recorded once; when the database refuses
/// them, the request fails with 503 and shows nothing; when it accepts them again, views are recorded again without a
/// restart; changes keep their own audit rows meanwhile. On both databases, with a real refusal from the database (a
/// trigger), nothing mocked.
/// </summary>
public sealed class AuditViewWriterTests(MendFactory factory) : IClassFixture<MendFactory>
{
    /// <summary>A practitioner signed in, a person they added, and how many views of that person are recorded so far.</summary>
    private async Task<(HttpClient Client, Guid Person, int Before)> PractitionerWithPersonAsync(string given, string family)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var person = await Mend.Tests.People.PeopleTests.AddPersonAsync(client, given, family);
        return (client, person, await ViewsOfAsync(person));
    }

    private Task<int> ViewsOfAsync(Guid personId) =>
        factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.View && e.SubjectPersonId == personId));

    private async Task RefuseViewsAsync(bool refuse) => await factory.WithDbAsync(async db =>
    {
        if (factory.Database.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(refuse
                ? """
                  CREATE OR REPLACE FUNCTION test_refuse_views() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'view records refused for a test'; END $$;
                  CREATE TRIGGER test_refuse_views BEFORE INSERT ON "AuditEvents" FOR EACH ROW WHEN (NEW."Action" = 'View') EXECUTE FUNCTION test_refuse_views();
                  """
                : """DROP TRIGGER IF EXISTS test_refuse_views ON "AuditEvents";""");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(refuse
                ? """CREATE TRIGGER test_refuse_views BEFORE INSERT ON "AuditEvents" WHEN NEW."Action" = 'View' BEGIN SELECT RAISE(ABORT, 'view records refused for a test'); END;"""
                : """DROP TRIGGER IF EXISTS test_refuse_views;""");
        }

        return 0;
    });

    [Fact]
    public async Task ManyViewsAtOnce_AreEachRecordedOnce_BeforeTheirAnswers()
    {
        var (client, person, before) = await PractitionerWithPersonAsync("Ada", "Many" + Guid.NewGuid().ToString("N")[..5]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.GetAsync($"/api/v1/people/{person}")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // Each answer came after its batch committed, so the rows are there as soon as the answers are.
        Assert.Equal(before + 24, await ViewsOfAsync(person));
    }

    [Fact]
    public async Task OnAGet_ViewsAreHeldByTheRequest_ThenCommittedBeforeItsAnswer_WithoutItsChangeTracker()
    {
        var (person, other) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var commits = services.GetRequiredService<ViewCommits>();
            commits.Deferred = true; // as ViewCommitGate sets it on a GET
            var trail = services.GetRequiredService<AuditTrail>();
            trail.Viewed("Test", "1", [person, person], "Case work");
            trail.Viewed("Test", "2", [other], "Case work");

            Assert.Empty(services.GetRequiredService<MendDb>().ChangeTracker.Entries<AuditEvent>());
            Assert.Equal(0, await ViewsOfAsync(person)); // held, not yet handed over
            await commits.AllAsync();
        });

        // Committed by the writer though the request's context never saved: a row for each person shown on each record.
        Assert.Equal(1, await ViewsOfAsync(person));
        Assert.Equal(1, await ViewsOfAsync(other));
    }

    [Fact]
    public async Task WhenViewsCannotBeRecorded_TheRequestFailsWith503AndShowsNothing_AndViewsResumeWithoutARestart()
    {
        var family = "Refused" + Guid.NewGuid().ToString("N")[..5];
        var (client, person, before) = await PractitionerWithPersonAsync("Bea", family);
        await RefuseViewsAsync(true);
        try
        {
            var api = await client.GetAsync($"/api/v1/people/{person}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(family, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var page = await client.GetAsync($"/People/{person}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.DoesNotContain(family, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await ViewsOfAsync(person));

            // A change still saves, with its own audit row in its own transaction.
            var created = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Cy", familyName = family });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
            Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Create && e.EntityId == id)));
        }
        finally
        {
            await RefuseViewsAsync(false);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{person}")).StatusCode);
        Assert.Equal(before + 1, await ViewsOfAsync(person));
    }

    [Fact]
    public async Task WhenPostgreSqlCannotBeReached_ViewsFailWith503AndNothingIsShown_AndTheWriterRecoversWithoutARestart()
    {
        Assert.SkipUnless(factory.Database.IsPostgres, "an outage of the database server; SQLite is a file in Mend's own process (its refusals are the trigger tests')");
        var family = "Outage" + Guid.NewGuid().ToString("N")[..5];
        var (client, person, before) = await PractitionerWithPersonAsync("Di", family);

        // Every connection to Mend's database is cut, and no new one is let in, as when the server stops or the network fails.
        await CutOffAsync(true);
        try
        {
            await factory.WithScopeAsync(async services =>
            {
                var actor = services.GetRequiredService<AuditActor>();
                actor.ActAsSystem("test");
                var view = AuditEvent.Create(actor.Current, DateTime.UtcNow, AuditAction.View, nameof(Mend.Web.Features.People.Person), person.ToString(), subjectPersonId: person, purpose: "test");
                await Assert.ThrowsAsync<AuditUnavailableException>(() => services.GetRequiredService<AuditViewWriter>().WriteAsync([view]));
            });
            var api = await client.GetAsync($"/api/v1/people/{person}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(family, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await CutOffAsync(false);
        }

        // The same process, with no restart: the view is shown and recorded again.
        var again = await client.GetAsync($"/api/v1/people/{person}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(family, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await ViewsOfAsync(person));
    }

    private async Task CutOffAsync(bool cut)
    {
        var name = new Npgsql.NpgsqlConnectionStringBuilder(factory.Database.ConnectionString).Database!;
        await using var server = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("MEND_TEST_POSTGRES"));
        await server.OpenAsync();
        // Two statements, each committed before the next: the connections are ended only once no new one can be made.
        await using var allow = new Npgsql.NpgsqlCommand($"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS {(cut ? "false" : "true")}""", server);
        await allow.ExecuteNonQueryAsync();
        if (cut)
        {
            await using var end = new Npgsql.NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", server);
            await end.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task ABatchCommitsWhole_SoOneRefusedRowLeavesNoneOfIt_InOneStatementOrInSeveral()
    {
        var type = "Whole" + Guid.NewGuid().ToString("N")[..8];
        var trigger = "test_refuse_" + type.ToLowerInvariant();
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(factory.Database.IsPostgres
            ? $"""
              CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for a test'; END $$;
              CREATE TRIGGER {trigger} BEFORE INSERT ON "AuditEvents" FOR EACH ROW WHEN (NEW."EntityId" = 'refused') EXECUTE FUNCTION {trigger}();
              """
            : $"""CREATE TRIGGER {trigger} BEFORE INSERT ON "AuditEvents" WHEN NEW."EntityId" = 'refused' BEGIN SELECT RAISE(ABORT, 'refused for a test'); END;"""));
        try
        {
            await factory.WithScopeAsync(async services =>
            {
                var actor = services.GetRequiredService<AuditActor>();
                actor.ActAsSystem("test");
                var writer = services.GetRequiredService<AuditViewWriter>();
                AuditEvent View(string id) => AuditEvent.Create(actor.Current, DateTime.UtcNow, AuditAction.View, type, id, purpose: "test");

                // The refused row is the last of three: a row-by-row write would keep the first two.
                await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.WriteAsync([View("1"), View("2"), View("refused")]));
                Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == type)));

                // A batch too large for one statement is several, in one transaction: a refusal in the second undoes the first.
                var own = services.GetRequiredService<MendDb>();
                var rows = Enumerable.Range(0, 1 + (MultiRowInsert.MostParameters / own.Model.FindEntityType(typeof(AuditEvent))!.GetProperties()
                    .Count(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))).Select(i => View("many " + i)).ToList();
                rows[^1] = View("refused");
                Assert.Equal(2, MultiRowInsert.StatementsFor<AuditEvent>(own, rows.Count));
                await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.WriteAsync(rows));
                Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == type)));

                await writer.WriteAsync([View("3"), View("4")]);
                Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == type)));
            });
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(factory.Database.IsPostgres
                ? $"""DROP TRIGGER IF EXISTS {trigger} ON "AuditEvents"; DROP FUNCTION IF EXISTS {trigger}();"""
                : $"""DROP TRIGGER IF EXISTS {trigger};"""));
        }
    }
}

/// <summary>The gate that holds a GET's answer until its view records are committed, on its own.</summary>
public sealed class ViewCommitGateTests
{
    private static async Task<(MemoryStream Sent, Exception? Error)> RunAsync(Task commit, int bytes)
    {
        var commits = new ViewCommits(null!); // the gate alone: nothing is held, so no writer is needed
        var sent = new MemoryStream();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { Body = sent } };
        context.Request.Method = "GET";
        var gate = new ViewCommitGate(async c =>
        {
            commits.Add(commit);
            var chunk = new byte[64 * 1024];
            for (var written = 0; written < bytes; written += chunk.Length)
            {
                Array.Fill(chunk, (byte)(written / chunk.Length));
                await c.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, bytes - written)));
                Assert.True(commit.IsCompleted || sent.Length == 0, "Nothing may be sent before the view records are committed");
            }
        });
        try
        {
            await gate.InvokeAsync(context, commits);
            return (sent, null);
        }
        catch (Exception ex)
        {
            return (sent, ex);
        }
    }

    [Fact]
    public async Task AFailedRequest_LeavesNoCommitForItsErrorPageToWaitFor()
    {
        var commits = new ViewCommits(null!); // the gate alone: nothing is held, so no writer is needed
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Method = "GET";
        var refused = Task.FromException(new AuditUnavailableException(new InvalidOperationException("refused")));
        var gate = new ViewCommitGate(_ =>
        {
            commits.Add(refused);
            throw new TimeoutException("the handler failed after recording its views");
        });

        await Assert.ThrowsAsync<TimeoutException>(() => gate.InvokeAsync(context, commits));
        // The error page is rendered through the gate in the same request: it must not be failed by the abandoned commit.
        await commits.AllAsync();
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(ViewCommitGate.MostHeld + 300_000)] // longer than is held: streams once the commit is done
    public async Task TheAnswer_IsSentWhole_OnlyOnceTheCommitIsDone(int bytes)
    {
        var commit = new TaskCompletionSource();
        var running = RunAsync(commit.Task, bytes);
        await Task.Delay(50);
        Assert.False(running.IsCompleted);
        commit.SetResult();
        var (sent, error) = await running;
        Assert.Null(error);
        Assert.Equal(bytes, sent.Length);
        Assert.Equal((byte)((bytes - 1) / (64 * 1024)), sent.ToArray()[^1]);
    }

    [Fact]
    public async Task WhenTheCommitFails_NothingIsSent_AndTheRequestFails()
    {
        var (sent, error) = await RunAsync(Task.FromException(new AuditUnavailableException(new TimeoutException())), 10_000);
        Assert.IsType<AuditUnavailableException>(error);
        Assert.Equal(0, sent.Length);
        Assert.Equal(503, Mend.Web.Platform.Errors.MendExceptionHandler.StatusFor(error!));
    }
}
