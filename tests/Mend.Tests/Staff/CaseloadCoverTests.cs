using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Staff;

/// <summary>Caseload cover: its rules at their boundaries, the colleague seeing the cases only on the cover's days, ending early, and no overlap even at once; both databases.</summary>
public sealed class CaseloadCoverTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly Guid Away = Guid.NewGuid();

    private static CaseloadCover Existing(int from, int to) =>
        CaseloadCover.Set(new(Away, Guid.NewGuid(), Today.AddDays(from), Today.AddDays(to), null), "Ann", "Bo", Today, [], "Manager", DateTime.UtcNow);

    [Theory]
    [InlineData(0, 0, null)] // one day, today
    [InlineData(0, 182, null)] // 183 days: the longest
    [InlineData(0, 183, "endsOn")] // 184 days
    [InlineData(-1, 3, "startsOn")] // started yesterday
    [InlineData(5, 4, "endsOn")] // ends before it starts
    [InlineData(211, 220, null)] // the day after another cover ends
    [InlineData(210, 220, "startsOn")] // overlaps the other cover's last day
    [InlineData(190, 200, "startsOn")] // overlaps its first day
    public void ACover_StartsTodayOrLater_LastsAtMostHalfAYear_AndNeverOverlapsAnother(int from, int to, string? refused)
    {
        var problems = CaseloadCover.Problems(new(Away, Guid.NewGuid(), Today.AddDays(from), Today.AddDays(to), null), Today, [Existing(200, 210)]);
        if (refused is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Equal([refused], problems.Keys);
        }
    }

    [Fact]
    public void NobodyCoversThemselves() =>
        Assert.Contains("coveringUserId", CaseloadCover.Problems(new(Away, Away, Today, Today, null), Today, []).Keys);

    private async Task<(TestUser Manager, TestUser Absent, TestUser Colleague, AssessmentCase Case)> ArrangeAsync()
    {
        var team = Team.Create("Cover team " + Guid.NewGuid().ToString("N")[..6]);
        var other = Team.Create("Other team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.AddRange(team, other);
            return await db.SaveChangesAsync();
        });
        var manager = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team.Id);
        var absent = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id);
        var colleague = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: other.Id);
        var c = await AssessmentCase.CreateAsync(factory, await SignIn.AsAsync(factory, absent));
        await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AllocatedWorkerId, absent.Id)));
        return (manager, absent, colleague, c);
    }

    [Fact]
    public async Task TheColleague_SeesTheCasesOnlyOnTheCoversDays_ItEndsByItself_AndOverlapsAreRefused()
    {
        var (managerUser, absent, colleagueUser, c) = await ArrangeAsync();
        var manager = await SignIn.AsAsync(factory, managerUser);
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        (string, string)[] Dates(int from, int to) =>
        [
            ("Input.AbsentUserId", absent.Id.ToString()), ("Input.CoveringUserId", colleagueUser.Id.ToString()),
            ("Input.StartsOn.Day", today.AddDays(from).Day.ToString()), ("Input.StartsOn.Month", today.AddDays(from).Month.ToString()), ("Input.StartsOn.Year", today.AddDays(from).Year.ToString()),
            ("Input.EndsOn.Day", today.AddDays(to).Day.ToString()), ("Input.EndsOn.Month", today.AddDays(to).Month.ToString()), ("Input.EndsOn.Year", today.AddDays(to).Year.ToString()),
            ("Input.Reason", "Annual leave"),
        ];

        var colleague = await SignIn.AsAsync(factory, colleagueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);

        var wrongWay = await Html.ParseAsync(await manager.SubmitAsync("/Staff/Cover/New", Dates(3, 1)));
        Assert.Contains("The last day must be on or after the first day", wrongWay.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync("/Staff/Cover/New", Dates(0, 1))).StatusCode);
        var overlap = await Html.ParseAsync(await manager.SubmitAsync("/Staff/Cover/New", Dates(1, 5)));
        Assert.Contains(overlap.ErrorSummary(), e => e.Contains("already covers this caseload", StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CaseloadCovers.CountAsync(x => x.AbsentUserId == absent.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == colleagueUser.Id && n.Text.Contains("You are covering"))));

        colleague = await SignIn.AsAsync(factory, colleagueUser);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);
        Assert.NotNull((await colleague.GetPageAsync("/Cases?view=covering")).QuerySelector($"a[href='/Cases/{c.CaseId}']"));

        // A restricted case of the absent worker stays closed to the colleague: cover does not name them on it.
        await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsRestricted, true)));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);
        await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsRestricted, false)));
        Assert.Contains("Test Practitioner", (await manager.GetPageAsync("/Staff/Cover")).QuerySelector("#covers")!.TextContent, StringComparison.Ordinal);

        // Two days on, past the last day: the colleague no longer sees the case, without anyone ending it.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        colleague = await SignIn.AsAsync(factory, colleagueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);
    }

    [Fact]
    public async Task AManager_EndsCoverEarlyThroughTheApi_AccessStopsAtOnce_AndAnotherTeamsManagerCannot()
    {
        var (managerUser, absent, colleagueUser, c) = await ArrangeAsync();
        var manager = await SignIn.AsAsync(factory, managerUser);
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        var bad = await manager.PostAsJsonAsync("/api/v1/staff/cover", new { absentUserId = absent.Id, coveringUserId = absent.Id, startsOn = today.AddDays(-1), endsOn = today.AddDays(200), reason = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["coveringUserId", "endsOn", "reason", "startsOn"], fields.Order());

        var set = await manager.PostAsJsonAsync("/api/v1/staff/cover", new { absentUserId = absent.Id, coveringUserId = colleagueUser.Id, startsOn = today, endsOn = today.AddDays(10) });
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var id = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var colleague = await SignIn.AsAsync(factory, colleagueUser);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);

        var elsewhere = Team.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(elsewhere);
            return await db.SaveChangesAsync();
        });
        var stranger = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: elsewhere.Id));
        var refused = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/cover/{id}/end");
        refused.Headers.IfMatch.ParseAdd(set.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(refused)).StatusCode);

        var end = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/cover/{id}/end");
        end.Headers.IfMatch.ParseAdd(set.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(end)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);
    }

    [Fact]
    public async Task TwoManagersSettingOverlappingCoverAtOnce_CreateOnlyOne()
    {
        var (managerUser, absent, colleagueUser, _) = await ArrangeAsync();
        var other = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var first = await SignIn.AsAsync(factory, managerUser);
        var second = await SignIn.AsAsync(factory, managerUser);
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        var answers = await Task.WhenAll(
            first.PostAsJsonAsync("/api/v1/staff/cover", new { absentUserId = absent.Id, coveringUserId = colleagueUser.Id, startsOn = today, endsOn = today.AddDays(5) }),
            second.PostAsJsonAsync("/api/v1/staff/cover", new { absentUserId = absent.Id, coveringUserId = other.Id, startsOn = today.AddDays(2), endsOn = today.AddDays(8) }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal(1, await factory.WithDbAsync(db => db.CaseloadCovers.CountAsync(x => x.AbsentUserId == absent.Id)));
    }
}
