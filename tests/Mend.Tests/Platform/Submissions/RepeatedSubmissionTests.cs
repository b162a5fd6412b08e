using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform.Submissions;

/// <summary>
/// A form sent twice (a double click, a resend after a slow answer) or an API request repeated with the same
/// Idempotency-Key does the work once and gives the first answer again.
/// </summary>
public sealed class RepeatedSubmissionTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateTime Today => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<HttpClient> PractitionerAsync() =>
        await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));

    private static (string, string)[] Date(string prefix, DateTime date) =>
        [($"{prefix}.Day", date.Day.ToString()), ($"{prefix}.Month", date.Month.ToString()), ($"{prefix}.Year", date.Year.ToString())];

    [Fact]
    public async Task AddPerson_SavedTwice_CreatesOnePerson_AndBothGoToIt()
    {
        var client = await PractitionerAsync();
        var family = "Twice" + Guid.NewGuid().ToString("N")[..6];
        var responses = await client.SubmitRepeatedlyAsync("/People/Create",
            [("Input.Kind", "Individual"), ("Input.GivenName", "Ola"), ("Input.FamilyName", family), ("NotADuplicate", "true")], times: 2);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task Referral_PostedThreeTimesAtOnce_OpensOneCase()
    {
        var client = await PractitionerAsync();
        var person = await Mend.Tests.People.PeopleTests.AddPersonAsync(client, "Sam", "Thrice" + Guid.NewGuid().ToString("N")[..4], "1", "6", (Today.Year - 15).ToString());
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Criminal damage").Select(t => t.Id).SingleAsync());
        var responses = await client.SubmitRepeatedlyAsync($"/Cases/Refer?youngPersonId={person}",
        [
            ("YoungPersonId", person.ToString()), ("Input.Source", nameof(ReferralSource.OutOfCourtDisposal)),
            .. Date("Input.ReceivedOn", Today.AddDays(-1)), ("Input.ReferrerName", "PC Jo Lane"), ("Input.Jurisdiction", "EnglandAndWales"),
            ("Input.OffenceTypeId", typeId.ToString()), .. Date("Input.OffenceDate", Today.AddDays(-10)),
        ], times: 3, together: true);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Cases.CountAsync(c => c.Participants.Any(p => p.PersonId == person))));
    }

    [Fact]
    public async Task FormWithErrors_CorrectedAndSentAgainUnderTheSameId_IsSaved()
    {
        var client = await PractitionerAsync();
        var family = "Fixed" + Guid.NewGuid().ToString("N")[..6];
        var page = await client.GetPageAsync("/People/Create");
        var id = page.QuerySelector("input[name=__SubmissionId]")!.GetAttribute("value")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        FormUrlEncodedContent Form(string given) => new([new("Input.Kind", "Individual"), new("Input.GivenName", given), new("Input.FamilyName", given.Length == 0 ? "" : family),
            new("NotADuplicate", "true"), new("__RequestVerificationToken", token), new("__SubmissionId", id)]);

        var refused = await client.PostAsync("/People/Create", Form(""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(id, (await Html.ParseAsync(refused)).QuerySelector("form[method=post] input[name=__SubmissionId]")!.GetAttribute("value"));
        var saved = await client.PostAsync("/People/Create", Form("Ife"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Api_SameIdempotencyKey_ReturnsTheFirstResponse_AndCreatesOnce()
    {
        var client = await PractitionerAsync();
        var family = "Key" + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();
        var body = new { kind = "Individual", givenName = "Ada", familyName = family };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SendAsync(Post("/api/v1/people", body, key))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));

        var otherBody = await client.SendAsync(Post("/api/v1/people", new { kind = "Individual", givenName = "Bo", familyName = family }, key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal("application/problem+json", otherBody.Content.Headers.ContentType!.MediaType);

        var newKey = await client.SendAsync(Post("/api/v1/people", body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, newKey.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task Api_KeptAnswer_IsEncrypted_AndAnAbandonedReservationIsTakenOver()
    {
        var client = await PractitionerAsync();
        var family = "Secret" + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();
        var sent = Post("/api/v1/people", new { kind = "Individual", givenName = "Ada", familyName = family }, key);
        var body = await sent.Content!.ReadAsByteArrayAsync();
        var created = await client.SendAsync(sent);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kept = await factory.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Key == key));
        Assert.DoesNotContain(family, kept.Body!, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/people", kept.Location!, StringComparison.Ordinal);

        // The fingerprint of what was sent is keyed: a plain hash of a guessed request (a DBS number, a code) does not match it.
        var plain = System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes("POST /api/v1/people\n"), .. body]);
        Assert.Equal(32, kept.RequestHash.Length);
        Assert.NotEqual(plain, kept.RequestHash);

        // A reservation left by a node that stopped mid-request is taken over once it is old enough.
        var user = await factory.WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => s.Key == key).Select(s => s.UserId).SingleAsync());
        var stale = Guid.NewGuid().ToString();
        await factory.WithDbAsync(async db =>
        {
            db.Submissions.Add(Mend.Web.Platform.Submissions.Submission.Reserve(user, stale, new byte[32], factory.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var takenOver = await client.SendAsync(Post("/api/v1/people", new { kind = "Individual", givenName = "Bo", familyName = family }, stale));
        Assert.Equal(HttpStatusCode.Created, takenOver.StatusCode);
    }

    [Fact]
    public async Task Form_SentAgainWithTheSameIdButOtherAnswers_IsRefused_NotAnsweredWithTheFirstResult()
    {
        var client = await PractitionerAsync();
        var family = "Other" + Guid.NewGuid().ToString("N")[..6];
        var page = await client.GetPageAsync("/People/Create");
        var id = page.QuerySelector("form[method=post] input[name=__SubmissionId]")!.GetAttribute("value")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        FormUrlEncodedContent Form(string given) => new([new("Input.Kind", "Individual"), new("Input.GivenName", given), new("Input.FamilyName", family),
            new("NotADuplicate", "true"), new("__RequestVerificationToken", token), new("__SubmissionId", id)]);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/People/Create", Form("Ife"))).StatusCode);
        var other = await client.PostAsync("/People/Create", Form("Tolu"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("already sent with different answers", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task Api_FailedRequest_GivesTheKeyBack_AndAnotherUsersKeyIsTheirOwn()
    {
        var client = await PractitionerAsync();
        var family = "Retry" + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();
        var invalid = await client.SendAsync(Post("/api/v1/people", new { kind = "Individual", familyName = family, dateOfBirth = "2999-01-01" }, key));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var valid = await client.SendAsync(Post("/api/v1/people", new { kind = "Individual", givenName = "Ada", familyName = family }, key));
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);

        var other = await PractitionerAsync();
        var theirs = await other.SendAsync(Post("/api/v1/people", new { kind = "Individual", givenName = "Ada", familyName = family }, key));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));

        var bad = await client.SendAsync(Post("/api/v1/people", new { kind = "Individual", givenName = "Ada", familyName = family }, "not a key"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
