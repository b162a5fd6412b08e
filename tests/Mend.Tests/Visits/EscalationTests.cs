using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Visits;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Visits;

/// <summary>Mend with GOV.UK Notify and an alarm-receiving centre's webhook pointed at a fake on loopback.</summary>
public sealed class LoneWorkingFactory : MendFactory
{
    public const string WebhookSecret = "a-shared-secret-for-the-centre";
    public const string Code = "4321";
    public const string Duress = "9999";

    public FakeNotify Notify { get; private set; } = default!;

    public override async ValueTask InitializeAsync()
    {
        Notify = await FakeNotify.StartAsync();
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Notify:ApiKey"] = $"mend_test-{Guid.NewGuid()}-{Guid.NewGuid()}",
        ["Mend:Notify:BaseUrl"] = Notify.Url,
        ["Mend:Notify:SmsTemplateId"] = Guid.NewGuid().ToString(),
        ["Mend:Notify:EmailTemplateId"] = Guid.NewGuid().ToString(),
        ["Mend:LoneWorking:CheckOutCode"] = Code,
        ["Mend:LoneWorking:DuressCode"] = Duress,
        ["Mend:LoneWorking:WebhookUrl"] = Notify.Url + "/webhook",
        ["Mend:LoneWorking:WebhookSecret"] = WebhookSecret,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
    }
}

/// <summary>
/// The escalation, on both databases with the fake clock: overdue, amber, buddy, manager, duty manager, each
/// acknowledgement stopping it; duress at once; two nodes at once sending each message once; a failed send moving on.
/// </summary>
public sealed class EscalationTests(LoneWorkingFactory factory) : IClassFixture<LoneWorkingFactory>
{
    private sealed record Team(Guid TeamId, TestUser Worker, TestUser Buddy, TestUser Manager, TestUser DutyManager,
        string WorkerMobile, string BuddyMobile, string ManagerMobile, string DutyMobile);

    private static string Mobile() => $"+4477009{RandomNumberGenerator.GetInt32(10000, 99999)}";

