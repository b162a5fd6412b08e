using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Processes;

/// <summary>Each participant's feedback after a process: recorded by the practitioner, or through a single-use expiring link.</summary>
public sealed class FeedbackTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    private async Task<(HttpClient Client, Assessments.AssessmentCase Case, string Url)> RecordedConferenceAsync()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var url = $"/api/v1/processes/{processId}";
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);
        Assert.Contains("once the meeting is recorded", await ErrorAsync(await PostAsync(client, url + "/feedback-links", new { personId = c.VictimId }), ""), StringComparison.Ordinal);

        Factory.Clock.Advance(TimeSpan.FromDays(2));
        client = await SignIn.AsAsync(Factory, Practitioner!);
        var attendance = new[] { new { personId = c.VictimId, attended = true, spoke = true }, new { personId = c.YoungPersonId, attended = true, spoke = true } };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/record", new { attendance, record = "Both spoke." })).StatusCode);
        return (client, c, url);
    }

    [Fact]
    public async Task Practitioner_RecordsFeedback_CheckedFieldByField_CommentsEncrypted_AndEachPersonAnswersOnce()
    {
        var (client, c, url) = await RecordedConferenceAsync();

        Assert.Equal("Select whether they felt safe", await ErrorAsync(await PostAsync(client, url + "/feedback", new { personId = c.VictimId, satisfaction = 5, feltListenedTo = true, wouldRecommend = true }), "feltSafe"));
        Assert.Equal("Select whose feedback this is", await ErrorAsync(await PostAsync(client, url + "/feedback", new { personId = Guid.NewGuid(), satisfaction = 5, feltSafe = true, feltListenedTo = true, wouldRecommend = true }), "personId"));
        var saved = await JsonAsync(await PostAsync(client, url + "/feedback",
            new { personId = c.VictimId, satisfaction = 5, feltSafe = true, feltListenedTo = true, wouldRecommend = false, comments = "Glad I went; I finally got answers." }));

        var feedback = Assert.Single(saved.GetProperty("feedback").EnumerateArray());
        Assert.Equal("Victim", feedback.GetProperty("role").GetString());
        Assert.Equal(5, feedback.GetProperty("satisfaction").GetInt32());
        Assert.False(feedback.GetProperty("byParticipant").GetBoolean());
        Assert.Contains("already given their feedback", await ErrorAsync(await PostAsync(client, url + "/feedback-links", new { personId = c.VictimId }), ""), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.ParticipantFeedback.AsNoTracking().SingleAsync(f => f.PersonId == c.VictimId));
        Assert.DoesNotContain("answers", stored.CommentsCiphertext!, StringComparison.Ordinal);

        var page = await client.GetPageAsync(url.Replace("/api/v1/processes", "/Processes", StringComparison.Ordinal) + "/Feedback");
        var table = page.QuerySelector("#feedback")!.TextContent;
        Assert.Contains("Very satisfied", table, StringComparison.Ordinal);
        Assert.Contains("I finally got answers", table, StringComparison.Ordinal);
        Assert.Contains("Not asked yet", table, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "ParticipantFeedback" && e.SubjectPersonId == c.VictimId)));

        var manager = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Mend.Web.Platform.Auth.Roles.Manager]));
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        var report = await JsonAsync(await manager.GetAsync($"/api/v1/victims/compliance?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        var satisfaction = report.GetProperty("satisfaction");
        Assert.True(satisfaction.GetProperty("processAnswers").GetInt32() >= 1);
        Assert.True(satisfaction.GetProperty("processSatisfied").GetInt32() >= 1);
        Assert.NotNull((await manager.GetPageAsync($"/Victims/Compliance?From.Day={today.Day}&From.Month={today.Month}&From.Year={today.Year}")).QuerySelector("#victim-satisfaction"));
    }

    [Fact]
    public async Task Link_NeedsNoAccount_WorksOnce_IsReplacedByANewOne_AndExpires()
    {
        var (client, c, url) = await RecordedConferenceAsync();
        var made = await PostAsync(client, url + "/feedback-links", new { personId = c.YoungPersonId });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var first = new Uri((await JsonAsync(made)).GetProperty("link").GetString()!).AbsolutePath;
        var second = new Uri((await JsonAsync(await PostAsync(client, url + "/feedback-links", new { personId = c.YoungPersonId }))).GetProperty("link").GetString()!).AbsolutePath;

        var participant = Factory.CreateBrowserClient();
        Assert.Contains("expired", (await participant.GetPageAsync(first)).QuerySelector("#feedback-unusable")!.TextContent, StringComparison.Ordinal);
        var form = await participant.GetPageAsync(second);
        Assert.Null(form.QuerySelector("#feedback-unusable"));
        Assert.DoesNotContain("Kai", form.Body!.TextContent, StringComparison.Ordinal);
        var incomplete = await participant.SubmitAsync(second, ("Satisfaction", "4"), ("FeltListenedTo", "yes"));
        var errors = (await Html.ParseAsync(incomplete)).ErrorSummary();
        Assert.Contains("Select whether you felt safe", errors);
        Assert.Contains("Select whether you would recommend restorative justice to others", errors);
        Assert.Empty(await Factory.WithDbAsync(db => db.ParticipantFeedback.Where(f => f.PersonId == c.YoungPersonId && f.CompletedAt != null).ToListAsync()));

        var sent = await participant.SubmitAsync(second, ("Satisfaction", "3"), ("FeltSafe", "yes"), ("FeltListenedTo", "yes"), ("WouldRecommend", "yes"));
        Assert.Contains("Thank you", (await Html.ParseAsync(sent)).QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already been answered", (await participant.GetPageAsync(second)).QuerySelector("#feedback-unusable")!.TextContent, StringComparison.Ordinal);
        var read = await JsonAsync(await client.GetAsync(url));
        var answered = read.GetProperty("feedback").EnumerateArray().Single(f => f.GetProperty("completedAt").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.True(answered.GetProperty("byParticipant").GetBoolean());
        Assert.Equal(3, answered.GetProperty("satisfaction").GetInt32());

        var victimLink = new Uri((await JsonAsync(await PostAsync(client, url + "/feedback-links", new { personId = c.VictimId }))).GetProperty("link").GetString()!).AbsolutePath;
        Factory.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Contains("expired", (await participant.GetPageAsync(victimLink)).QuerySelector("#feedback-unusable")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not work", (await participant.GetPageAsync("/Feedback/made-up-token")).QuerySelector("#feedback-unusable")!.TextContent, StringComparison.Ordinal);
    }
}
