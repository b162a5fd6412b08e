using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Tests.People;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Cases;

public sealed class CasesTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<HttpClient> PractitionerAsync(Guid? teamId = null) =>
        await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: teamId));

    private DateTime Today => factory.Clock.GetUtcNow().UtcDateTime;

    private static (string, string)[] Date(string prefix, DateTime date) =>
        [($"{prefix}.Day", date.Day.ToString()), ($"{prefix}.Month", date.Month.ToString()), ($"{prefix}.Year", date.Year.ToString())];

    private async Task<HttpResponseMessage> ReferAsync(HttpClient client, Guid youngPersonId, DateTime received, DateTime offence, string jurisdiction = "EnglandAndWales")
    {
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Criminal damage").Select(t => t.Id).SingleAsync());
        return await client.SubmitAsync($"/Cases/Refer?youngPersonId={youngPersonId}",
        [
            ("YoungPersonId", youngPersonId.ToString()), ("Input.Source", nameof(ReferralSource.OutOfCourtDisposal)),
            .. Date("Input.ReceivedOn", received), ("Input.ReferrerName", "PC Jo Lane"), ("Input.Jurisdiction", jurisdiction),
            ("Input.OffenceTypeId", typeId.ToString()), .. Date("Input.OffenceDate", offence), ("Input.OffenceLocation", "Bus shelter, Station Road"),
        ]);
    }

    private async Task<Guid> OpenCaseAsync(HttpClient client)
    {
        var person = await PeopleTests.AddPersonAsync(client, "Sam", "Carter" + Guid.NewGuid().ToString("N")[..4], "1", "6", (Today.Year - 15).ToString());
        var referred = await ReferAsync(client, person, Today.AddDays(-1), Today.AddDays(-10));
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        return Guid.Parse(referred.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task Refer_YoungPerson_OpensAReferredCaseWithAReference()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);

        var saved = await factory.WithDbAsync(db => db.Cases.Include(c => c.Offences).Include(c => c.Participants).AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.Equal(CaseStatus.Referred, saved.Status);
        Assert.Matches($@"^RJ-{Today.Year}-\d{{5}}$", saved.Reference);
        Assert.Single(saved.Offences);
        Assert.Equal(ParticipantRole.YoungPerson, Assert.Single(saved.Participants).Role);
        var page = await client.GetPageAsync($"/Cases/{caseId}");
        Assert.Contains(saved.Reference, page.QuerySelector(".govuk-caption-l")!.TextContent);
    }

    [Fact]
    public async Task Refer_OffenceAfterTheReferralDate_IsRefusedAndNothingSaved()
    {
        var client = await PractitionerAsync();
        var person = await PeopleTests.AddPersonAsync(client, "Lee", "Park", "1", "1", (Today.Year - 14).ToString());
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());

        var response = await ReferAsync(client, person, Today.AddDays(-5), Today.AddDays(-1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Date of the offence must be on or before the date the referral was received", (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Refer_AdultInAYouthCase_IsRefused_ButAllowedInJersey()
    {
        var client = await PractitionerAsync();
        var person = await PeopleTests.AddPersonAsync(client, "Ada", "Grown", "1", "1", (Today.Year - 30).ToString());

        var youth = await ReferAsync(client, person, Today.AddDays(-1), Today.AddDays(-3));
        Assert.Contains((await Html.ParseAsync(youth)).ErrorSummary(), e => e.Contains("Youth justice cases are for children aged 10 to 17", StringComparison.Ordinal));

        var jersey = await ReferAsync(client, person, Today.AddDays(-1), Today.AddDays(-3), "Jersey");
        Assert.Equal(HttpStatusCode.Redirect, jersey.StatusCode);
    }

    [Fact]
    public async Task Note_IsEncryptedAtRest_AndReadableOnTheCasePage()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);
        var secret = "Talked about the broken window " + Guid.NewGuid().ToString("N");
        var added = await client.SubmitAsync($"/Cases/{caseId}",
            [new("Note.Type", nameof(NoteType.PhoneCall)), .. Date("Note.Date", Today).Select(d => new KeyValuePair<string, string>(d.Item1, d.Item2)), new("Note.Text", secret)],
            $"/Cases/{caseId}?handler=Note");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var stored = await factory.WithDbAsync(db => db.CaseNotes.Where(n => n.CaseId == caseId).Select(n => n.TextCiphertext).SingleAsync());
        Assert.DoesNotContain("broken window", stored);
        var page = await client.GetPageAsync($"/Cases/{caseId}");
        Assert.Contains(secret, page.QuerySelector(".moj-timeline")!.TextContent);
    }

    [Fact]
    public async Task Decline_WithoutAReason_IsRefused_WithAReason_IsRecorded()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);
        var version = (await client.GetPageAsync($"/Cases/{caseId}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var noReason = await client.SubmitAsync($"/Cases/{caseId}", [new("Decision", "decline"), new("Version", version)], $"/Cases/{caseId}?handler=Decide");
        Assert.Contains("Enter why the referral is declined", (await Html.ParseAsync(noReason)).ErrorSummary());

        var declined = await client.SubmitAsync($"/Cases/{caseId}", [new("Decision", "decline"), new("DecisionReason", "Young person moved out of area"), new("Version", version)], $"/Cases/{caseId}?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.Equal(CaseStatus.Declined, saved.Status);
        Assert.Equal("Young person moved out of area", saved.DecisionReason);
    }

    [Fact]
    public async Task AddVictim_ThenAnOffenceThatHarmedThem_LinksTheVictim_AndRefusesAFutureDate()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);
        var family = "Victim" + Guid.NewGuid().ToString("N")[..5];
        var victim = await PeopleTests.AddPersonAsync(client, "Grace", family);

        var found = await Html.ParseAsync(await client.SubmitAsync($"/Cases/AddParticipant/{caseId}", [new("Name", $"Grace {family}")], $"/Cases/AddParticipant/{caseId}?handler=Search"));
        var option = found.QuerySelectorAll("input[name=PersonId]").Select(i => i.GetAttribute("value")!).Single(v => Guid.Parse(v) == victim);
        var added = await client.SubmitAsync($"/Cases/AddParticipant/{caseId}", [new("PersonId", option), new("Role", nameof(ParticipantRole.Victim))], $"/Cases/AddParticipant/{caseId}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var form = await client.GetPageAsync($"/Cases/AddOffence/{caseId}");
        var victimValue = form.QuerySelectorAll("input[name=Victims]").Select(i => i.GetAttribute("value")!).Single();
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Common assault").Select(t => t.Id).SingleAsync());
        var future = await client.SubmitAsync($"/Cases/AddOffence/{caseId}", [new("OffenceTypeId", typeId.ToString()), .. Date("CommittedOn", Today.AddDays(3)).Select(d => new KeyValuePair<string, string>(d.Item1, d.Item2)), new("Victims", victimValue)]);
        Assert.Contains("Date of the offence must be today or in the past", (await Html.ParseAsync(future)).ErrorSummary());

        var saved = await client.SubmitAsync($"/Cases/AddOffence/{caseId}", [new("OffenceTypeId", typeId.ToString()), .. Date("CommittedOn", Today.AddDays(-20)).Select(d => new KeyValuePair<string, string>(d.Item1, d.Item2)), new("Victims", victimValue)]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await Html.ParseAsync(saved)).ErrorSummary()));
        var victims = await factory.WithDbAsync(db => db.Offences.Where(o => o.CaseId == caseId && o.OffenceTypeId == typeId).SelectMany(o => o.Victims.Select(v => v.PersonId)).ToListAsync());
        Assert.Equal([victim], victims);
    }

    [Fact]
    public async Task Decide_WithAStaleVersion_ShowsTheConflictAndChangesNothing()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);
        var stale = (await client.GetPageAsync($"/Cases/{caseId}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var manager = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var managerClient = await SignIn.AsAsync(factory, manager);
        var allocated = await managerClient.SubmitAsync($"/Cases/Manage/{caseId}", [new("WorkerId", manager.Id.ToString()), new("Version", stale)], $"/Cases/Manage/{caseId}?handler=Allocate");
        Assert.True(allocated.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await Html.ParseAsync(allocated)).ErrorSummary()));

        var decided = await client.SubmitAsync($"/Cases/{caseId}", [new("Decision", "accept"), new("Version", stale)], $"/Cases/{caseId}?handler=Decide");

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains((await Html.ParseAsync(decided)).ErrorSummary(), e => e.StartsWith("Someone else changed this case", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Referred, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task CaseOfAnotherTeam_NeedsTheGlassBroken_WhichIsRecorded()
    {
        var owner = await PractitionerAsync();
        var caseId = await OpenCaseAsync(owner);
        var otherTeam = Team.Create("Other team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Teams.Add(otherTeam); return await db.SaveChangesAsync(); });
        var outsider = await PractitionerAsync(otherTeam.Id);

        var refused = await outsider.GetPageAsync($"/Cases/{caseId}");
        Assert.Contains("This case is restricted", refused.QuerySelector("h1")!.TextContent);
        Assert.Equal("This case belongs to another team, and you are not one of the people named on it.", refused.QuerySelector("#why-restricted")!.TextContent);
        Assert.Null(refused.QuerySelector(".moj-timeline"));

        var opened = await outsider.SubmitAsync($"/Cases/{caseId}", [new("Reason", "Covering a court hearing today")], $"/Cases/{caseId}?handler=BreakGlass");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = await outsider.GetPageAsync($"/Cases/{caseId}");
        Assert.NotNull(page.QuerySelector(".moj-timeline"));
        Assert.True(await factory.WithDbAsync(db => db.BreakGlass.AnyAsync(b => b.CaseId == caseId && b.Reason == "Covering a court hearing today")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == caseId.ToString() && e.Outcome == "break-glass")));
    }

    [Fact]
    public async Task RestrictedCaseOfTheirOwnTeam_TellsAColleagueItIsRestrictedToNamedPeople_NotThatItIsAnotherTeams()
    {
        var owner = await PractitionerAsync();
        var caseId = await OpenCaseAsync(owner);
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(c => c.AccessGrants).SingleAsync(c => c.Id == caseId);
            @case.Restrict([(Guid.NewGuid(), "Named Person")], "Morgan Manager", Today);
            return await db.SaveChangesAsync();
        });
        var colleague = await PractitionerAsync();

        var refused = await colleague.GetPageAsync($"/Cases/{caseId}");
        var why = refused.QuerySelector("#why-restricted")!.TextContent;
        Assert.StartsWith("This case has been restricted to named people by Morgan Manager on ", why, StringComparison.Ordinal);
        Assert.EndsWith("You are not one of the named people, although it belongs to your team.", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseView_IsAuditedForEachPersonOnIt()
    {
        var client = await PractitionerAsync();
        var caseId = await OpenCaseAsync(client);
        var youngPerson = await factory.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => p.PersonId).SingleAsync());

        await client.GetPageAsync($"/Cases/{caseId}");

        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.View && e.EntityId == caseId.ToString() && e.SubjectPersonId == youngPerson && e.Purpose == "Case work")));
    }
}
