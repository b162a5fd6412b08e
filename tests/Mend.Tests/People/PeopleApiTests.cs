using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.People;

public sealed class PeopleApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<HttpClient> PractitionerAsync() =>
        await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));

    /// <summary>The ids a name search answers with, on its first page.</summary>
    private static async Task<HashSet<Guid>> FoundAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
    }

    /// <summary>A word of letters only, new to the vocabulary and close to nothing else recorded.</summary>
    internal static string Word(string start) => start + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => char.IsDigit(c) ? (char)('g' + c - '0') : c));

    private static async Task<(Guid Id, string ETag)> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Create_InvalidPerson_GivesProblemDetailsWithFieldErrors_AndSavesNothing()
    {
        var client = await PractitionerAsync();
        var before = await factory.WithDbAsync(db => db.People.CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", dateOfBirth = "2999-01-01", postcode = "not a postcode" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Enter the person's name: a first name, a last name, or both", errors.GetProperty("givenName")[0].GetString());
        Assert.Equal("Date of birth must be today or in the past", errors.GetProperty("dateOfBirth")[0].GetString());
        Assert.True(errors.TryGetProperty("postcode", out _));
        Assert.Equal(before, await factory.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Is428_WithAStaleETag_Is412_WithTheCurrentETag_Saves()
    {
        var client = await PractitionerAsync();
        var (id, etag) = await CreateAsync(client, new { kind = "Individual", givenName = "Mo", familyName = "Farrah" });
        var change = new { kind = "Individual", givenName = "Mo", familyName = "Farah" };

        var missing = await client.PutAsJsonAsync($"/api/v1/people/{id}", change);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{id}") { Content = JsonContent.Create(change) };
        first.Headers.IfMatch.ParseAdd(etag);
        var saved = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{id}") { Content = JsonContent.Create(new { kind = "Individual", givenName = "Mohammed", familyName = "Farah" }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal("Mo", await factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.GivenName).SingleAsync()));
    }

    [Fact]
    public async Task ParallelEditsAtTheSameVersion_ExactlyOneWins()
    {
        var client = await PractitionerAsync();
        var (id, etag) = await CreateAsync(client, new { kind = "Individual", givenName = "Ivy", familyName = "Chen" });
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{id}") { Content = JsonContent.Create(new { kind = "Individual", givenName = "Ivy", familyName = "Chen", phone = $"0770090000{i}" }) };
            request.Headers.IfMatch.ParseAdd(etag);
            return (await client.SendAsync(request)).StatusCode;
        });
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(s => s == HttpStatusCode.OK));
        Assert.All(results.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
    }

    [Fact]
    public async Task Search_ByPost_FindsAMisspeltName()
    {
        var client = await PractitionerAsync();
        var (id, _) = await CreateAsync(client, new { kind = "Individual", givenName = "Siobhan", familyName = "Gallagher" });
        var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Siobahn Galagher" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Search_MatchesANicknameAsAWholeWord_ForgivingATypoOnlyInALongOne()
    {
        var client = await PractitionerAsync();
        var family = "Nickname" + Guid.NewGuid().ToString("N")[..6];
        var ids = new Dictionary<string, Guid>();
        foreach (var given in new[] { "Henry", "Henri", "Hale", "Halbornby", "Wiliam" })
        {
            ids[given] = (await CreateAsync(client, new { kind = "Individual", givenName = given, familyName = family })).Id;
        }

        // Harry's nicknames are Henry, Hal and Hank: Henry as written and a letter out (Henri); Hal only as written, not Hale
        // (a letter out) or Halbornby (which begins with it), which before this ranked with a misspelt Harry.
        var harry = await FoundAsync(client, $"Harry {family}");
        Assert.Contains(ids["Henry"], harry);
        Assert.Contains(ids["Henri"], harry);
        Assert.DoesNotContain(ids["Hale"], harry);
        Assert.DoesNotContain(ids["Halbornby"], harry);
        // What was typed is still forgiven and still found at the start of a longer word.
        Assert.Contains(ids["Hale"], await FoundAsync(client, $"Hael {family}"));
        Assert.Contains(ids["Halbornby"], await FoundAsync(client, $"Halborn {family}"));
        // Bill is William's nickname, long enough to forgive a letter out of the record.
        Assert.Contains(ids["Wiliam"], await FoundAsync(client, $"Bill {family}"));
    }

    [Fact]
    public async Task Search_MatchesEveryTypedWord_WhenTwoAreSpellingsOfOneRecordedWord_AndWhenThreeOrMoreAreTyped()
    {
        var client = await PractitionerAsync();
        // Someone whose given and family names are the same word (Thomas Thomas) has no pair of different words: typed
        // once right and once a letter out, both typed words are that one word.
        var same = Word("Tomas");
        var twice = (await CreateAsync(client, new { kind = "Individual", givenName = same, familyName = same })).Id;
        Assert.Contains(twice, await FoundAsync(client, $"{same} {same[..^1]}z"));

        // Three typed words and more: every one must be close to a word of the person's names, however well the rest match.
        var (given, middle, family, other) = (Word("Given"), Word("Middle"), Word("Family"), Word("Other"));
        var three = (await CreateAsync(client, new { kind = "Individual", givenName = $"{given} {middle}", familyName = family })).Id;
        Assert.Contains(three, await FoundAsync(client, $"{given} {middle} {family}"));
        Assert.DoesNotContain(three, await FoundAsync(client, $"{given} {middle} {family} {other}"));
    }

    [Fact]
    public async Task Search_ForTwoWords_LooksUpThePairOfThem_SoSomeoneSavedWithoutPairsIsFoundByOneWordOnly()
    {
        var client = await PractitionerAsync();
        var family = Word("Pairless");
        var (id, _) = await CreateAsync(client, new { kind = "Individual", givenName = "Rosalind", familyName = family });

        Assert.Contains(id, await FoundAsync(client, $"Rosalind {family}"));
        // As a node on the earlier version saves someone during an upgrade (operators' guide, section 15).
        await factory.WithDbAsync(db => db.PersonNameWordPairs.Where(p => p.PersonId == id).ExecuteDeleteAsync());
        Assert.DoesNotContain(id, await FoundAsync(client, $"Rosalind {family}"));
        Assert.Contains(id, await FoundAsync(client, family));
    }
}
