using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Meetings;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Meetings;

/// <summary>Professionals' meetings about a case: their rules, the page with all errors at once, actions on the caseload until done, and the API; both databases.</summary>
public sealed class ProfessionalMeetingTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static readonly Mend.Web.Platform.Encryption.FieldEncryption TestEncryption =
        new(new() { Keys = new() { ["1"] = Convert.ToBase64String(new byte[32]) }, CurrentKeyId = 1 });

    [Fact]
    public void AMeeting_IsRecordedAfterItIsHeld_AndItsActionsAreDueOnOrAfterIt()
    {
        Assert.Equal(["agenciesPresent", "decisions", "heldOn", "kind"],
            ProfessionalMeeting.Problems(new(null, Today.AddDays(1), " ", null), Today).Keys.Order());
        var meeting = ProfessionalMeeting.Record(Guid.NewGuid(), new(MeetingKind.StrategyMeeting, Today.AddDays(-2), "Police, children's social care", "Section 47 enquiry"), Today,
            TestEncryption, "Ann", DateTime.UtcNow);
        Assert.Equal("dueOn", Assert.Throws<DomainRuleException>(() => meeting.AddAction("Visit the family", null, "DS Khan, police", Today.AddDays(-3))).Field);
        Assert.Equal("owner", Assert.Throws<DomainRuleException>(() => meeting.AddAction("Visit the family", null, " ", Today)).Field);
        var action = meeting.AddAction("Visit the family", null, "DS Khan, police", Today.AddDays(-2));
        meeting.CompleteAction(action.Id, Today, "Ann");
        Assert.True(action.IsDone);
        Assert.Throws<DomainRuleException>(() => meeting.CompleteAction(action.Id, Today, "Ann"));
    }

    private static (string, string)[] Date(string prefix, DateOnly date) =>
        [($"{prefix}.Day", date.Day.ToString()), ($"{prefix}.Month", date.Month.ToString()), ($"{prefix}.Year", date.Year.ToString())];

    [Fact]
    public async Task AWorker_RecordsAMeetingWithActions_SeesAllErrorsAtOnce_AndTheActionsStayOnTheCaseloadUntilDone()
    {
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, worker);
        var c = await AssessmentCase.CreateAsync(factory, client);
        await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AllocatedWorkerId, worker.Id)));
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        var url = $"/Cases/{c.CaseId}/Meetings/Record";

        var refused = await Html.ParseAsync(await client.SubmitAsync(url, [.. Date("Input.HeldOn", today), ("Input.AgenciesPresent", "Police"),
            ("Input.Actions[0].What", "Share the risk assessment"), .. Date("Input.Actions[0].DueOn", today.AddDays(3))]));
        var errors = refused.ErrorSummary();
        Assert.Contains("Choose the kind of meeting", errors);
        Assert.Contains("Enter what was decided", errors);
        Assert.Contains("Choose or enter who will do it", errors);
        Assert.False(await factory.WithDbAsync(db => db.ProfessionalMeetings.AnyAsync(m => m.CaseId == c.CaseId)));

        var done = await client.SubmitAsync(url, [("Input.Kind", "StrategyMeeting"), .. Date("Input.HeldOn", today), ("Input.AgenciesPresent", "Police, children's social care"),
            ("Input.Decisions", "Section 47 enquiry to begin; no contact with the older brother"),
            ("Input.Actions[0].What", "Share the risk assessment"), ("Input.Actions[0].OwnerUserId", worker.Id.ToString()), .. Date("Input.Actions[0].DueOn", today.AddDays(3)),
            ("Input.Actions[1].What", "Interview the young person"), ("Input.Actions[1].OwnerName", "DS Khan, police"), .. Date("Input.Actions[1].DueOn", today.AddDays(20))]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var meeting = await factory.WithDbAsync(db => db.ProfessionalMeetings.AsNoTracking().SingleAsync(m => m.CaseId == c.CaseId));
        Assert.Equal(2, meeting.Actions.Count);
        Assert.DoesNotContain("older brother", meeting.DecisionsCiphertext, StringComparison.Ordinal);

        // Due within the week: on the caseload; the one due in 20 days is not yet.
        var caseload = (await client.GetPageAsync("/Cases")).QuerySelector("#meeting-actions-due")!.TextContent;
        Assert.Contains("Share the risk assessment", caseload, StringComparison.Ordinal);
        Assert.DoesNotContain("Interview the young person", caseload, StringComparison.Ordinal);
        Assert.Contains("With Police, children's social care; 2 action(s), 0 done", (await client.GetPageAsync($"/Cases/{c.CaseId}?kind=meetings")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var view = await client.GetPageAsync($"/Meetings/{meeting.Id}");
        Assert.Contains("older brother", view.QuerySelector("#decisions")!.TextContent, StringComparison.Ordinal);
        var version = view.QuerySelector("form[action*='handler=Done'] input[name=Version]")!.GetAttribute("value")!;
        var first = meeting.Actions.Single(a => a.What == "Share the risk assessment");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Meetings/{meeting.Id}", [new("Version", version)], $"/Meetings/{meeting.Id}?handler=Done&actionId={first.Id}")).StatusCode);
        Assert.Null((await client.GetPageAsync("/Cases")).QuerySelector("#meeting-actions-due"));

        var stale = await Html.ParseAsync(await client.SubmitAsync($"/Meetings/{meeting.Id}", [new("Version", version), new("Input.What", "Late"), new("Input.OwnerName", "Someone"),
            new("Input.DueOn.Day", today.Day.ToString()), new("Input.DueOn.Month", today.Month.ToString()), new("Input.DueOn.Year", today.Year.ToString())], $"/Meetings/{meeting.Id}?handler=Add"));
        Assert.Contains(stale.ErrorSummary(), e => e.StartsWith("Someone else changed this meeting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApi_RecordsAMeeting_NamingTheActionsField_AndAddsAndCompletesActions()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        var bad = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/meetings", new
        {
            kind = "RiskManagement",
            heldOn = today,
            agenciesPresent = "Probation, police",
            decisions = "Level 2 management",
            actions = new object[] { new { what = "Review licence conditions", ownerName = "Probation officer", dueOn = today.AddDays(5) }, new { what = "Check address", ownerName = "PC Ray", dueOn = today.AddDays(-1) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("actions[1].dueOn", out _));

        var made = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/meetings", new
        {
            kind = "RiskManagement",
            heldOn = today,
            agenciesPresent = "Probation, police",
            decisions = "Level 2 management",
            actions = new object[] { new { what = "Review licence conditions", ownerName = "Probation officer", dueOn = today.AddDays(5) } },
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var url = made.Headers.Location!.OriginalString;
        var add = new HttpRequestMessage(HttpMethod.Post, url + "/actions") { Content = JsonContent.Create(new { what = "Check address", ownerName = "PC Ray", dueOn = today.AddDays(2) }) };
        add.Headers.IfMatch.ParseAdd(made.Headers.ETag!.Tag);
        var added = await client.SendAsync(add);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var actions = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(2, actions.Count);

        var done = new HttpRequestMessage(HttpMethod.Post, $"{url}/actions/{actions[1].GetProperty("id").GetInt64()}/done");
        done.Headers.IfMatch.ParseAdd(added.Headers.ETag!.Tag);
        var completed = await (await client.SendAsync(done)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(completed.GetProperty("actions").EnumerateArray(), a => a.GetProperty("doneOn").ValueKind == JsonValueKind.String);
    }
}