    /// <summary>A worker, their buddy, their team's manager and a duty manager on the rota now, each with a mobile number.</summary>
    private async Task<Team> TeamAsync()
    {
        var row = Mend.Web.Features.Staff.Team.Create("Team " + Guid.NewGuid().ToString("N")[..6]);
        var teamId = row.Id;
        await factory.WithDbAsync(async db =>
        {
            db.Add(row);
            return await db.SaveChangesAsync();
        });
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: teamId);
        var buddy = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: teamId);
        var manager = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: teamId);
        var duty = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var team = new Team(teamId, worker, buddy, manager, duty, Mobile(), Mobile(), Mobile(), Mobile());
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            foreach (var (user, mobile) in new[] { (worker, team.WorkerMobile), (buddy, team.BuddyMobile), (manager, team.ManagerMobile), (duty, team.DutyMobile) })
            {
                var row = await db.Users.SingleAsync(u => u.Id == user.Id);
                row.PhoneNumber = mobile;
            }

            // A quiet service: earlier tests' visits and alerts end, so only this test's messages go.
            await db.Visits.Where(v => v.Status == VisitStatus.InProgress).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Finished));
            await db.Visits.Where(v => v.Status == VisitStatus.Planned).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitStatus.Cancelled));
            await db.VisitAlerts.Where(a => a.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.EndedAt, now));
            await db.VisitAlerts.Where(a => a.StoodDownAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.StoodDownAt, now));
            db.DutyShifts.RemoveRange(db.DutyShifts);
            db.DutyShifts.Add(DutyShift.Make(duty.Id, "Dee Duty", now.AddDays(-1), now.AddDays(7), "Test"));
            return await db.SaveChangesAsync();
        });
        return team;
    }

    private Task<(HttpClient Client, Guid VisitId)> LiveVisitAsync(Team team, int minutes = 60, Guid? second = null, bool checkIn = true) =>
        VisitAsync(team.Worker, team.Buddy.Id, minutes, second, checkIn);

    private async Task<(HttpClient Client, Guid VisitId)> VisitAsync(TestUser worker, Guid buddy, int minutes = 60, Guid? second = null, bool checkIn = true)
    {
        var client = await SignIn.AsAsync(factory, worker);
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var planned = await client.PostAsJsonAsync("/api/v1/visits", new
        {
            place = "Home",
            address = "12 Oak Road, Exampletown EX1 2AB",
            startsAt = start.ToString("O"),
            endsAt = start.AddMinutes(minutes).ToString("O"),
            buddyId = buddy,
            secondWorkerId = second,
            travel = "Pool car WX21 ABC",
        });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid();
        if (checkIn)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{id}/check-in", null)).StatusCode);
        }

        return (client, id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    private async Task<int> PassAsync()
    {
        var done = 0;
        await factory.WithScopeAsync(async sp => done = await sp.GetRequiredService<Escalation>().RunAsync(CancellationToken.None));
        return done;
    }

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private List<FakeNotify.Sent> SentTo(string mobile) => factory.Notify.Messages.Where(m => m.To == mobile).ToList();

    private Task<VisitAlert> AlertAsync(Guid visitId) => factory.WithDbAsync(db => db.VisitAlerts.AsNoTracking().SingleAsync(a => a.VisitId == visitId));

    [Fact]
    public async Task AnOverdueVisit_ClimbsFromTheWorkerToTheBuddyManagerAndDutyManager_AndAnAcknowledgementStopsIt()
    {
        var team = await TeamAsync();
        var (_, visitId) = await LiveVisitAsync(team);

        factory.Clock.Advance(TimeSpan.FromMinutes(75)); // exactly the end plus the 15-minute grace: not yet overdue
        await PassAsync();
        Assert.Empty(SentTo(team.WorkerMobile));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await PassAsync();
        var amber = Assert.Single(SentTo(team.WorkerMobile));
        Assert.Contains("Check out or extend it now", amber.Message, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", amber.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("Exampletown Youth", amber.Message, StringComparison.Ordinal);
        Assert.Empty(SentTo(team.BuddyMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        await PassAsync();
        Assert.Empty(SentTo(team.BuddyMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();
        var toBuddy = Assert.Single(SentTo(team.BuddyMobile));
        Assert.Contains("has not checked out", toBuddy.Message, StringComparison.Ordinal);
        Assert.Contains("12 Oak Road", toBuddy.Message, StringComparison.Ordinal);
        Assert.Contains(team.WorkerMobile, toBuddy.Message, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync();
        Assert.Single(SentTo(team.ManagerMobile));
        Assert.Empty(SentTo(team.DutyMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync();
        Assert.Single(SentTo(team.DutyMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync();
        Assert.Equal(2, SentTo(team.DutyMobile).Count); // the duty manager again: it never goes quiet

        var duty = await SignIn.AsAsync(factory, team.DutyManager);
        var alerts = await (await duty.GetAsync("/api/v1/visits/alerts")).Content.ReadFromJsonAsync<JsonElement>();
        var alertId = alerts.EnumerateArray().Single(a => a.GetProperty("visitId").GetGuid() == visitId).GetProperty("id").GetInt64();
        var acknowledged = await duty.PostAsJsonAsync($"/api/v1/visits/alerts/{alertId}/acknowledge", new { note = "Reached Wes by phone: safe, battery died" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await PassAsync();
        await PassAsync();
        // Everyone told hears once that it is over, and nothing more; the worker, never told by the others, hears nothing.
        foreach (var mobile in new[] { team.BuddyMobile, team.ManagerMobile, team.DutyMobile })
        {
            Assert.Contains("stand down", SentTo(mobile)[^1].Message, StringComparison.Ordinal);
            Assert.Single(SentTo(mobile), m => m.Message.Contains("stand down", StringComparison.Ordinal));
        }

        Assert.Equal(3, SentTo(team.DutyMobile).Count);
        Assert.Single(SentTo(team.WorkerMobile));
        duty = await SignIn.AsAsync(factory, team.DutyManager); // half an hour idle: signed out
        var again = await duty.PostAsJsonAsync($"/api/v1/visits/alerts/{alertId}/acknowledge", new { note = "twice" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var log = await factory.WithDbAsync(db => db.VisitAlertLog.AsNoTracking().Where(e => e.AlertId == alertId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(AlertEvent.Raised, log[0].Event);
        Assert.Contains(log, e => e.Event == AlertEvent.Escalated && e.Step == AlertStep.Buddy);
        Assert.Contains(log, e => e.Event == AlertEvent.Escalated && e.Step == AlertStep.DutyManager);
        Assert.Contains("Reached Wes by phone", log.Single(e => e.Event == AlertEvent.Ended).Detail, StringComparison.Ordinal);
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task TheWorkerAnsweringTheAmberPrompt_ByExtending_StopsTheClimb_AndANewEndCanRaiseANewAlert()
    {
        var team = await TeamAsync();
        var (client, visitId) = await LiveVisitAsync(team, minutes: 30);
        factory.Clock.Advance(TimeSpan.FromMinutes(46));
        await PassAsync();
        Assert.Single(SentTo(team.WorkerMobile));

        client = await SignIn.AsAsync(factory, team.Worker); // 46 minutes idle: signed out
        var newEnd = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        var extended = await PostAsync(client, $"/api/v1/visits/{visitId}/extend", new { expectedEndAt = newEnd.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.False((await AlertAsync(visitId)).IsOpen);

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await PassAsync();
        Assert.Empty(SentTo(team.BuddyMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(26)); // past the new end and its grace
        await PassAsync();
        Assert.Equal(2, SentTo(team.WorkerMobile).Count);
        Assert.Equal(2, await factory.WithDbAsync(db => db.VisitAlerts.CountAsync(a => a.VisitId == visitId)));
    }

    [Fact]
    public async Task TheDuressCode_AnswersLikeANormalCheckOut_ButTellsTheBuddyManagerAndDutyManagerAtOnce()
    {
        var other = await TeamAsync();
        var team = await TeamAsync(); // the rota now has this team's duty manager
        var (normalClient, normalId) = await LiveVisitAsync(other);
        var (client, visitId) = await LiveVisitAsync(team);

        var wrong = await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = "1111" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));

        var duress = await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Duress });
        var normal = await PostAsync(normalClient, $"/api/v1/visits/{normalId}/check-out", new { code = LoneWorkingFactory.Code });
        Assert.Equal(normal.StatusCode, duress.StatusCode);
        var duressBody = await duress.Content.ReadFromJsonAsync<JsonElement>();
        var normalBody = await normal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(normalBody.EnumerateObject().Select(p => p.Name), duressBody.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Finished", duressBody.GetProperty("status").GetString());
        Assert.DoesNotContain("duress", await duress.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await PassAsync(); // the job, woken at once in a running service
        foreach (var mobile in new[] { team.BuddyMobile, team.ManagerMobile, team.DutyMobile })
        {
            Assert.Contains("RED ALERT", Assert.Single(SentTo(mobile)).Message, StringComparison.Ordinal);
        }

        Assert.Empty(SentTo(team.WorkerMobile));
        var alerts = await (await client.GetAsync("/api/v1/visits/alerts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(alerts.EnumerateArray(), a => a.GetProperty("visitId").GetGuid() == visitId);

        var hook = factory.Notify.Webhook.Where(w => w.Body.Contains(visitId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hook);
        foreach (var (body, signature) in hook)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(LoneWorkingFactory.WebhookSecret), Encoding.UTF8.GetBytes(body)));
            Assert.Equal(expected, signature);
        }

        Assert.Contains(hook, w => w.Body.Contains("\"kind\":\"Duress\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoNodesRunningTheJobAtTheSameMoment_SendEachMessageOnce()
    {
        var team = await TeamAsync();
        await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(PassAsync)));
        Assert.Single(SentTo(team.WorkerMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(PassAsync)));
        Assert.Single(SentTo(team.BuddyMobile));
    }

    [Fact]
    public async Task ASendThatFails_MovesToTheNextStepAtOnce_AndIsLogged()
    {
        var team = await TeamAsync();
        factory.Notify.Refuse[team.BuddyMobile] = true;
        await factory.WithDbAsync(async db =>
        {
            var buddy = await db.Users.SingleAsync(u => u.Id == team.Buddy.Id);
            buddy.Email = null; // text only, and the text is refused
            return await db.SaveChangesAsync();
        });
        var (_, visitId) = await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync();

        Assert.Empty(SentTo(team.BuddyMobile));
        Assert.Single(SentTo(team.ManagerMobile)); // in the same pass as the buddy's failure
        var alert = await AlertAsync(visitId);
        Assert.Equal(AlertStep.Manager, alert.Step);
        var log = await factory.WithDbAsync(db => db.VisitAlertLog.AsNoTracking().Where(e => e.AlertId == alert.Id).ToListAsync());
        Assert.Contains(log, e => e.Event == AlertEvent.Failed && e.Step == AlertStep.Buddy && e.Detail.Contains("by text message: not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANodeThatDiesMidEscalation_LosesNothing_TheNextPassSendsTheStepItHadTaken()
    {
        var team = await TeamAsync();
        var (_, visitId) = await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));

        // A node climbs to the buddy's step and saves it, then dies before sending anything.
        await factory.WithDbAsync(async db =>
        {
            var alert = await db.VisitAlerts.SingleAsync(a => a.VisitId == visitId);
            alert.Climb(AlertStep.Buddy);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(SentTo(team.BuddyMobile));

        await PassAsync(); // the next node
        Assert.Single(SentTo(team.BuddyMobile));
        Assert.Equal(StepState.Sent, (await AlertAsync(visitId)).StepState);
    }

    [Fact]
    public async Task WhileAnotherNodeHoldsALock_APassLeavesThatWorkAlone_AndTheNextOneCarriesOn()
    {
        Assert.SkipUnless(factory.Database.IsPostgres, "SQLite runs on one node: its passes are kept apart in the process (the two-nodes test)");

        var team = await TeamAsync();
        var (_, visitId) = await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));

        // Escalation's keys: "MEND", then 0 for raising alerts or the alert's id.
        async Task<Npgsql.NpgsqlConnection> HoldAsync(long key)
        {
            var other = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Pooling = false }.ConnectionString);
            await other.OpenAsync();
            await using var take = new Npgsql.NpgsqlCommand($"BEGIN; SELECT pg_advisory_xact_lock({0x4d454e44}, {key})", other);
            await take.ExecuteNonQueryAsync();
            return other;
        }

        // The server ends a closed connection's session (and its locks) on its own time: wait until it has, at most 10 s.
        async Task FreedAsync(long key)
        {
            await using var probe = new Npgsql.NpgsqlConnection(factory.Database.ConnectionString);
            await probe.OpenAsync();
            for (var waited = 0; waited < 100; waited++)
            {
                await using var held = new Npgsql.NpgsqlCommand(
                    $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {0x4d454e44}::oid AND objid = {key}::oid AND objsubid = 2", probe);
                if ((long)(await held.ExecuteScalarAsync())! == 0)
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        await using (var node = await HoldAsync(0))
        {
            Assert.Equal(0, await PassAsync());
            Assert.Empty(SentTo(team.WorkerMobile));
        } // the other node dies mid-pass: its lock goes with its transaction

        await FreedAsync(0);
        await PassAsync();
        Assert.Single(SentTo(team.WorkerMobile));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var alertId = (await AlertAsync(visitId)).Id;
        await using (var node = await HoldAsync(alertId))
        {
            await PassAsync();
            Assert.Empty(SentTo(team.BuddyMobile));
        }

        await FreedAsync(alertId);
        await PassAsync();
        Assert.Single(SentTo(team.BuddyMobile));
    }

    [Fact]
    public async Task AWorkersOwnRedAlert_NeverReachesThemOrTheSecondWorker_EvenAsAManagerOnDuty()
    {
        var team = await TeamAsync();
        // The worker is a manager and the duty manager on the rota; a second worker goes with them.
        var worker = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team.TeamId);
        var second = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.TeamId);
        var (workerMobile, secondMobile) = (Mobile(), Mobile());
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == worker.Id)).PhoneNumber = workerMobile;
            (await db.Users.SingleAsync(u => u.Id == second.Id)).PhoneNumber = secondMobile;
            db.DutyShifts.Add(DutyShift.Make(worker.Id, "Wes on duty", Now.AddHours(-1), Now.AddDays(1), "Test"));
            return await db.SaveChangesAsync();
        });
        var (client, visitId) = await VisitAsync(worker, team.Buddy.Id, second: second.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(76)); // overdue too: the amber alert must end with the check-out
        await PassAsync();
        Assert.Single(SentTo(workerMobile));

        client = await SignIn.AsAsync(factory, worker);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Duress })).StatusCode);
        await PassAsync();
        await PassAsync();

        Assert.Contains("RED ALERT", Assert.Single(SentTo(team.BuddyMobile), m => m.Message.Contains("RED", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains(SentTo(team.ManagerMobile), m => m.Message.Contains("RED ALERT", StringComparison.Ordinal));
        Assert.DoesNotContain(SentTo(team.BuddyMobile), m => m.Message.Contains(workerMobile, StringComparison.Ordinal) && m.Message.Contains("RED", StringComparison.Ordinal));
        Assert.Single(SentTo(workerMobile)); // only their own amber prompt, before
        Assert.Empty(SentTo(secondMobile));

        foreach (var who in new[] { worker, second })
        {
            var someone = await SignIn.AsAsync(factory, who);
            var alerts = await (await someone.GetAsync("/api/v1/visits/alerts")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.DoesNotContain(alerts.EnumerateArray(), a => a.GetProperty("visitId").GetGuid() == visitId);
            var page = await someone.GetPageAsync($"/Visits/{visitId}");
            Assert.DoesNotContain("Duress", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("RED", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("alert", (await someone.GetPageAsync("/")).QuerySelector("#open-alerts")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("RED", string.Join(" ", (await someone.GetPageAsync("/Notifications")).Body!.TextContent), StringComparison.Ordinal);
        }

        var buddy = await SignIn.AsAsync(factory, team.Buddy);
        var seen = await (await buddy.GetAsync("/api/v1/visits/alerts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(seen.EnumerateArray(), a => a.GetProperty("visitId").GetGuid() == visitId && a.GetProperty("kind").GetString() == "Duress");
    }

    [Fact]
    public async Task TheDuressCode_RaisesTheRedAlert_EvenWhenTheCheckOutItselfIsRefused()
    {
        var team = await TeamAsync();
        var (client, visitId) = await LiveVisitAsync(team, checkIn: false);
        var refused = await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Duress });
        var normal = await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Code });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(normal.StatusCode, refused.StatusCode);
        var (a, b) = (await normal.Content.ReadFromJsonAsync<JsonElement>(), await refused.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("errors").GetRawText(), b.GetProperty("errors").GetRawText());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        await PassAsync();
        Assert.Contains("RED ALERT", Assert.Single(SentTo(team.BuddyMobile)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitNeverCheckedIn_PromptsTheWorker_AndCancellingItEndsTheAlert()
    {
        var team = await TeamAsync();
        var (client, visitId) = await LiveVisitAsync(team, checkIn: false);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        Assert.Contains("not checked in or out", Assert.Single(SentTo(team.WorkerMobile)).Message, StringComparison.Ordinal);
        client = await SignIn.AsAsync(factory, team.Worker);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{visitId}/cancel", null)).StatusCode);
        Assert.False((await AlertAsync(visitId)).IsOpen);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await PassAsync();
        Assert.Empty(SentTo(team.BuddyMobile));
    }

    [Fact]
    public async Task AnAcknowledgementWhileAPassIsSending_Stands_AndTheLogKeepsWhatWasSent()
    {
        var team = await TeamAsync();
        var (_, visitId) = await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        var manager = await SignIn.AsAsync(factory, team.Manager);
        var alertId = (await AlertAsync(visitId)).Id;
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        factory.Notify.OnSend = async sent =>
        {
            if (sent.To == team.BuddyMobile)
            {
                // The manager acknowledges while the pass is still telling the buddy.
                Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/visits/alerts/{alertId}/acknowledge", new { note = "On it" })).StatusCode);
            }
        };
        try
        {
            await PassAsync();
        }
        finally
        {
            factory.Notify.OnSend = null;
        }

        var alert = await AlertAsync(visitId);
        Assert.False(alert.IsOpen);
        Assert.Contains("On it", alert.Ending, StringComparison.Ordinal);
        var log = await factory.WithDbAsync(db => db.VisitAlertLog.AsNoTracking().Where(e => e.AlertId == alertId).ToListAsync());
        Assert.Contains(log, e => e.Event == AlertEvent.Sent && e.Step == AlertStep.Buddy && e.Detail.Contains("by text message", StringComparison.Ordinal));
        await PassAsync(); // the buddy, who was told, hears it is over
        Assert.Contains("stand down", SentTo(team.BuddyMobile)[^1].Message, StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await PassAsync();
        Assert.Empty(SentTo(team.ManagerMobile));
    }

    [Fact]
    public async Task ADuressCheckOutDuringAnAmberAlert_SendsNoStandDown_AndThoseOnTheVisitCannotAcknowledge()
    {
        var team = await TeamAsync();
        var second = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.TeamId);
        var (client, visitId) = await LiveVisitAsync(team, second: second.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync(); // the buddy has the amber alert
        var amber = await AlertAsync(visitId);
        foreach (var who in new[] { team.Worker, second })
        {
            var someone = await SignIn.AsAsync(factory, who);
            var refused = await someone.PostAsJsonAsync($"/api/v1/visits/alerts/{amber.Id}/acknowledge", new { note = "All fine" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        client = await SignIn.AsAsync(factory, team.Worker);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Duress })).StatusCode);
        await PassAsync();
        await PassAsync();
        Assert.Contains(SentTo(team.BuddyMobile), m => m.Message.Contains("RED ALERT", StringComparison.Ordinal));
        Assert.DoesNotContain(SentTo(team.BuddyMobile), m => m.Message.Contains("stand down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedAlertNobodyCouldBeToldOf_IsSentToEveryoneAgainAMinuteLater()
    {
        var team = await TeamAsync();
        foreach (var mobile in new[] { team.BuddyMobile, team.ManagerMobile, team.DutyMobile })
        {
            factory.Notify.Refuse[mobile] = true;
        }

        await factory.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == team.Buddy.Id || u.Id == team.Manager.Id || u.Id == team.DutyManager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null));
            return 0;
        });
        var (client, visitId) = await LiveVisitAsync(team);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{visitId}/check-out", new { code = LoneWorkingFactory.Duress })).StatusCode);
        await PassAsync();
        Assert.Equal(StepState.Failed, (await AlertAsync(visitId)).StepState);

        factory.Notify.Refuse.Clear();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();
        foreach (var mobile in new[] { team.BuddyMobile, team.ManagerMobile, team.DutyMobile })
        {
            Assert.Contains("RED ALERT", Assert.Single(SentTo(mobile)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADutyManagerToldOfAnAlert_CanStillOpenIt_AfterTheirShiftEnds()
    {
        var team = await TeamAsync();
        var (_, visitId) = await LiveVisitAsync(team);
        foreach (var minutes in new[] { 76, 10, 10, 10 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await PassAsync();
        }

        Assert.Single(SentTo(team.DutyMobile));
        await factory.WithDbAsync(async db =>
        {
            await db.DutyShifts.ExecuteDeleteAsync();
            return 0;
        });
        var otherTeam = Mend.Web.Features.Staff.Team.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(otherTeam);
            await db.SaveChangesAsync();
            return await db.Users.Where(u => u.Id == team.DutyManager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamId, otherTeam.Id));
        });
        var duty = await SignIn.AsAsync(factory, team.DutyManager);
        var alertId = (await AlertAsync(visitId)).Id;
        Assert.Equal(HttpStatusCode.OK, (await duty.GetAsync($"/Visits/Alerts/{alertId}")).StatusCode);
    }

    [Fact]
    public async Task TheAlertLog_IsAppendOnly()
    {
        var team = await TeamAsync();
        await LiveVisitAsync(team);
        factory.Clock.Advance(TimeSpan.FromMinutes(76));
        await PassAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"VisitAlertLog\" SET \"Detail\" = 'rewritten'")));
        Assert.Contains("append-only", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);
    }
}
