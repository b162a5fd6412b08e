using System.Net;
using System.Net.Http.Headers;
using Mend.Tests.Infrastructure;
using Mend.Tests.People;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Cases;

/// <summary>Files, corrections, risk, restriction and the broken-glass list on an open case.</summary>
public sealed class CaseWorkTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateTime Today => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<Guid> ReferredCaseAsync(HttpClient client)
    {
        var person = await PeopleTests.AddPersonAsync(client, "Jordan", "Reyes" + Guid.NewGuid().ToString("N")[..4], "2", "2", (Today.Year - 14).ToString());
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Theft from a shop").Select(t => t.Id).SingleAsync());
        var received = Today.AddDays(-1);
        var offence = Today.AddDays(-4);
        var response = await client.SubmitAsync($"/Cases/Refer?youngPersonId={person}",
        [
            ("YoungPersonId", person.ToString()), ("Input.Source", nameof(ReferralSource.Police)),
            ("Input.ReceivedOn.Day", received.Day.ToString()), ("Input.ReceivedOn.Month", received.Month.ToString()), ("Input.ReceivedOn.Year", received.Year.ToString()),
            ("Input.ReferrerName", "PC Lee"), ("Input.Jurisdiction", "EnglandAndWales"), ("Input.OffenceTypeId", typeId.ToString()),
            ("Input.OffenceDate.Day", offence.Day.ToString()), ("Input.OffenceDate.Month", offence.Month.ToString()), ("Input.OffenceDate.Year", offence.Year.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync($"/Cases/Attachments/{caseId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Referral form"), "Description" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync($"/Cases/Attachments/{caseId}", form);
    }

    [Fact]
    public async Task Upload_RealPdf_IsKept_AndDownloadedAsAnAttachment_WhichIsAudited()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(client);

        var uploaded = await UploadAsync(client, caseId, "../referral.pdf", AttachmentCheckTests.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var page = await client.GetPageAsync($"/Cases/Attachments/{caseId}");
        var link = page.QuerySelector("a[download]")!;
        Assert.Equal("referral.pdf", link.TextContent.Trim());
        var download = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(AttachmentCheckTests.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Download && e.Fields == "Case:" + caseId)));
    }

    [Fact]
    public async Task Upload_EmptyFile_IsToldItIsEmpty_AndADirectionOverrideInTheNameIsNotShown()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(client);

        var empty = await UploadAsync(client, caseId, "statement.pdf", []);
        Assert.Equal(["The selected file is empty"], (await Html.ParseAsync(empty)).ErrorSummary());

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, caseId, "statement\u202Egnp.pdf", AttachmentCheckTests.Pdf)).StatusCode);
        var listed = (await client.GetPageAsync($"/Cases/Attachments/{caseId}")).QuerySelector("a[download]")!.TextContent.Trim();
        Assert.Equal("statementgnp.pdf", listed);
    }

    [Fact]
    public async Task Upload_FileClaimingToBeAPdf_IsRefusedAndNothingKept()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(client);

        var refused = await UploadAsync(client, caseId, "statement.pdf", "MZ\u0090\u0000 not a pdf"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await Html.ParseAsync(refused)).ErrorSummary(), e => e.StartsWith("The selected file is not a real PDF file", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.CaseId == caseId)));
    }

    [Fact]
    public async Task Download_FromAnotherTeamsCase_IsNotFound()
    {
        var owner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(owner);
        await UploadAsync(owner, caseId, "letter.pdf", AttachmentCheckTests.Pdf);
        var fileId = await factory.WithDbAsync(db => db.Attachments.Where(a => a.CaseId == caseId).Select(a => a.Id).SingleAsync());
        var team = Mend.Web.Features.Staff.Team.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Teams.Add(team); return await db.SaveChangesAsync(); });
        var outsider = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id));

        var response = await outsider.GetAsync($"/Cases/Attachments/{caseId}?handler=Download&fileId={fileId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CorrectANote_KeepsTheOriginal_AndRefusesASecondCorrectionOfIt()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(client);
        await client.SubmitAsync($"/Cases/{caseId}",
            [new("Note.Type", nameof(NoteType.Visit)), new("Note.Date.Day", Today.Day.ToString()), new("Note.Date.Month", Today.Month.ToString()), new("Note.Date.Year", Today.Year.ToString()), new("Note.Text", "Visited on Tuesday")],
            $"/Cases/{caseId}?handler=Note");
        var noteId = await factory.WithDbAsync(db => db.CaseNotes.Where(n => n.CaseId == caseId).Select(n => n.Id).SingleAsync());

        var corrected = await client.SubmitAsync($"/Cases/AmendNote/{caseId}/{noteId}", ("Text", "Visited on Wednesday"), ("Reason", "Wrong day"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var page = await client.GetPageAsync($"/Cases/{caseId}");
        var timeline = page.QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("Visited on Tuesday", timeline);
        Assert.Contains("Visited on Wednesday", timeline);
        Assert.Contains("Corrected", timeline);
        var again = await client.SubmitAsync($"/Cases/AmendNote/{caseId}/{noteId}", ("Text", "Visited on Thursday"), ("Reason", "Wrong again"));
        Assert.Contains("This note has already been corrected. Correct the latest version instead", (await Html.ParseAsync(again)).ErrorSummary());
        Assert.Equal(2, await factory.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.CaseId == caseId)));
    }

    [Fact]
    public async Task SetRisk_HighWithoutAReviewDate_IsRefused_WithOne_IsSaved()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var caseId = await ReferredCaseAsync(client);
        var version = (await client.GetPageAsync($"/Cases/Manage/{caseId}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var refused = await client.SubmitAsync($"/Cases/Manage/{caseId}", [new("Risk", "High"), new("Version", version)], $"/Cases/Manage/{caseId}?handler=Risk");
        Assert.Contains("Enter a review date for a high or very high risk", (await Html.ParseAsync(refused)).ErrorSummary());

        var review = Today.AddDays(30);
        var saved = await client.SubmitAsync($"/Cases/Manage/{caseId}",
            [new("Risk", "High"), new("RiskReviewOn.Day", review.Day.ToString()), new("RiskReviewOn.Month", review.Month.ToString()), new("RiskReviewOn.Year", review.Year.ToString()), new("Version", version)],
            $"/Cases/Manage/{caseId}?handler=Risk");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(RiskLevel.High, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.RiskLevel).SingleAsync()));
    }

    [Fact]
    public async Task RestrictedCase_NamedPersonSeesIt_TeamColleagueMustBreakTheGlass_ManagerSeesTheReason()
    {
        var managerUser = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var manager = await SignIn.AsAsync(factory, managerUser);
        var caseId = await ReferredCaseAsync(manager);
        var namedUser = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var colleague = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var version = (await manager.GetPageAsync($"/Cases/Manage/{caseId}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var restricted = await manager.SubmitAsync($"/Cases/Manage/{caseId}",
            [new("Restricted", "yes"), new("NamedPeople", namedUser.Id.ToString()), new("Version", version)], $"/Cases/Manage/{caseId}?handler=Restrict");
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);

        var named = await SignIn.AsAsync(factory, namedUser);
        Assert.NotNull((await named.GetPageAsync($"/Cases/{caseId}")).QuerySelector(".moj-timeline"));
        Assert.Contains("This case is restricted", (await colleague.GetPageAsync($"/Cases/{caseId}")).QuerySelector("h1")!.TextContent);
        var reason = "Duty cover for " + Guid.NewGuid().ToString("N")[..6];
        await colleague.SubmitAsync($"/Cases/{caseId}", [new("Reason", reason)], $"/Cases/{caseId}?handler=BreakGlass");

        var list = await manager.GetPageAsync("/Cases/BrokenGlass");
        Assert.Contains(reason, list.QuerySelector("table")!.TextContent);
    }
}
