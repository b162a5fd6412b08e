using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Tests.Processes;
using Mend.Web.Features.Reports;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Reports;

/// <summary>
/// The restorative justice service report on SQLite and PostgreSQL, every figure worked out by hand from two cases recorded
/// here: one whose victim was reached and whose conference was held with an agreement kept in part and feedback given, and
/// one still waiting for both.
/// </summary>
public sealed class ServiceReportTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    [Theory]
    [InlineData("2021-04-01", "2026-03-31", null)]
    [InlineData("2021-04-01", "2026-04-01", "to")]
    [InlineData("2026-04-02", "2026-04-01", "to")]
    [InlineData(null, "2026-04-01", "from")]
    [InlineData("9999-01-01", "2026-04-01", "from")]
    [InlineData("0001-01-01", "2026-04-01", "from")]
    [InlineData("2026-01-01", "2101-01-01", "to")]
    public void APeriod_RunsForwards_ForAtMostFiveYears_Within2000To2100(string? from, string to, string? wrong)
    {
        var (period, errors) = ReportPeriod.Check(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(wrong is null, period is not null);
        if (wrong is not null)
        {
            Assert.True(errors.ContainsKey(wrong));
        }
    }

    [Fact]
    public async Task EachFigure_IsCountedFromTheCasesRecorded_ForTheManagersTeam_AndOpensOntoItsCases()
    {
        var (client, reached, processId) = await ReadyConferenceAsync();
        var referredOn = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddDays(-2);
        var waiting = await AssessmentCase.CreateAsync(Factory, client);
        foreach (var c in new[] { reached, waiting })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}",
                new { source = "PolicePassedDetails", receivedOn = referredOn })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/cases/{reached.CaseId}/victims/{reached.VictimId}/contacts",
            new { at = At(-1, 12), direction = "Outgoing", method = "Phone", outcome = "Spoke" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/cases/{waiting.CaseId}/victims/{waiting.VictimId}/contacts",
            new { at = At(-1, 12), direction = "Outgoing", method = "Phone", outcome = "NoAnswer" })).StatusCode);
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(reached, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        client = await SignIn.AsAsync(Factory, Practitioner!);
        var url = $"/api/v1/processes/{processId}";
        var attendance = new[] { new { personId = reached.VictimId, attended = true, spoke = true }, new { personId = reached.YoungPersonId, attended = true, spoke = true } };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/record", new { attendance, record = "Both spoke." })).StatusCode);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        foreach (var kind in new[] { "Apology", "Donation" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/agreement", new { kind, what = kind + " for Sam", who = "Kai", dueOn = today.AddDays(5) })).StatusCode);
        }

        var items = (await JsonAsync(await client.GetAsync(url))).GetProperty("agreement").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/agreement/settle", new { itemId = items[0], done = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/agreement/settle", new { itemId = items[1], done = false, note = "Did not pay." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/feedback",
            new { personId = reached.VictimId, satisfaction = 5, feltSafe = true, feltListenedTo = true, wouldRecommend = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/feedback",
            new { personId = reached.YoungPersonId, satisfaction = 2, feltSafe = true, feltListenedTo = false, wouldRecommend = false })).StatusCode);

        var manager = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Roles.Manager], teamId: Team.DefaultId));
        var range = $"from={today.AddDays(-10):yyyy-MM-dd}&to={today:yyyy-MM-dd}&team={Team.DefaultId}";
        var answer = await manager.GetAsync($"/api/v1/reports/service?{range}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var report = await JsonAsync(answer);

        static int Line(JsonElement lines, string key) => lines.EnumerateArray().Single(l => l.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();
        Assert.Equal(2, Line(report.GetProperty("referralsBySource"), "referrals.Police"));
        Assert.Equal(0, Line(report.GetProperty("referralsBySource"), "referrals.School"));
        Assert.Equal(2, report.GetProperty("referralsByMonth").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()));
        var process = Assert.Single(report.GetProperty("processes").EnumerateArray());
        Assert.Equal("Face-to-face conference", process.GetProperty("kind").GetString());
        var contact = report.GetProperty("firstContact");
        Assert.Equal((1, 1, 1.0, 1), (contact.GetProperty("ended").GetInt32(), contact.GetProperty("stillWaiting").GetInt32(), contact.GetProperty("medianDays").GetDouble(),
            contact.GetProperty("longestDays").GetInt32()));
        var toProcess = report.GetProperty("toProcess");
        Assert.Equal((1, 1, 3.0), (toProcess.GetProperty("ended").GetInt32(), toProcess.GetProperty("stillWaiting").GetInt32(), toProcess.GetProperty("medianDays").GetDouble()));
        var agreements = report.GetProperty("agreements");
        Assert.Equal((0, 1, 0, 0), (Line(agreements, "agreements.full"), Line(agreements, "agreements.part"), Line(agreements, "agreements.not"), Line(agreements, "agreements.open")));
        var satisfaction = report.GetProperty("satisfaction").EnumerateArray().ToList();
        Assert.Equal((1, 1, 1), (satisfaction[0].GetProperty("answered").GetInt32(), satisfaction[0].GetProperty("satisfied").GetInt32(), satisfaction[0].GetProperty("feltSafe").GetInt32()));
        Assert.Equal((1, 0, 0), (satisfaction[1].GetProperty("answered").GetInt32(), satisfaction[1].GetProperty("satisfied").GetInt32(), satisfaction[1].GetProperty("feltListenedTo").GetInt32()));

        var jersey = await JsonAsync(await manager.GetAsync($"/api/v1/reports/service?{range}&jurisdiction=Jersey"));
        Assert.Equal(0, Line(jersey.GetProperty("referralsBySource"), "referrals.Police"));
        var wrong = await JsonAsync(await manager.GetAsync($"/api/v1/reports/service?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&team={Guid.NewGuid()}&jurisdiction=Mars&format=pdf"));
        Assert.Contains("your own team", wrong.GetProperty("errors").GetProperty("team")[0].GetString(), StringComparison.Ordinal);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("jurisdiction", out _));
        Assert.True(wrong.GetProperty("errors").TryGetProperty("format", out _));

        var xlsx = await manager.GetAsync($"/api/v1/reports/service?{range}&format=xlsx");
        Assert.Equal(ReportExport.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["About this report", "Referrals by source", "Referrals by month", "Processes", "Waits", "Agreements", "Satisfaction", "Training delivered"], sheets);
        }

        var from = today.AddDays(-10);
        var filter = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={today.Day}&To.Month={today.Month}&To.Year={today.Year}&Team={Team.DefaultId}";
        var page = await manager.GetPageAsync($"/Reports/Service?{filter}");
        Assert.NotNull(page.QuerySelector("#referrals-chart svg"));
        var link = page.QuerySelectorAll("#waits a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("contact.waiting", StringComparison.Ordinal));
        var behind = await manager.GetPageAsync(link);
        var waitingReference = await Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == waiting.CaseId).Select(c => c.Reference).SingleAsync());
        Assert.Equal([waitingReference], behind.QuerySelectorAll("#behind tbody th").Select(th => th.TextContent.Trim()).ToList());
        Assert.True(await Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Case" && e.EntityId == waiting.CaseId.ToString()
                                                                                  && e.Purpose!.StartsWith("Behind a report figure: Victims not yet reached"))));
        var otherTeam = Team.Create("Another team " + Guid.NewGuid().ToString("N")[..6]);
        await Factory.WithDbAsync(db =>
        {
            db.Teams.Add(otherTeam);
            return db.SaveChangesAsync();
        });
        var other = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Roles.Manager], teamId: otherTeam.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/service?{range}")).StatusCode);
    }
}
