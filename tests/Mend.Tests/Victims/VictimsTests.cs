using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Victims;

/// <summary>Victims through the API and the pages, on both databases.</summary>
public sealed class VictimsTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private string Day(int offset) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private TestUser? _lastUser;

    private async Task<(HttpClient Client, AssessmentCase Case, string Url)> StartedVictimAsync(string role = Roles.Practitioner)
    {
        _lastUser = await TestUsers.CreateAsync(factory, [role]);
        var client = await SignIn.AsAsync(factory, _lastUser);
        var c = await AssessmentCase.CreateAsync(factory, client);
        var url = $"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}";
        var started = await client.PostAsJsonAsync(url, new { source = "PolicePassedDetails", receivedOn = Day(-1) });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (client, c, url);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    /// <summary>
    /// The offence was 5 days ago and the referral 2 days ago. Enhanced rights follow the age at the offence
    /// (under 18), not the age today: a victim who turned 18 three days ago (17 at the offence) gets 1 working day;
    /// one who turned 18 six days ago (18 at the offence) gets 5.
    /// </summary>
    [Theory]
    [InlineData(3, true)]
    [InlineData(6, false)]
    [InlineData(-30, true)]
    public async Task EnhancedRights_FollowTheVictimsAgeAtTheOffence(int eighteenthBirthdayDaysAgo, bool enhanced)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var born = today.AddDays(-eighteenthBirthdayDaysAgo).AddYears(-18);
        var created = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Rae", familyName = "Okafor" + Guid.NewGuid().ToString("N")[..4], dateOfBirth = born.ToString("yyyy-MM-dd") });
        var victimId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(x => x.Participants).SingleAsync(x => x.Id == c.CaseId);
            @case.AddParticipant(victimId, ParticipantRole.Victim, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var url = $"/api/v1/cases/{c.CaseId}/victims/{victimId}";
        var started = await client.PostAsJsonAsync(url, new { source = "PolicePassedDetails", receivedOn = Day(-2) });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var victim = await JsonAsync(await client.GetAsync(url));
        var reasons = victim.GetProperty("enhanced").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(enhanced, reasons.Contains("ChildAtOffence"));
    }

    [Fact]
    public async Task Change_IfMatchWithAListOfETags_IsAccepted_AStaleOneIs412_AndNoneIs428()
    {
        var (client, _, url) = await StartedVictimAsync();
        var version = (await JsonAsync(await client.GetAsync(url))).GetProperty("version").GetInt32();
        HttpRequestMessage Choice(string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url + "/choices") { Content = JsonContent.Create(new { kind = "KeptInformed", agreed = true, on = Day(0) }) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return request;
        }

        Assert.Equal((HttpStatusCode)428, (await client.SendAsync(Choice(null))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(Choice($"\"{version + 50}\""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Choice($"\"{version + 50}\", W/\"{version}\""))).StatusCode);
    }

    [Fact]
    public async Task ChoiceDatedBefore2020_IsAFieldError_SoDeadlinesCanAlwaysBeCounted()
    {
        var (client, _, url) = await StartedVictimAsync();
        var response = await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "KeptInformed", agreed = true, on = "2019-05-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The date they made the choice must be in 2020 or later", (await JsonAsync(response)).GetProperty("errors").GetProperty("on")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task WithdrawnContactChoice_IsHonouredAtOnce_OutgoingContactRefusedWithTheRule_AndNothingSaved()
    {
        var (client, _, url) = await StartedVictimAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "Contact", agreed = true, on = Day(0) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/contacts", new { at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1), direction = "Outgoing", method = "Phone", outcome = "Spoke" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "Contact", agreed = false, on = Day(0), note = "Asked us to stop" })).StatusCode);

        var refused = await SendAsync(client, HttpMethod.Post, url + "/contacts", new { at = factory.Clock.GetUtcNow().UtcDateTime, direction = "Outgoing", method = "Letter", outcome = "Sent" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("do not want to be contacted", (await JsonAsync(refused)).GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        var offer = await SendAsync(client, HttpMethod.Post, url + "/records", new { kind = "RjInformation", on = Day(0), response = "Yes" });
        Assert.Equal(HttpStatusCode.BadRequest, offer.StatusCode);

        var read = await JsonAsync(await client.GetAsync(url));
        Assert.Single(read.GetProperty("contacts").EnumerateArray());
        Assert.Empty(read.GetProperty("records").EnumerateArray());
        Assert.False(read.GetProperty("currentChoices").GetProperty("Contact").GetBoolean());
        var rj = read.GetProperty("entitlements").EnumerateArray().Single(e => e.GetProperty("entitlement").GetString() == "RjInformation");
        Assert.Equal("NotApplicable", rj.GetProperty("state").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.View && e.EntityType == nameof(Victim))));
    }

    [Fact]
    public async Task RjInformation_OnTime_AndSupportReferralLate_WithReason_ShowInTheComplianceReport()
    {
        var (client, c, url) = await StartedVictimAsync();
        await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "Contact", agreed = true, on = Day(-1) });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/records", new { kind = "RjInformation", on = Day(0), response = "NotNow", method = "Phone", detail = "Wants to think about it" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/records", new { kind = "SupportWanted", on = Day(0) })).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(7));
        client = await SignIn.AsAsync(factory, _lastUser!);
        var noReason = await SendAsync(client, HttpMethod.Post, url + "/records", new { kind = "SupportReferral", on = Day(0), to = "Victim Support" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why it was late", (await JsonAsync(noReason)).GetProperty("errors").GetProperty("lateReason")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/records",
            new { kind = "SupportReferral", on = Day(0), to = "Victim Support", lateReason = "Victim asked us to wait until after a hospital stay" })).StatusCode);

        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var report = await JsonAsync(await manager.GetAsync($"/api/v1/victims/compliance?from={Day(-30)}&to={Day(0)}"));
        var exception = report.GetProperty("exceptions").EnumerateArray().Single(e => e.GetProperty("caseId").GetGuid() == c.CaseId);
        Assert.Equal("SupportReferral", exception.GetProperty("entitlement").GetString());
        Assert.Equal("Victim asked us to wait until after a hospital stay", exception.GetProperty("reason").GetString());
        var page = await manager.GetPageAsync($"/Victims/Compliance?From.Day=1&From.Month=1&From.Year={factory.Clock.GetUtcNow().Year - 1}&To.Day=31&To.Month=12&To.Year={factory.Clock.GetUtcNow().Year + 1}");
        Assert.Contains("Victim asked us to wait", page.QuerySelector("#compliance-exceptions")!.TextContent, StringComparison.Ordinal);
        var bad = await manager.GetPageAsync("/Victims/Compliance?From.Day=31&From.Month=2&From.Year=2026");
        Assert.Contains(bad.ErrorSummary(), e => e.StartsWith("Start date must be a real date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SurveyLink_NeedsNoAccount_WorksOnce_ThenSaysSo_AndExpires()
    {
        var (client, _, url) = await StartedVictimAsync();
        var refused = await SendAsync(client, HttpMethod.Post, url + "/survey-links", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "SatisfactionSurvey", agreed = true, on = Day(0) });

        var made = await SendAsync(client, HttpMethod.Post, url + "/survey-links", new { });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var link = new Uri((await JsonAsync(made)).GetProperty("link").GetString()!).AbsolutePath;

        var victim = factory.CreateBrowserClient();
        var form = await victim.GetPageAsync(link);
        Assert.Null(form.QuerySelector("#survey-unusable"));
        var incomplete = await victim.SubmitAsync(link, ("Satisfaction", "5"));
        Assert.Contains("Select whether you felt listened to", (await Html.ParseAsync(incomplete)).ErrorSummary());
        var sent = await victim.SubmitAsync(link, ("Satisfaction", "4"), ("FeltListenedTo", "yes"), ("WouldRecommend", "yes"), ("Comments", "It helped me move on"));
        Assert.Contains("Thank you", (await Html.ParseAsync(sent)).QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);

        var again = await victim.GetPageAsync(link);
        Assert.Contains("already been answered", again.QuerySelector("#survey-unusable")!.TextContent, StringComparison.Ordinal);
        var read = await JsonAsync(await client.GetAsync(url));
        var survey = Assert.Single(read.GetProperty("surveys").EnumerateArray());
        Assert.Equal(4, survey.GetProperty("satisfaction").GetInt32());
        Assert.Equal("It helped me move on", survey.GetProperty("comments").GetString());

        var second = await SendAsync(client, HttpMethod.Post, url + "/survey-links", new { });
        var expiring = new Uri((await JsonAsync(second)).GetProperty("link").GetString()!).AbsolutePath;
        factory.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Contains("expired", (await victim.GetPageAsync(expiring)).QuerySelector("#survey-unusable")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not work", (await victim.GetPageAsync("/Survey/made-up-token")).QuerySelector("#survey-unusable")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_JourneyShowsTheTaskListAndWhatIsDue_AndARefusedContactShowsTheRuleAndSavesNothing()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var journey = $"/Cases/{c.CaseId}/Victims/{c.VictimId}";
        var received = factory.Clock.GetUtcNow().AddDays(-1);

        var missing = await client.SubmitAsync(journey, ("Source", ""));
        Assert.True(missing.StatusCode == HttpStatusCode.OK, $"{(int)missing.StatusCode} {missing.Headers.Location}");
        Assert.Contains("Select how the victim's details reached the service", (await Html.ParseAsync(missing)).ErrorSummary());
        var started = await client.SubmitAsync(journey, ("Source", "PolicePassedDetails"), ("ReceivedOn.Day", received.Day.ToString()),
            ("ReceivedOn.Month", received.Month.ToString()), ("ReceivedOn.Year", received.Year.ToString()), ("Enhanced", "VulnerableOrIntimidated"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var page = await client.GetPageAsync(journey);
        Assert.Equal(8, page.QuerySelectorAll("#victim-tasks .govuk-task-list__item").Length);
        Assert.Contains("Information about restorative justice: due by", page.QuerySelector("#victim-due")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h1 .govuk-tag--purple"));

        var choice = await client.GetPageAsync(journey + "/choices");
        var version = choice.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var today = factory.Clock.GetUtcNow();
        var declined = await client.SubmitAsync(journey + "/choices", [new("Version", version), new("Input.Kind", "Contact"), new("Input.Agreed", "no"),
            new("Input.On.Day", today.Day.ToString()), new("Input.On.Month", today.Month.ToString()), new("Input.On.Year", today.Year.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var contactPage = await client.GetPageAsync(journey + "/contact");
        Assert.Contains("do not want to be contacted", contactPage.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        var contact = await client.SubmitAsync(journey + "/contact", [new("Version", contactPage.QuerySelector("input[name=Version]")!.GetAttribute("value")!),
            new("Input.Direction", "Outgoing"), new("Input.Method", "Phone"), new("Input.Outcome", "Spoke"),
            new("Input.At.Day", today.Day.ToString()), new("Input.At.Month", today.Month.ToString()), new("Input.At.Year", today.Year.ToString())]);
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        Assert.Contains((await Html.ParseAsync(contact)).ErrorSummary(), e => e.Contains("do not want to be contacted", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Victims.AnyAsync(v => v.PersonId == c.VictimId && v.Contacts.Any())));

        var stale = await client.SubmitAsync(journey + "/choices", [new("Version", version), new("Input.Kind", "Contact"), new("Input.Agreed", "yes"),
            new("Input.On.Day", today.Day.ToString()), new("Input.On.Month", today.Month.ToString()), new("Input.On.Year", today.Year.ToString())]);
        Assert.Contains((await Html.ParseAsync(stale)).ErrorSummary(), e => e.StartsWith("Someone else changed this victim's record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeclinedVictim_IsReducedAfterThePeriod_ToWhatIsNeededToCountThem_AndTheErasureIsAudited()
    {
        var (client, c, url) = await StartedVictimAsync();
        await SendAsync(client, HttpMethod.Post, url + "/contacts", new { at = factory.Clock.GetUtcNow().UtcDateTime, direction = "Incoming", method = "Phone", outcome = "Spoke", nextStep = "Call back Tuesday" });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/decline", new { on = Day(0) })).StatusCode);

        await factory.WithScopeAsync(async services => Assert.Equal(0, await services.GetRequiredService<VictimMinimisation>().RunAsync(default)));
        factory.Clock.Advance(TimeSpan.FromDays(31));
        await factory.WithScopeAsync(async services => Assert.True(await services.GetRequiredService<VictimMinimisation>().RunAsync(default) >= 1));

        var victim = await factory.WithDbAsync(db => db.Victims.AsNoTracking().SingleAsync(v => v.CaseId == c.CaseId && v.PersonId == c.VictimId));
        Assert.NotNull(victim.MinimisedAt);
        Assert.Empty(victim.Contacts);
        Assert.Equal("25 to 64", victim.AgeBand);
        var person = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == c.VictimId));
        Assert.Equal("Removed", person.GivenName);
        Assert.Null(person.StatedAge);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Erasure && e.SubjectPersonId == c.VictimId)));
        Assert.True(await factory.WithDbAsync(db => db.Offences.AnyAsync(o => o.CaseId == c.CaseId)));
    }

    [Fact]
    public async Task ParentOfTheYoungPerson_CannotReceiveTheVictimsService()
    {
        var (client, c, _) = await StartedVictimAsync();
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(x => x.Participants).SingleAsync(x => x.Id == c.CaseId);
            @case.AddParticipant(c.YoungPersonId, Mend.Web.Features.Cases.ParticipantRole.ParentOrCarer, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var refused = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/victims/{c.YoungPersonId}", new { source = "OtherAgency", receivedOn = Day(0), onBehalfOfPersonId = c.VictimId });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty("onBehalfOfPersonId", out _));
    }

    [Fact]
    public async Task AParentReceivingTheServiceForAYoungVictim_KeepsTheYoungVictimsAgeBand()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var young = await client.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Individual",
            givenName = "Mia",
            familyName = "Hart" + Guid.NewGuid().ToString("N")[..4],
            dateOfBirth = factory.Clock.GetUtcNow().AddYears(-12).ToString("yyyy-MM-dd"),
        });
        var youngId = (await JsonAsync(young)).GetProperty("id").GetGuid();
        var parent = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Jo", familyName = "Hart" + Guid.NewGuid().ToString("N")[..4], statedAge = 40 });
        var parentId = (await JsonAsync(parent)).GetProperty("id").GetGuid();
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(x => x.Participants).SingleAsync(x => x.Id == c.CaseId);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            @case.AddParticipant(youngId, Mend.Web.Features.Cases.ParticipantRole.Victim, now);
            @case.AddParticipant(parentId, Mend.Web.Features.Cases.ParticipantRole.ParentOrCarer, now);
            return await db.SaveChangesAsync();
        });

        var started = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/victims/{parentId}", new { source = "OtherAgency", receivedOn = Day(0), onBehalfOfPersonId = youngId });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("10 to 17", await factory.WithDbAsync(db => db.Victims.Where(v => v.CaseId == c.CaseId && v.PersonId == parentId).Select(v => v.AgeBand).SingleAsync()));
    }
}
