using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.People;
using Mend.Web.Features.Safeguarding;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Safeguarding;

/// <summary>Safeguarding referrals: the rules at their boundaries, the pages (errors, the warning, the timeline, the follow-ups list) and the API, on both databases.</summary>
public sealed class SafeguardingReferralTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private DateOnly Now => Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);

    private static SafeguardingReferral Make(DateOnly? made, DateOnly? followUp, string? reason = "Bruising seen on his arm; says his stepfather hit him") =>
        SafeguardingReferral.Make(new(Guid.NewGuid(), null, made, SafeguardingAgency.Mash, "Exampletown MASH", reason, followUp), Today, TestEncryption, Guid.NewGuid(), "Ann Worker", DateTime.UtcNow);

    private static readonly Mend.Web.Platform.Encryption.FieldEncryption TestEncryption =
        new(new() { Keys = new() { ["1"] = Convert.ToBase64String(new byte[32]) }, CurrentKeyId = 1 });

    [Theory]
    [InlineData(0, 28, null)] // made today, followed up in four weeks: the longest
    [InlineData(-3, -3, null)] // followed up the day it was made
    [InlineData(0, 29, "followUpOn")] // more than 28 days on
    [InlineData(-3, -4, "followUpOn")] // before it was made
    [InlineData(1, 2, "madeOn")] // made tomorrow
    public void AReferral_IsMadeOnOrBeforeToday_AndFollowedUpWithinFourWeeks(int madeDays, int followUpDays, string? refused)
    {
        var make = () => Make(Today.AddDays(madeDays), Today.AddDays(followUpDays));
        if (refused is null)
        {
            Assert.Equal(Today.AddDays(followUpDays), make().FollowUpOn);
        }
        else
        {
            Assert.Equal(refused, Assert.Throws<DomainRuleException>(make).Field);
        }
    }

    [Fact]
    public void AResponse_IsDatedBetweenTheReferralAndToday_AndWithoutAFurtherFollowUpClosesIt()
    {
        var referral = Make(Today.AddDays(-5), Today.AddDays(1));
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => Make(Today, Today, reason: "  ")).Field);
        Assert.Equal("respondedOn", Assert.Throws<DomainRuleException>(() => referral.RecordResponse(SafeguardingResponse.NoFurtherAction, Today.AddDays(-6), null, null, Today, TestEncryption, "Ann", DateTime.UtcNow)).Field);
        Assert.Equal("respondedOn", Assert.Throws<DomainRuleException>(() => referral.RecordResponse(SafeguardingResponse.NoFurtherAction, Today.AddDays(1), null, null, Today, TestEncryption, "Ann", DateTime.UtcNow)).Field);
        Assert.Equal("followUpOn", Assert.Throws<DomainRuleException>(() => referral.Chase(Today, Today)).Field);
        Assert.True(referral.IsOpen);

        referral.RecordResponse(SafeguardingResponse.AcceptedForAssessment, Today.AddDays(-5), "Section 47 enquiry started", Today.AddDays(7), Today, TestEncryption, "Ann", DateTime.UtcNow);
        Assert.True(referral.IsOpen);
        referral.RecordResponse(SafeguardingResponse.StrategyMeeting, Today, null, null, Today, TestEncryption, "Ann", DateTime.UtcNow);
        Assert.False(referral.IsOpen);
        Assert.Null(referral.FollowUpOn);
        Assert.Throws<DomainRuleException>(() => referral.Chase(Today.AddDays(3), Today));
    }

    private static (string, string)[] Date(string prefix, DateOnly date) =>
        [($"{prefix}.Day", date.Day.ToString()), ($"{prefix}.Month", date.Month.ToString()), ($"{prefix}.Year", date.Year.ToString())];

    [Fact]
    public async Task AWorker_RecordsAReferral_FromTheCase_WithClearErrors_ThenItIsWarnedOnListedAndOnTheTimeline()
    {
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, worker);
        var c = await AssessmentCase.CreateAsync(factory, client);
        var url = $"/Safeguarding/Refer?personId={c.YoungPersonId}&caseId={c.CaseId}";

        var empty = await Html.ParseAsync(await client.SubmitAsync(url, [.. Date("Input.MadeOn", Now), ("Input.Reason", " ")]));
        var errors = empty.ErrorSummary();
        Assert.Contains("Choose who the referral went to", errors);
        Assert.Contains("Enter why the referral was made", errors);
        var late = await Html.ParseAsync(await client.SubmitAsync(url, [.. Date("Input.MadeOn", Now), ("Input.Agency", "Mash"), ("Input.Reason", "Disclosed harm at home"),
            .. Date("Input.FollowUpOn", Now.AddDays(-1))]));
        Assert.Contains("The follow-up must be on or after the date of the referral", late.ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.SafeguardingReferrals.AnyAsync(r => r.PersonId == c.YoungPersonId)));

        var made = await client.SubmitAsync(url, [.. Date("Input.MadeOn", Now), ("Input.Agency", "Mash"), ("Input.AgencyName", "Exampletown MASH"),
            ("Input.Reason", "Disclosed that his stepfather hits him"), .. Date("Input.FollowUpOn", Now.AddDays(1))]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var referral = await factory.WithDbAsync(db => db.SafeguardingReferrals.AsNoTracking().SingleAsync(r => r.PersonId == c.YoungPersonId));
        Assert.DoesNotContain("stepfather", referral.ReasonCiphertext, StringComparison.Ordinal);
        Assert.Equal(c.CaseId, referral.CaseId);

        var view = await client.GetPageAsync(made.Headers.Location!.OriginalString);
        Assert.Contains("Disclosed that his stepfather hits him", view.QuerySelector("#reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Safeguarding concern", view.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.PersonFlags.AnyAsync(f => f.PersonId == c.YoungPersonId && f.Type == FlagType.SafeguardingConcern && f.RemovedAt == null)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.View && e.EntityType == nameof(SafeguardingReferral)
            && e.EntityId == referral.Id.ToString() && e.SubjectPersonId == c.YoungPersonId && e.ActorUserId == worker.Id)));

        // A second referral joins the existing warning rather than raising another.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, [.. Date("Input.MadeOn", Now), ("Input.Agency", "Police"), ("Input.Reason", "Told the police too"),
            .. Date("Input.FollowUpOn", Now.AddDays(3))])).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PersonFlags.CountAsync(f => f.PersonId == c.YoungPersonId && f.Type == FlagType.SafeguardingConcern)));

        var timeline = (await client.GetPageAsync($"/Cases/{c.CaseId}?kind=safeguarding")).Body!.TextContent;
        Assert.Contains("Safeguarding referral about", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("stepfather", timeline, StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync($"/People/{c.YoungPersonId}")).QuerySelector($"#referrals a[href='/Safeguarding/{referral.Id}']"));
        Assert.NotNull((await client.GetPageAsync("/Safeguarding")).QuerySelector($"#open a[href='/Safeguarding/{referral.Id}']"));

        // Tomorrow's follow-up becomes due: the home page says so.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        client = await SignIn.AsAsync(factory, worker);
        Assert.Contains("Follow up 1 safeguarding referral", (await client.GetPageAsync("/")).QuerySelector("#safeguarding-link")!.TextContent, StringComparison.Ordinal);

        // The response, then closed: off the list.
        var respond = $"/Safeguarding/{referral.Id}/Respond";
        var version = (await client.GetPageAsync(respond)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var early = await Html.ParseAsync(await client.SubmitAsync(respond, [("Version", version), ("Input.Response", "AcceptedForAssessment"), .. Date("Input.RespondedOn", Now.AddDays(-5))]));
        Assert.Contains("The response must be dated between the referral and today", early.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(respond, [("Version", version), ("Input.Response", "AcceptedForAssessment"), .. Date("Input.RespondedOn", Now),
            ("Input.Notes", "Social worker allocated")])).StatusCode);
        Assert.Null((await client.GetPageAsync("/Safeguarding")).QuerySelector($"#open a[href='/Safeguarding/{referral.Id}']"));
    }

    [Fact]
    public async Task TheApi_MakesChasesAndAnswersAReferral_NamingEachBadField_AndNobodyElseSeesIt()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        async Task<string[]> FieldsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        }

        object Body(string? reason = "Neglect: no food at home", int followUpDays = 2, int madeDays = 0) => new
        {
            personId = c.VictimId,
            caseId = c.CaseId,
            madeOn = Now.AddDays(madeDays).ToString("yyyy-MM-dd"),
            agency = "AdultSocialCare",
            reason,
            followUpOn = Now.AddDays(followUpDays).ToString("yyyy-MM-dd"),
        };
        Assert.Contains("reason", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/safeguarding-referrals", Body(reason: null))));
        Assert.Contains("followUpOn", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/safeguarding-referrals", Body(followUpDays: 29))));
        Assert.Contains("madeOn", await FieldsAsync(await client.PostAsJsonAsync("/api/v1/safeguarding-referrals", Body(madeDays: 1))));
        Assert.False(await factory.WithDbAsync(db => db.SafeguardingReferrals.AnyAsync(r => r.PersonId == c.VictimId)));

        var made = await client.PostAsJsonAsync("/api/v1/safeguarding-referrals", Body());
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var url = made.Headers.Location!.OriginalString;
        var etag = made.Headers.ETag!.Tag;

        HttpRequestMessage Post(string path, object body, string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url + path) { Content = JsonContent.Create(body) };
            if (ifMatch is not null)
            {
                request.Headers.IfMatch.ParseAdd(ifMatch);
            }

            return request;
        }

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.SendAsync(Post("/chase", new { followUpOn = Now.AddDays(5).ToString("yyyy-MM-dd") }, null))).StatusCode);
        Assert.Contains("followUpOn", await FieldsAsync(await client.SendAsync(Post("/chase", new { followUpOn = Now.ToString("yyyy-MM-dd") }, etag))));
        var chased = await client.SendAsync(Post("/chase", new { followUpOn = Now.AddDays(5).ToString("yyyy-MM-dd") }, etag));
        Assert.Equal(HttpStatusCode.OK, chased.StatusCode);
        Assert.Equal(1, (await chased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timesChased").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(Post("/response", new { response = "NoFurtherAction", respondedOn = Now.ToString("yyyy-MM-dd") }, etag))).StatusCode);

        var closed = await client.SendAsync(Post("/response", new { response = "NoFurtherAction", respondedOn = Now.ToString("yyyy-MM-dd"), notes = "Below threshold" }, chased.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("open").GetBoolean());
        Assert.Equal("Below threshold", body.GetProperty("responseNotes").GetString());

        // Someone in another team cannot see the person, so not the referral either.
        var team = Mend.Web.Features.Staff.Team.Create("Another team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(team);
            return await db.SaveChangesAsync();
        });
        var stranger = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url.Replace("/api/v1/safeguarding-referrals", "/Safeguarding", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task AReferral_IsSeenThroughItsCase_OrByTheReferrersTeamWhenOnNoCase_NotByEveryone()
    {
        var other = Mend.Web.Features.Staff.Team.Create("Other " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(other);
            return await db.SaveChangesAsync();
        });
        var worker = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var colleague = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var stranger = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: other.Id));

        // About someone on no case yet: the referrer's team sees it, another team does not (though it may see the person).
        var person = await Mend.Tests.People.PeopleTests.AddPersonAsync(worker, "Noor", "Nocase" + Guid.NewGuid().ToString("N")[..4]);
        var loose = await worker.PostAsJsonAsync("/api/v1/safeguarding-referrals", new
        {
            personId = person,
            madeOn = Now.ToString("yyyy-MM-dd"),
            agency = "Mash",
            reason = "Missing from home twice this week",
            followUpOn = Now.AddDays(1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, loose.StatusCode);
        var url = loose.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Missing from home", await (await stranger.GetAsync("/api/v1/safeguarding-referrals")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await stranger.GetPageAsync($"/People/{person}")).QuerySelector("#referrals"));

        // Made on a restricted case: closed to a colleague who is not named on it, even though they may see the person elsewhere.
        var c = await AssessmentCase.CreateAsync(factory, worker);
        var onCase = await worker.PostAsJsonAsync("/api/v1/safeguarding-referrals", new
        {
            personId = c.YoungPersonId,
            caseId = c.CaseId,
            madeOn = Now.ToString("yyyy-MM-dd"),
            agency = "Police",
            reason = "Threatened by an older boy",
            followUpOn = Now.AddDays(1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, onCase.StatusCode);
        await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsRestricted, true)));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(onCase.Headers.Location!.OriginalString)).StatusCode);
    }
}
