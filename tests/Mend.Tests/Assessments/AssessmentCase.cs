using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Assessments;

/// <summary>A case with a young person and a victim, made through the API, for the assessment tests.</summary>
public sealed record AssessmentCase(Guid CaseId, Guid YoungPersonId, Guid VictimId)
{
    public static async Task<AssessmentCase> CreateAsync(MendFactory factory, HttpClient client, string offence = "Theft from a shop", int age = 15)
    {
        var now = factory.Clock.GetUtcNow();
        var person = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Kai", familyName = "Morgan" + Guid.NewGuid().ToString("N")[..4], dateOfBirth = now.AddYears(-age).AddDays(-10).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var youngPersonId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == offence).Select(t => t.Id).SingleAsync());
        var referral = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            youngPersonId,
            source = "Police",
            receivedOn = now.AddDays(-2).ToString("yyyy-MM-dd"),
            referrerName = "PC Ray",
            offenceTypeId = typeId,
            offenceDate = now.AddDays(-5).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var caseId = (await referral.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var victimId = await AddVictimAsync(factory, client, caseId, "Sam", "Lee" + Guid.NewGuid().ToString("N")[..4]);
        return new AssessmentCase(caseId, youngPersonId, victimId);
    }

    public static async Task<Guid> AddVictimAsync(MendFactory factory, HttpClient client, Guid caseId, string given, string family)
    {
        var created = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = given, familyName = family, statedAge = 40 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var victimId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(c => c.Participants).SingleAsync(c => c.Id == caseId);
            @case.AddParticipant(victimId, ParticipantRole.Victim, now);
            return await db.SaveChangesAsync();
        });
        return victimId;
    }

    /// <summary>Every section answered: low risks and no safeguarding concern, willing, a direct conference or a letter, at the YOT office.</summary>
    public static object CompleteAnswers(MendFactory factory, bool youngPerson, string overallRisk = "Low", string venue = "YotOffice") => new
    {
        understanding = new { willingness = "Willing", understandsRj = true, note = "Wants to explain" },
        responsibility = youngPerson ? new { responsibility = "Full", note = (string?)null } : null,
        expectations = "Hopes to put things right",
        risks = new
        {
            factors = Enum.GetNames<Mend.Web.Features.Assessments.RiskFactor>().Select(f => new { factor = f, rating = f == "Safeguarding" ? "None" : "Low", note = (string?)null }),
            powerImbalance = Array.Empty<string>(),
        },
        processes = new { suitable = new[] { "DirectConference", "Letter" }, noneSuitable = false, venue, safetyMeasures = "Separate waiting rooms" },
        recommendation = new { overallRisk, recommendation = "Proceed", reasons = "Both willing; risks low", reviewOn = factory.Clock.GetUtcNow().AddMonths(3).ToString("yyyy-MM-dd") },
    };

    /// <summary>Starts an assessment through the API and answers every section; returns its id and version.</summary>
    public static async Task<(Guid Id, int Version)> CompletedDraftAsync(MendFactory factory, HttpClient client, Guid caseId, Guid personId, bool youngPerson, string overallRisk = "Low", string venue = "YotOffice")
    {
        var started = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { personId });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/assessments/{id}/answers") { Content = JsonContent.Create(CompleteAnswers(factory, youngPerson, overallRisk, venue)) };
        patch.Headers.IfMatch.Add(started.Headers.ETag!);
        var answered = await client.SendAsync(patch);
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        return (id, int.Parse(answered.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<HttpResponseMessage> PostWithVersionAsync(HttpClient client, string url, int version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.IfMatch.ParseAdd($"\"{version}\"");
        return await client.SendAsync(request);
    }
}
