using System.Net;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.DataProtection;

/// <summary>Information-sharing agreements and what they let a Partner user see, on both databases.</summary>
public sealed class SharingAgreementTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static (string, string)[] Date(string field, DateOnly day) =>
        [($"Input.{field}.Day", day.Day.ToString()), ($"Input.{field}.Month", day.Month.ToString()), ($"Input.{field}.Year", day.Year.ToString())];

    private async Task<(HttpClient Officer, Guid AgreementId, Guid CaseId, Guid YoungPersonId, HttpClient Partner)> AgreementAsync(string data = "People", int startsIn = -1, int endsIn = 60)
    {
        var worker = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, worker);
        var teamId = await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.TeamId).SingleAsync());
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var made = await officer.SubmitAsync("/DataProtection/Agreements/Edit", [
            ("Input.PartnerName", "Exampleshire Police"), ("Input.Purpose", "Joint work on out-of-court disposals"),
            ("Input.LawfulBasis", "UK GDPR Art 6(1)(e); DPA 2018 Sch 1 para 6"), ("Input.Data", data), ("Input.Data", "Offences"), ("Input.TeamIds", teamId.ToString()),
            .. Date("StartsOn", Today.AddDays(startsIn)), .. Date("EndsOn", Today.AddDays(endsIn)), .. Date("ReviewOn", Today.AddDays(endsIn))]);
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await Html.ParseAsync(made)).ErrorSummary()));
        var id = Guid.Parse(made.Headers.Location!.OriginalString.Split('/').Last());

        var partnerUser = await TestUsers.CreateAsync(factory, [Roles.Partner]);
        var email = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == partnerUser.Id).Select(u => u.Email!).SingleAsync());
        var version = await factory.WithDbAsync(db => db.SharingAgreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var added = await officer.SubmitAsync($"/DataProtection/Agreements/{id}", [new("Version", version.ToString()), new("Email", email)], $"/DataProtection/Agreements/{id}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return (officer, id, c.CaseId, c.YoungPersonId, await SignIn.AsAsync(factory, partnerUser));
    }

    [Fact]
    public async Task APartner_SeesOnlyWhatTheAgreementAllows_EachLookAuditedAgainstIt_AndEndingItCutsAccessAtOnce()
    {
        var (officer, id, caseId, youngPersonId, partner) = await AgreementAsync();
        var list = await partner.GetPageAsync("/Partner");
        Assert.Contains($"/Partner/Cases/{caseId}", list.QuerySelector("#cases")!.InnerHtml, StringComparison.Ordinal);

        var shared = await partner.GetPageAsync($"/Partner/Cases/{caseId}");
        var text = shared.QuerySelector("#shared")!.TextContent;
        Assert.Contains("Kai Morgan", text, StringComparison.Ordinal);
        Assert.Contains("Theft from a shop", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Risk level", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Case notes", shared.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var look = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == caseId.ToString() && e.SubjectPersonId == youngPersonId && e.Action == AuditAction.View).ToListAsync());
        Assert.Contains(look, e => e.Purpose!.Contains(id.ToString(), StringComparison.Ordinal) && e.Recipient == "Exampleshire Police");
        Assert.True(await factory.WithDbAsync(db => db.Disclosures.AnyAsync(d => d.PersonId == youngPersonId && d.Kind == DisclosureKind.PartnerAccess && d.Source == $"SharingAgreement:{id}")));

        // Everything else stays refused, and a case of another team is not found.
        var refused = await partner.GetAsync($"/Cases/{caseId}");
        Assert.Contains("/Errors/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var otherTeam = await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: await factory.WithDbAsync(async db =>
        {
            var team = Mend.Web.Features.Staff.Team.Create("Other team " + Guid.NewGuid().ToString("N")[..6]);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        }));
        var elsewhere = await AssessmentCase.CreateAsync(factory, await SignIn.AsAsync(factory, otherTeam));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/Cases/{elsewhere.CaseId}")).StatusCode);

        var version = await factory.WithDbAsync(db => db.SharingAgreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var unconfirmed = await officer.SubmitAsync($"/DataProtection/Agreements/{id}", [new("Version", version.ToString())], $"/DataProtection/Agreements/{id}?handler=End");
        Assert.Contains("Confirm that the partner's access is to stop now", string.Join(" ", (await Html.ParseAsync(unconfirmed)).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Partner/Cases/{caseId}")).StatusCode);
        var ended = await officer.SubmitAsync($"/DataProtection/Agreements/{id}", [new("Version", version.ToString()), new("ConfirmEnd", "yes")], $"/DataProtection/Agreements/{id}?handler=End");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/Cases/{caseId}")).StatusCode);
        Assert.NotNull((await partner.GetPageAsync("/Partner")).QuerySelector("#none"));
    }

    [Fact]
    public async Task AnAgreementPastItsEndDate_GivesNoAccess_AndAUserWithoutThePartnerRoleCannotBeAdded()
    {
        var (_, _, current, _, withContacts) = await AgreementAsync("ContactDetails");
        Assert.Contains("Contact:", (await withContacts.GetPageAsync($"/Partner/Cases/{current}")).QuerySelector("#shared")!.TextContent, StringComparison.Ordinal);

        var (officer, id, caseId, _, partner) = await AgreementAsync(startsIn: -30, endsIn: -1);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/Cases/{caseId}")).StatusCode);

        var practitioner = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var email = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == practitioner.Id).Select(u => u.Email!).SingleAsync());
        var version = await factory.WithDbAsync(db => db.SharingAgreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var refused = await officer.SubmitAsync($"/DataProtection/Agreements/{id}", [new("Version", version.ToString()), new("Email", email)], $"/DataProtection/Agreements/{id}?handler=Add");
        Assert.Contains("Partner agency role", string.Join(" ", (await Html.ParseAsync(refused)).ErrorSummary()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgreementWithoutItsTerms_IsRefusedOnEachField_AndNothingIsSaved()
    {
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var before = await factory.WithDbAsync(db => db.SharingAgreements.CountAsync());
        var refused = await officer.SubmitAsync("/DataProtection/Agreements/Edit", [("Input.PartnerName", ""), .. Date("EndsOn", Today.AddDays(-1)), .. Date("ReviewOn", Today)]);
        var errors = (await Html.ParseAsync(refused)).ErrorSummary();
        Assert.Equal(["Choose the partner from the directory, or enter its name", "Enter what the sharing is for", "Enter the lawful basis for sharing", "Enter the date the agreement starts"], errors);
        var backwards = await officer.SubmitAsync("/DataProtection/Agreements/Edit", [("Input.PartnerName", "X"), ("Input.Purpose", "Y"), ("Input.LawfulBasis", "Z"),
            .. Date("StartsOn", Today), .. Date("EndsOn", Today.AddDays(-1)), .. Date("ReviewOn", Today)]);
        Assert.Contains("Enter an end date on or after the start date", string.Join(" ", (await Html.ParseAsync(backwards)).ErrorSummary()), StringComparison.Ordinal);
        var unknownCase = await officer.SubmitAsync("/DataProtection/Agreements/Edit", [("Input.PartnerName", "X"), ("Input.Purpose", "Y"), ("Input.LawfulBasis", "Z"), ("Input.CaseReferences", "YJ-1999-0001"),
            .. Date("StartsOn", Today), .. Date("EndsOn", Today.AddDays(10)), .. Date("ReviewOn", Today)]);
        Assert.Contains("No case has the reference YJ-1999-0001", string.Join(" ", (await Html.ParseAsync(unknownCase)).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.SharingAgreements.CountAsync()));
    }
}
