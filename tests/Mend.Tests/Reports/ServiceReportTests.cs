using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Reports;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Reports;

/// <summary>The service report's period rules, and its first figures through the API on SQLite and PostgreSQL.</summary>
public sealed class ServiceReportTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData("2021-04-01", "2026-03-31", null)]
    [InlineData("2021-04-01", "2026-04-01", "to")]
    [InlineData("2026-04-02", "2026-04-01", "to")]
    [InlineData(null, "2026-04-01", "from")]
    public void APeriod_RunsForwards_ForAtMostFiveYears(string? from, string to, string? wrong)
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
    public async Task TheServiceReport_CountsReferralsBySource_AndProcessesByKindAndOutcome_ForAManager()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/processes",
            new { kind = "FaceToFaceConference", personIds = new[] { c.YoungPersonId, c.VictimId } })).StatusCode);
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var range = $"from={Today.AddDays(-30):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}";

        var report = await (await manager.GetAsync($"/api/v1/reports/service?{range}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(report.GetProperty("referralsBySource").GetProperty("Police").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("processes").EnumerateArray(), p => p.GetProperty("kind").GetString() == "Face-to-face conference");
        var tooLong = await manager.GetAsync($"/api/v1/reports/service?from=2020-01-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 5 years", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/service?{range}")).StatusCode);
    }
}
