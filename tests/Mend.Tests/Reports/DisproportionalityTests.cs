using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Reports;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Reports;

/// <summary>
/// Disproportionality on SQLite and PostgreSQL from three referrals written here (two in England and Wales, one in Jersey),
/// and the rules behind it: Census 2021 groups, age bands, rates, and suppression of counts from 1 to 4 in what is exported.
/// </summary>
public sealed class DisproportionalityTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> ReferAsync(HttpClient client, string? ethnicity, string gender, int age, string jurisdiction)
    {
        var person = await client.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Individual",
            givenName = "Jo",
            familyName = "Reed" + Guid.NewGuid().ToString("N")[..4],
            gender,
            ethnicity,
            dateOfBirth = Today.AddYears(-age).AddDays(-30),
        });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Theft from a shop").Select(t => t.Id).SingleAsync());
        var referral = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            youngPersonId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            source = "Police",
            receivedOn = Today.AddDays(-2),
            referrerName = "PC Ray",
            offenceTypeId = typeId,
            offenceDate = Today.AddDays(-5),
            jurisdiction,
        });
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        return (await referral.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData("B2", "Black, Black British, Black Welsh, Caribbean or African")]
    [InlineData("M1", "Mixed or Multiple ethnic groups")]
    [InlineData("W3", "White")]
    [InlineData("O1", "Other ethnic group")]
    [InlineData("A4", "Asian, Asian British or Asian Welsh")]
    [InlineData("NS", "Not known or not stated")]
    [InlineData(null, "Not recorded")]
    public void EachDetailedEthnicity_FallsInItsCensus2021Group(string? code, string group) => Assert.Equal(group, Disproportionality.EthnicGroupOf(code));

    [Theory]
    [InlineData(9, "Under 10")]
    [InlineData(10, "10 to 14")]
    [InlineData(14, "10 to 14")]
    [InlineData(15, "15 to 17")]
    [InlineData(17, "15 to 17")]
    [InlineData(18, "18 and over")]
    [InlineData(null, "Not known")]
    public void AgeBands_MeetAtTheirBoundaries(int? age, string band) => Assert.Equal(band, Disproportionality.HarmerAgeBand(age));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, "[c]")]
    [InlineData(4, "[c]")]
    [InlineData(5, 5)]
    public void CountsFromOneToFour_AreSuppressed(int count, object shown) => Assert.Equal(shown, Disclosure.Count(count));

    [Fact]
    public void APartOrRate_IsSuppressedWhenItOrTheRestOfItsGroupIsSmall_AndWorkedOutOtherwise()
    {
        Assert.Equal("[c]", Disclosure.Rate(3, 20));
        Assert.Equal("[c]", Disclosure.Rate(0, 4));
        Assert.Equal("[c]", Disclosure.Rate(7, 9));
        Assert.Equal(25.0m, Disclosure.Rate(5, 20));
        Assert.Equal("[c]", Disclosure.Part(7, 9));
        Assert.Equal(7, Disclosure.Part(7, 12));
        Assert.Equal(0, Disclosure.Part(0, 0));
        Assert.Equal(0m, Disclosure.Rate(0, 10));
        Assert.Null(Disclosure.Rate(0, 0));
    }

    [Fact]
    public void EachStage_IsCountedAmongThoseReferred_WithItsRate()
    {
        var cohort = Enumerable.Range(0, 10).Select(i => new CohortMember(Guid.NewGuid(), i < 6 ? "B1" : "W1", "male", "15 to 17",
            new HashSet<string>(i % 2 == 0 ? [Disproportionality.OfferedRj] : []))).ToList();
        var ethnic = Disproportionality.For("harmers", [Disproportionality.Referred, Disproportionality.OfferedRj], cohort, Disproportionality.HarmerAgeBands)[0];
        var black = ethnic.Groups.Single(g => g.Name.StartsWith("Black", StringComparison.Ordinal));
        Assert.Equal((6, 3, 50.0m), (black.Referred.Count, black.ByStage[1].Count, black.Rate(1)));
        var white = ethnic.Groups.Single(g => g.Name == "White");
        Assert.Equal((4, 2), (white.Referred.Count, white.ByStage[1].Count));
        Assert.Null(ethnic.Groups.Single(g => g.Name == "Other ethnic group").Rate(1));
        var exported = ethnic.Table("Children by ethnic group");
        Assert.Equal(["Ethnic group", "Referred", "Offered restorative justice", "Offered restorative justice (% of referred)"], exported.Headings);
        Assert.Equal(["White", "[c]", "[c]", "[c]"], exported.Rows.Single(r => (string)r[0]! == "White"));
        Assert.Equal(6, exported.Rows.Single(r => ((string)r[0]!).StartsWith("Black", StringComparison.Ordinal))[1]);
    }

    [Fact]
    public async Task ThePage_CountsEachGroupAtEachStage_AndTheExportSuppressesSmallCounts()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var offered = await ReferAsync(client, "B2", "female", 12, "EnglandAndWales");
        await ReferAsync(client, "W1", "male", 16, "EnglandAndWales");
        await ReferAsync(client, null, "male", 16, "Jersey");
        var child = await factory.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == offered).Select(p => p.PersonId).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{offered}/processes", new { kind = "Letter", personIds = new[] { child } })).StatusCode);
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var from = Today.AddDays(-7);
        var filter = $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={Today.Day}&To.Month={Today.Month}&To.Year={Today.Year}";

        var page = await manager.GetPageAsync($"/Reports/Disproportionality?{filter}");
        string[] Row(string table, string group) => page.QuerySelectorAll($"#{table} tbody tr").Single(r => r.QuerySelector("th")!.TextContent == group)
            .QuerySelectorAll("td").Select(td => System.Text.RegularExpressions.Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToArray();
        Assert.StartsWith("1", Row("harmers-ethnic-group", "Black, Black British, Black Welsh, Caribbean or African")[0], StringComparison.Ordinal);
        Assert.StartsWith("1", Row("harmers-ethnic-group", "Black, Black British, Black Welsh, Caribbean or African")[1], StringComparison.Ordinal);
        Assert.EndsWith("(100.0%)", Row("harmers-ethnic-group", "Black, Black British, Black Welsh, Caribbean or African")[1], StringComparison.Ordinal);
        Assert.Equal("0 (0.0%)", Row("harmers-ethnic-group", "White")[1]);
        Assert.Equal("0", Row("harmers-ethnic-group", "Not recorded")[0]);
        Assert.StartsWith("1", Row("harmers-age-band", "10 to 14")[0], StringComparison.Ordinal);
        Assert.StartsWith("1", Row("harmers-age-band", "15 to 17")[0], StringComparison.Ordinal);
        Assert.StartsWith("1", Row("harmers-sex", "Female")[0], StringComparison.Ordinal);

        page = await manager.GetPageAsync($"/Reports/Disproportionality?{filter}&Jurisdiction=Jersey");
        Assert.StartsWith("1", Row("harmers-ethnic-group", "Not recorded")[0], StringComparison.Ordinal);
        Assert.Equal("0", Row("harmers-ethnic-group", "White")[0]);
        Assert.Contains("Young people and adults who caused harm", page.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);

        var csv = await (await manager.GetAsync($"/Reports/Disproportionality?handler=Export&format=csv&{filter}")).Content.ReadAsStringAsync();
        Assert.Contains("\"Black, Black British, Black Welsh, Caribbean or African\",[c],[c],[c],[c],[c],[c],[c],[c],[c]", csv, StringComparison.Ordinal);
        Assert.Contains("White,[c],[c],[c],[c],[c],[c],[c],[c],[c]", csv, StringComparison.Ordinal);
        var json = await (await manager.GetAsync($"/api/v1/reports/disproportionality?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).Content.ReadFromJsonAsync<JsonElement>();
        var table = json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Children by ethnic group");
        Assert.Equal("[c]", table.GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "White")[1].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/api/v1/reports/disproportionality?from={Today:yyyy-MM-dd}")).StatusCode);
        var refused = await manager.GetPageAsync($"/Reports/Disproportionality?From.Day=31&From.Month=2&From.Year=2026&Team=not-a-team");
        Assert.Equal(2, refused.ErrorSummary().Count);
    }
}
