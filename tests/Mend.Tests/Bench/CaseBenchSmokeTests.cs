using Mend.Bench;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Bench;

/// <summary>The case generator, the page scenarios and the raw baseline, run at a tiny scale on each database so they cannot rot unnoticed.</summary>
public sealed class CaseBenchSmokeTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task CaseLoader_PageScenarios_AndBaseline_RunAtTinyScale()
    {
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var folder = Path.Combine(Path.GetTempPath(), $"mend-bench-{Guid.NewGuid():N}");
        try
        {
            var loaded = await CaseLoader.RunAsync(Options.Parse(["--provider", factory.Database.IsPostgres ? "postgres" : "sqlite", "--connection", factory.Database.ConnectionString,
                "--scale", "60", "--worker", worker.Id.ToString(), "--key", factory.EncryptionKey, "--out", folder]));

            Assert.Equal(0, loaded);
            Assert.Equal(60, await factory.WithDbAsync(db => db.Cases.CountAsync()));
            Assert.True(await factory.WithDbAsync(db => db.People.CountAsync()) >= 120);
            Assert.True(await factory.WithDbAsync(db => db.CaseNotes.CountAsync()) >= 60);
            Assert.True(await factory.WithDbAsync(db => db.NameWords.AnyAsync()));
            var mine = await factory.WithDbAsync(db => db.Cases.Where(c => c.AllocatedWorkerId == worker.Id).Select(c => c.Reference).ToListAsync());
            Assert.NotEmpty(mine);
            var ids = await File.ReadAllLinesAsync(Path.Combine(folder, "case-ids.txt"));
            Assert.NotEmpty(await File.ReadAllLinesAsync(Path.Combine(folder, "victim-pages.txt")));
            Assert.NotEmpty(await File.ReadAllLinesAsync(Path.Combine(folder, "queries.txt")));

            var client = await SignIn.AsAsync(factory, worker);
            var casePage = await LoadScenario.MeasureAsync("case page", client, random => new HttpRequestMessage(HttpMethod.Get, $"/Cases/{ids[random.Next(ids.Length)]}"),
                TimeSpan.FromSeconds(1), connections: 2, warmUp: 5);
            Assert.True(casePage.Requests > 0);
            Assert.Equal(0, casePage.Errors);
            Assert.Contains(mine[0], (await client.GetPageAsync("/Cases")).Body!.TextContent, StringComparison.Ordinal);
            var victimPages = await File.ReadAllLinesAsync(Path.Combine(folder, "victim-pages.txt"));
            var journey = await LoadScenario.MeasureAsync("victim's journey", client, random => new HttpRequestMessage(HttpMethod.Get, victimPages[random.Next(victimPages.Length)]),
                TimeSpan.FromSeconds(1), connections: 1, warmUp: 2);
            Assert.True(journey.Requests > 0);
            Assert.Equal(0, journey.Errors);

            if (factory.Database.IsPostgres)
            {
                await using var data = Npgsql.NpgsqlDataSource.Create(factory.Database.ConnectionString);
                var encryption = new FieldEncryption(new EncryptionSettings { Keys = new() { ["1"] = factory.EncryptionKey } });
                var id = Guid.Parse(ids[0]);
                var html = await Baseline.CasePageAsync(data, encryption, id);
                var reference = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
                Assert.Contains(reference, html, StringComparison.Ordinal);
                Assert.Contains("<h2>Notes</h2><article>", html, StringComparison.Ordinal);
                Assert.Null(await Baseline.CasePageAsync(data, encryption, Guid.NewGuid()));
                var caseload = await BaselineCaseload.PageAsync(data, worker.Id, DateOnly.FromDateTime(DateTime.UtcNow));
                Assert.Contains("<h1>My cases</h1>", caseload, StringComparison.Ordinal);
                Assert.Contains(mine[0], caseload, StringComparison.Ordinal);
                var open = await factory.WithDbAsync(db => db.Cases.CountAsync(c => c.AllocatedWorkerId == worker.Id
                    && (c.Status == Mend.Web.Features.Cases.CaseStatus.Open || c.Status == Mend.Web.Features.Cases.CaseStatus.Referred)));
                Assert.Contains($"{open} cases, page 1 of 1", caseload, StringComparison.Ordinal);
                Assert.Equal(open + 1, caseload.Split("<tr>").Length - 1);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
