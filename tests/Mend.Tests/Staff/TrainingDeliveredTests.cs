using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Staff;

/// <summary>Training delivered to others: its rules at their boundaries, the page, the API and the service report's counts; both databases.</summary>
public sealed class TrainingDeliveredTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static TrainingSession.Details Details(decimal? hours = 2m, int attendees = 3, int? returned = null, decimal? average = null, int heldDays = 0) =>
        new("Restorative approaches", Today.AddDays(heldDays), TrainingAudience.HonoraryPolice, Guid.NewGuid(), hours,
            Enumerable.Range(1, attendees).Select(i => ($"Person {i}", (string?)"St Helier parish")).ToList(), returned, average, null);

    [Theory]
    [InlineData(0.5, null)]
    [InlineData(40, null)]
    [InlineData(0, "hours")]
    [InlineData(40.5, "hours")]
    [InlineData(1.25, "hours")] // not to the half hour
    public void TheLength_IsHalfAnHourToFortyHours_ToTheHalfHour(double hours, string? refused) =>
        Assert.Equal(refused is null ? [] : [refused], TrainingSession.Problems(Details((decimal)hours), Today).Keys);

    [Fact]
    public void Feedback_IsNoMoreFormsThanAttendees_RatedOneToFive_AndTheSessionIsRecordedAfterwards()
    {
        Assert.Empty(TrainingSession.Problems(Details(returned: 3, average: 5m), Today));
        Assert.Equal(["feedbackReturned"], TrainingSession.Problems(Details(returned: 4, average: 4m), Today).Keys);
        Assert.Equal(["feedbackAverage"], TrainingSession.Problems(Details(returned: 2, average: 5.1m), Today).Keys);
        Assert.Equal(["feedbackAverage"], TrainingSession.Problems(Details(average: 4m), Today).Keys);
        Assert.Equal(["heldOn"], TrainingSession.Problems(Details(heldDays: 1), Today).Keys);
        Assert.Equal(["attendees"], TrainingSession.Problems(Details(attendees: 0), Today).Keys);
        Assert.Equal(["attendees"], TrainingSession.Problems(Details(attendees: 201), Today).Keys);
        Assert.Equal([("Ann Le Brun", (string?)"St Helier, Jersey"), ("Bo", null)], TrainingSession.ParseAttendees("Ann Le Brun, St Helier, Jersey\r\n\n  Bo  \n"));
    }

    [Fact]
    public async Task APractitioner_RecordsASession_WithClearErrors_AndTheServiceReportCountsIt()
    {
        var team = Team.Create("Training team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(team);
            return await db.SaveChangesAsync();
        });
        var trainer = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id);
        var client = await SignIn.AsAsync(factory, trainer);
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        (string, string)[] Held(DateOnly d) => [("Input.HeldOn.Day", d.Day.ToString()), ("Input.HeldOn.Month", d.Month.ToString()), ("Input.HeldOn.Year", d.Year.ToString())];

        var refused = await Html.ParseAsync(await client.SubmitAsync("/Staff/Sessions/Record", [.. Held(today), ("Input.TrainerId", trainer.Id.ToString()), ("Input.Hours", "two")]));
        var errors = refused.ErrorSummary();
        Assert.Contains("Enter the hours as a number, like 1.5", errors);
        var again = await Html.ParseAsync(await client.SubmitAsync("/Staff/Sessions/Record", [.. Held(today), ("Input.TrainerId", trainer.Id.ToString()), ("Input.Hours", "2")]));
        Assert.Contains("Enter the topic", again.ErrorSummary());
        Assert.Contains("Choose who the session was for", again.ErrorSummary());
        Assert.Contains(again.ErrorSummary(), e => e.StartsWith("List who attended", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Staff/Sessions/Record", [("Input.Topic", "Restorative approaches at Parish Hall Enquiries"), .. Held(today),
            ("Input.Audience", "HonoraryPolice"), ("Input.TrainerId", trainer.Id.ToString()), ("Input.Hours", "2.5"),
            ("Input.Attendees", "Centenier A. Le Brun, St Helier parish\nVingtenier B. Vibert, st helier parish \nC. Renouf, St Brelade parish"),
            ("Input.FeedbackReturned", "3"), ("Input.FeedbackAverage", "4.5")])).StatusCode);
        var made = await client.PostAsJsonAsync("/api/v1/training-sessions", new
        {
            topic = "Restorative approaches",
            heldOn = today,
            audience = "HonoraryPolice",
            trainerId = trainer.Id,
            hours = 1,
            attendees = new[] { new { name = "D. Gallichan", organisation = "St Brelade parish" } },
            feedbackReturned = 1,
            feedbackAverage = 3,
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Contains("Restorative approaches at Parish Hall Enquiries", (await client.GetPageAsync("/Staff/Sessions")).QuerySelector("#sessions")!.TextContent, StringComparison.Ordinal);

        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team.Id));
        var report = await (await manager.GetAsync($"/api/v1/reports/service?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}&team={team.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        var honorary = report.GetProperty("trainingDelivered").EnumerateArray().Single(t => t.GetProperty("audience").GetString() == "HonoraryPolice");
        Assert.Equal(2, honorary.GetProperty("sessions").GetInt32());
        Assert.Equal(4, honorary.GetProperty("attendees").GetInt32());
        Assert.Equal(2, honorary.GetProperty("organisations").GetInt32()); // St Helier written twice two ways, and St Brelade
        Assert.Equal(4.1m, honorary.GetProperty("averageRating").GetDecimal()); // (4.5 x 3 + 3 x 1) / 4 = 4.125
        Assert.Equal(3.5m, honorary.GetProperty("hours").GetDecimal());
    }
}
