using System.Net.Http.Headers;
using Mend.Bench;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Bench;

/// <summary>The benchmark's generator and search scenario, run at a tiny scale so they cannot rot unnoticed.</summary>
public sealed class BenchSmokeTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task PeopleLoaderAndSearchScenario_RunAtTinyScale()
    {
        if (!factory.Database.IsPostgres)
        {
            Assert.Skip("The people loader uses PostgreSQL's binary COPY; this test runs in the PostgreSQL pass of scripts/test.");
        }

        var queries = Path.Combine(Path.GetTempPath(), $"mend-bench-queries-{Guid.NewGuid():N}.txt");
        try
        {
            var loaded = await PeopleLoader.RunAsync(Options.Parse(["--connection", factory.Database.ConnectionString, "--scale", "300", "--queries", queries]));
            Assert.Equal(0, loaded);
            Assert.Equal(300, await factory.WithDbAsync(db => db.People.CountAsync()));
            Assert.True(await factory.WithDbAsync(db => db.NameWords.AnyAsync()));
            // Every two different words of each person, as saving the person would pair them.
            var words = await factory.WithDbAsync(db => db.PersonNameWords.Select(w => new { w.PersonId, w.Word }).ToListAsync());
            var expected = words.GroupBy(w => w.PersonId)
                .SelectMany(g => g.SelectMany(a => g.Where(b => string.CompareOrdinal(a.Word, b.Word) < 0).Select(b => $"{g.Key} {PersonNameWordPair.Of(a.Word, b.Word)}")))
                .Order(StringComparer.Ordinal).ToList();
            var pairs = await factory.WithDbAsync(db => db.PersonNameWordPairs.Select(p => new { p.PersonId, p.Pair }).ToListAsync());
            Assert.NotEmpty(expected);
            Assert.Equal(expected, pairs.Select(p => $"{p.PersonId} {p.Pair}").Order(StringComparer.Ordinal));

            var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
            string? token = null;
            await factory.WithScopeAsync(async services =>
            {
                services.GetRequiredService<AuditActor>().ActAsSystem("bench-smoke");
                token = (await services.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiToken.Request(user.Id, "bench", [ApiScopes.ReadCases], "1"))).Value;
            });
            var http = factory.CreateBrowserClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var result = await SearchScenario.MeasureAsync(http, await File.ReadAllLinesAsync(queries), TimeSpan.FromSeconds(2), connections: 2);

            Assert.True(result.Requests > 0);
            Assert.Equal(0, result.Errors);
            Assert.True(result.Found * 2 > result.Requests, $"Only {result.Found} of {result.Requests} searches found someone");
        }
        finally
        {
            File.Delete(queries);
        }
    }
}
