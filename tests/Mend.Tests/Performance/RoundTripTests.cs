using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Performance;

/// <summary>Mend with the demo data and the round-trip header on (Mend:Diagnostics:RoundTripHeader).</summary>
public sealed class RoundTripFactory : MendFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mend-demo-").FullName;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Demo:CredentialsFile"] = Path.Combine(_folder, "demo-sign-ins.txt"),
        ["Mend:Diagnostics:RoundTripHeader"] = "true",
    };

    // The file holds the demo accounts' passwords: removed with the factory, not left in /tmp.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithScopeAsync(services => Mend.Web.Data.DemoData.SeedAsync(services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }
}

/// <summary>
/// The pages practitioners open most cost a bounded number of database round trips, however many records a case or caseload
/// holds (issue 21), counted by Mend itself. The demo data's cases range from a bare referral to a case with orders (with
/// most of their collections filled), documents, meetings, safeguarding referrals, visits and victims; on SQLite the case
/// page reads only the kinds a case holds, so the richest case costs most, and on PostgreSQL every case costs the same. The bounds are today's figures, so a change that adds a query
/// per item, or a query to a page, fails here; docs/performance.md says what they were before and why they are not yet the
/// issue's targets (3 for every case page and 6 for the caseload on PostgreSQL), where they are not.
/// </summary>
public sealed class RoundTripTests(RoundTripFactory factory) : IClassFixture<RoundTripFactory>
{
    private bool Postgres => factory.Database.IsPostgres;

    private static int RoundTripsOf(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(RoundTrips.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> BusiestTeamAsync()
    {
        var teams = await factory.WithDbAsync(db => db.Cases.GroupBy(c => c.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        return teams.OrderByDescending(t => t.Count).First().Key;
    }

    [Fact]
    public async Task CasePage_NeverCostsMoreThanItsBound_HoweverMuchTheCaseHolds()
    {
        var team = await BusiestTeamAsync();
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team));
        // A referral just made, which holds nothing yet (every demo case has a note at least): the barest a case can be.
        var bare = await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var youngPerson = await db.CaseParticipants.Where(p => p.Role == Mend.Web.Features.Cases.ParticipantRole.YoungPerson).Select(p => p.PersonId).FirstAsync();
            var referral = Mend.Web.Features.Cases.Case.Refer($"RJ-2026-{Random.Shared.Next(90000, 99999)}",
                new Mend.Web.Features.Cases.ReferralDetails(Mend.Web.Features.Cases.ReferralSource.Police, DateOnly.FromDateTime(now), "PC Bare", null, null),
                team, Mend.Web.Features.Cases.Jurisdiction.EnglandAndWales, youngPerson, now);
            db.Cases.Add(referral);
            await db.SaveChangesAsync();
            return referral.Id;
        });
        var ids = await factory.WithDbAsync(db => db.Cases.Where(c => c.TeamId == team).Select(c => c.Id).ToListAsync());
        Assert.Contains(bare, ids);
        var withOrders = await factory.WithDbAsync(db => db.Orders.Where(o => ids.Contains(o.CaseId)).Select(o => o.CaseId).Distinct().ToListAsync());
        Assert.NotEmpty(withOrders);

        var counts = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            var response = await client.GetAsync($"/Cases/{id}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            counts[id] = RoundTripsOf(response);
        }

        // PostgreSQL: the case with its people, warnings, offences and allocations, in one; then all its other records in one
        // statement as JSON, whatever it holds (decision 0020), so the bare referral costs two as well (it cost one while the
        // first statement also asked what the case holds). 28 before issue 21, then 17, then 13, then 1 or 2.
        // SQLite, where a query is a call and not a round trip, reads the case's parts in five more, and then only the kinds of
        // record the case holds, a query each (orders one, and one for each of their collections that holds rows).
        // A case holding little costs little: the barest demo case is the case and its notes.
        Assert.All(counts.Values, n => Assert.InRange(n, 1, Postgres ? 2 : 18));
        Assert.All(counts.Where(c => !withOrders.Contains(c.Key)).Select(c => c.Value), n => Assert.InRange(n, 1, Postgres ? 2 : 13));
        Assert.InRange(counts.Values.Min(), Postgres ? 2 : 1, Postgres ? 2 : 7);
        Assert.Equal(Postgres ? 2 : counts.Values.Min(), counts[bare]);
    }

