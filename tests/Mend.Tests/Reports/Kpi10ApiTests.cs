using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Reports;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Reports;

/// <summary>KPI 10 through the API on SQLite and PostgreSQL, from a case recorded in the test and counted by hand.</summary>
public sealed class Kpi10ApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheQuartersReturn_CountsTheVictimsOfAChildWhoseOrderEnded_AndTheExtractHasARowForEach()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var second = await AssessmentCase.AddVictimAsync(factory, client, c.CaseId, "Ada", "Nwosu" + Guid.NewGuid().ToString("N")[..4]);
        var first = $"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(first, new { source = "PolicePassedDetails", receivedOn = Today.AddDays(-20) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/victims/{second}",
            new { source = "PolicePassedDetails", receivedOn = Today.AddDays(-20) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, first + "/choices", new { kind = "Contact", agreed = true, on = Today.AddDays(-15) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, first + "/choices", new { kind = "KeptInformed", agreed = true, on = Today.AddDays(-15) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, first + "/records", new { kind = "ProgressUpdate", on = Today.AddDays(-3) })).StatusCode);
        var order = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Today.AddDays(-40), convictedOn = Today.AddDays(-45), endsOn = Today.AddDays(200) }));
        var ended = Today.AddDays(-1);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/v1/orders/{order.GetProperty("id").GetGuid()}/end",
            new { reason = "Completed", endedOn = ended })).StatusCode);
        var quarter = ReportQuarter.Of(ended).Code;
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));

        var answer = await manager.GetAsync($"/api/v1/reports/kpi10?quarter={quarter}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var lines = (await JsonAsync(answer)).GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("count").GetInt32());
        Assert.Equal(1, lines[Kpi10.Children]);
        Assert.Equal(2, lines[Kpi10.Victims]);
        Assert.Equal(1, lines[Kpi10.Consented]);
        Assert.Equal(0, lines[Kpi10.Engaged]);
        Assert.Equal(1, lines[Kpi10.ProgressRequested]);
        Assert.Equal(1, lines[Kpi10.ProgressProvided]);
        Assert.Equal(0, lines[Kpi10.SupportRequested]);

        var csv = await manager.GetAsync($"/api/v1/reports/kpi10?quarter={quarter}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("victim_id,victim_type,child_id", rows[0], StringComparison.Ordinal);

        var wrong = await manager.GetAsync("/api/v1/reports/kpi10?quarter=2026-Q5");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("2026-Q3", (await JsonAsync(wrong)).GetProperty("errors").GetProperty("quarter")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/kpi10?quarter={quarter}")).StatusCode);

        var page = await manager.GetPageAsync($"/Reports?Quarter={quarter}");
        var victimsRow = page.QuerySelectorAll("#kpi10 tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Total number of victims");
        var count = victimsRow.QuerySelector("td a")!;
        Assert.StartsWith("2", count.TextContent, StringComparison.Ordinal);
        var behind = await manager.GetPageAsync(count.GetAttribute("href")!);
        Assert.NotNull(behind.QuerySelector($"#behind a[href='/Cases/{c.CaseId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Reports/Behind?Report=kpi10&Figure=nonsense&Quarter={quarter}")).StatusCode);
        Assert.Equal(["Enter the quarter as a year and a quarter of its financial year, like 2026-Q3 (October to December 2026)"],
            (await manager.GetPageAsync("/Reports?Quarter=2026-Q9")).ErrorSummary());
        var extract = await manager.GetAsync($"/Reports?handler=Extract&Quarter={quarter}");
        Assert.Equal("text/csv", extract.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Kpi6_CountsAChildWhoseCommunityResolutionEnded_AndCompleted()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var order = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders", new { kind = "CommunityResolution", decidedOn = Today.AddDays(-10) }));
        var ended = Today.AddDays(-1);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/v1/orders/{order.GetProperty("id").GetGuid()}/end",
            new { reason = "Completed", endedOn = ended })).StatusCode);
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));

        var lines = (await JsonAsync(await manager.GetAsync($"/api/v1/reports/kpi6?quarter={ReportQuarter.Of(ended).Code}"))).GetProperty("lines").EnumerateArray().ToList();
        var resolution = lines.Single(l => l.GetProperty("kind").GetString() == "CommunityResolution");
        Assert.Equal(1, resolution.GetProperty("ended").GetInt32());
        Assert.Equal(1, resolution.GetProperty("completed").GetInt32());
        Assert.Equal(100.0m, resolution.GetProperty("completedPercent").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/reports/kpi6?quarter=Q3")).StatusCode);
    }
}
