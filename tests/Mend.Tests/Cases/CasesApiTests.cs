using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Cases;

public sealed class CasesApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<(HttpClient Client, Guid PersonId)> PractitionerWithYoungPersonAsync()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var born = factory.Clock.GetUtcNow().AddYears(-15).ToString("yyyy-MM-dd");
        var person = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Kai", familyName = "Morgan", dateOfBirth = born });
        return (client, (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>
    /// A child whose age was stated (no date of birth) ages like anyone else: stated as 10 today, they were 9 or 10
    /// eleven months ago, which is refused with a request for the date of birth; stated as 11, they were 10 or 11 then.
    /// </summary>
    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(10, -335, false)]
    [InlineData(11, -335, true)]
    [InlineData(9, 0, false)]
    [InlineData(17, -335, true)]
    [InlineData(18, -335, false)]
    [InlineData(18, -400, true)]
    public async Task Referral_YoungPersonWithAStatedAge_IsCheckedAgainstTheirPossibleAgesAtTheOffence(int statedAge, int offenceDaysAgo, bool accepted)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var person = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Kit", familyName = "Age" + Guid.NewGuid().ToString("N")[..5], statedAge });
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = factory.Clock.GetUtcNow();
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Theft from a shop").Select(t => t.Id).SingleAsync());
        var referral = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            youngPersonId = personId,
            source = "Police",
            receivedOn = today.ToString("yyyy-MM-dd"),
            referrerName = "PC Ray",
            jurisdiction = "EnglandAndWales",
            offenceTypeId = typeId,
            offenceDate = today.AddDays(offenceDaysAgo).ToString("yyyy-MM-dd"),
        });
        var body = await referral.Content.ReadAsStringAsync();
        Assert.True((referral.StatusCode == HttpStatusCode.Created) == accepted, body);
        if (!accepted)
        {
            Assert.Contains("offenceDate", body, StringComparison.Ordinal);
        }
    }

    private async Task<object> ReferralAsync(Guid personId) => new
    {
        youngPersonId = personId,
        source = "Police",
        receivedOn = factory.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd"),
        referrerName = "PC Ray",
        offenceTypeId = await factory.WithDbAsync(db => db.OffenceTypes.Select(t => t.Id).FirstAsync()),
        offenceDate = factory.Clock.GetUtcNow().AddDays(-3).ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Referral_Invalid_GivesFieldErrors_Valid_CreatesACase()
    {
        var (client, personId) = await PractitionerWithYoungPersonAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/referrals", new { youngPersonId = personId });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.True(errors.TryGetProperty("referrerName", out _));

        var created = await client.PostAsJsonAsync("/api/v1/referrals", await ReferralAsync(personId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = await client.GetAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Referred", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherTeamsIds_ReadOrChangedThroughTheApi_AreNotFound()
    {
        var (client, personId) = await PractitionerWithYoungPersonAsync();
        var created = await client.PostAsJsonAsync("/api/v1/referrals", await ReferralAsync(personId));
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var team = Mend.Web.Features.Staff.Team.Create("IDOR " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Teams.Add(team); return await db.SaveChangesAsync(); });
        var outsider = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{personId}")).StatusCode);
        var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{personId}") { Content = JsonContent.Create(new { kind = "Individual", givenName = "Changed", familyName = "ByOutsider" }) };
        change.Headers.IfMatch.ParseAdd("*");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(change)).StatusCode);
        var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/decision") { Content = JsonContent.Create(new { decision = "accept" }) };
        decide.Headers.IfMatch.ParseAdd("*");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(decide)).StatusCode);
        var list = await (await outsider.GetAsync("/api/v1/cases")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        Assert.Equal("Kai", await factory.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.GivenName).SingleAsync()));
    }

    [Fact]
    public async Task ParallelReferrals_EachGetTheirOwnReference()
    {
        var (client, personId) = await PractitionerWithYoungPersonAsync();
        var body = await ReferralAsync(personId);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/v1/referrals", body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()));
        Assert.Equal(references.Length, references.Distinct().Count());
    }

    [Fact]
    public async Task Decide_NeedsIfMatch_RefusesADeclineWithoutReason_AndAccepts()
    {
        var (client, personId) = await PractitionerWithYoungPersonAsync();
        var created = await client.PostAsJsonAsync("/api/v1/referrals", await ReferralAsync(personId));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        Assert.Equal((HttpStatusCode)428, (await client.PostAsJsonAsync($"/api/v1/cases/{id}/decision", new { decision = "accept" })).StatusCode);

        var decline = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/decision") { Content = JsonContent.Create(new { decision = "decline" }) };
        decline.Headers.IfMatch.ParseAdd(etag);
        var refused = await client.SendAsync(decline);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Enter why the referral is declined", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/decision") { Content = JsonContent.Create(new { decision = "accept" }) };
        accept.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(accept)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cases/{id}/risk") { Content = JsonContent.Create(new { riskLevel = "Low" }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
    }
}