    [Fact]
    public async Task Caseload_CostsABoundedNumberOfRoundTrips_WhateverItsSize()
    {
        var team = await BusiestTeamAsync();
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team);
        var client = await SignIn.AsAsync(factory, worker);
        var ids = await factory.WithDbAsync(db => db.Cases.Where(c => c.TeamId == team).Select(c => c.Id).ToListAsync());

        // The first page a node serves reads its holiday calendar, as it does again once a minute: not the caseload's own.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Cases")).StatusCode);
        var counts = new List<int>();
        var pages = new List<string>();
        foreach (var size in new[] { 0, 1, ids.Count })
        {
            await factory.WithDbAsync(db => db.Cases.Where(c => ids.Take(size).Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.AllocatedWorkerId, worker.Id)));
            var response = await client.GetAsync("/Cases");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            counts.Add(RoundTripsOf(response));
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        // The whole team's cases bring work due of several kinds, read through the batches; none shows for no cases.
        Assert.Contains("Orders needing action", pages[^1]);
        Assert.Contains("Victims: due this week and overdue", pages[^1]);
        Assert.DoesNotContain("Orders needing action", pages[0]);

        // Every kind of work due is read for the whole caseload at once (30 round trips before issue 21 on PostgreSQL, then 20,
        // then 21). On PostgreSQL the page's reads go in one batch and what depends on them in one more (decision 0021): two
        // round trips whatever the caseload holds (three once a minute, when the holiday calendar is read again). SQLite runs the
        // same queries one after another, and those that depend on what was found only when something was.
        if (Postgres)
        {
            Assert.All(counts, n => Assert.InRange(n, 1, 2));
        }
        else
        {
            Assert.All(counts, n => Assert.InRange(n, 1, 25));
            Assert.True(counts[^1] > counts[0], "the whole team's cases bring work due of every kind, so every query runs");
        }
    }

    [Fact]
    public async Task PersonSearch_CostsTwoRoundTrips_AndStillFindsTheNameMisspelt()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var family = "Roundtrip" + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Winifred", familyName = family });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        // The first search in a process loads the vocabulary of name words; the one measured is an ordinary one.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Anyone" })).StatusCode);

        // Misspelt given name: found through the vocabulary of close words, scored on the full name.
        var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Winnifred " + family });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(id.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The candidates with their names; the people found, with whether the user may see each. 4, then 3, before this.
        Assert.Equal(2, RoundTripsOf(response));
    }

    [Fact]
    public async Task PersonSearch_OverAPage_RanksEveryoneFound_AndShowsEachPagesPostcodesAndFlags_InThreeRoundTrips()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var family = Mend.Tests.People.PeopleApiTests.Word("Pages");
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var created = await client.PostAsJsonAsync("/api/v1/people", new
            {
                kind = "Individual",
                givenName = $"Given{(char)('a' + i)}",
                familyName = family,
                addressLine1 = $"{i + 1} Mill Lane",
                postcode = $"LS{i + 1} 4AB",
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid());
        }

        // A flag on every fifth person, so that both pages have some.
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("round-trip test");
            var db = services.GetRequiredService<Mend.Web.Data.MendDb>();
            foreach (var id in ids.Where((_, i) => i % 5 == 0))
            {
                var person = await db.People.SingleAsync(p => p.Id == id);
                person.RaiseFlag(Mend.Web.Features.People.FlagType.RiskToStaff, null, null, Guid.NewGuid(), "Test", DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        });

        var pages = new List<System.Text.Json.JsonElement>();
        foreach (var page in new[] { 1, 2 })
        {
            var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = family, page });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            // The candidates with their names; everyone found, ranked; the page's addresses and flags.
            Assert.Equal(3, RoundTripsOf(response));
            var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(25, json.GetProperty("total").GetInt32());
            pages.AddRange(json.GetProperty("items").EnumerateArray());
        }

        Assert.Equal(ids.Order(), pages.Select(r => r.GetProperty("id").GetGuid()).Order());
        Assert.All(pages, r => Assert.Equal($"LS{ids.IndexOf(r.GetProperty("id").GetGuid()) + 1} 4AB", r.GetProperty("postcode").GetString()));

        // The search page shows the flags (the API's rows do not carry them).
        await factory.WithScopeAsync(async services =>
        {
            var search = services.GetRequiredService<Mend.Web.Features.People.PersonSearch>();
            var criteria = new Mend.Web.Features.People.PersonSearch.Criteria(family, null, null, null);
            var rows = (await search.SearchAsync(criteria, new System.Security.Claims.ClaimsPrincipal(), 1, default, everyone: true)).Rows
                .Concat((await search.SearchAsync(criteria, new System.Security.Claims.ClaimsPrincipal(), 2, default, everyone: true)).Rows).ToList();
            Assert.Equal(25, rows.Count);
            Assert.All(rows, r => Assert.Equal(ids.IndexOf(r.Id) % 5 == 0 ? [Mend.Web.Features.People.FlagType.RiskToStaff] : [], r.Flags));
        });
    }

    [Fact]
    public async Task PersonSearch_ShowsSomeoneOnACaseTheUserCannotSee_AsARestrictedRecord_AndToTheCasesTeamInFull()
    {
        var team = await BusiestTeamAsync();
        var member = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team));
        var otherTeam = Mend.Web.Features.Staff.Team.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Add(otherTeam); await db.SaveChangesAsync(); return 0; });
        var outsider = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: otherTeam.Id));
        var person = await factory.WithDbAsync(db => db.People
            .Where(p => p.Kind == Mend.Web.Features.People.PersonKind.Individual && p.MergedIntoId == null && p.DateOfBirth != null
                && db.CaseParticipants.Any(cp => cp.PersonId == p.Id && db.Cases.Any(c => c.Id == cp.CaseId && c.TeamId == team && !c.IsRestricted && c.AllocatedWorkerId != null)))
            .OrderBy(p => p.Id).FirstAsync());

        async Task<System.Text.Json.JsonElement> RowFor(HttpClient client)
        {
            var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = $"{person.GivenName} {person.FamilyName}" });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var items = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("items");
            return items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == person.Id);
        }

        var full = await RowFor(member);
        Assert.False(full.GetProperty("restricted").GetBoolean());
        Assert.Equal($"{person.GivenName} {person.FamilyName}", full.GetProperty("name").GetString());
        Assert.Equal(person.DateOfBirth!.Value.ToString("yyyy-MM-dd"), full.GetProperty("dateOfBirth").GetString());
        var restricted = await RowFor(outsider);
        Assert.True(restricted.GetProperty("restricted").GetBoolean());
        Assert.Equal("Restricted record", restricted.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, restricted.GetProperty("dateOfBirth").ValueKind);
    }

    [Fact]
    public async Task Pages_SayHowLongTheirHandlerAndRenderingTook()
    {
        var team = await BusiestTeamAsync();
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team));
        var response = await client.GetAsync("/Cases");
        var timing = response.Headers.GetValues("Server-Timing").Single();
        Assert.Matches(@"^handler;dur=[0-9]+\.[0-9]{2}, render;dur=[0-9]+\.[0-9]{2}$", timing);
    }

    [Fact]
    public async Task WithoutTheSetting_NoAnswerCarriesTheHeader()
    {
        await using var plain = new MendFactory();
        await plain.InitializeAsync();
        var client = plain.CreateBrowserClient();
        var response = await client.GetAsync("/Account/SignIn");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(RoundTrips.Header));
        Assert.False(response.Headers.Contains("Server-Timing"));
    }
}
