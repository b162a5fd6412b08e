using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.DataProtection;

/// <summary>Requests to correct data or restrict processing, and what a restriction stops, on both databases.</summary>
public sealed class RightsRequestTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<HttpResponseMessage> RecordAsync(HttpClient officer, Guid personId, string right, string details) =>
        await officer.SubmitAsync($"/DataProtection/Rights/New?personId={personId}", ("PersonId", personId.ToString()), ("Input.Right", right), ("Input.Regime", "UkGdpr"),
            ("Input.ReceivedOn.Day", Today.Day.ToString()), ("Input.ReceivedOn.Month", Today.Month.ToString()), ("Input.ReceivedOn.Year", Today.Year.ToString()), ("Input.Details", details));

    private async Task<HttpResponseMessage> AnswerAsync(HttpClient officer, Guid id, string handler, string outcome)
    {
        var version = await factory.WithDbAsync(db => db.Set<RightsRequest>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        return await officer.SubmitAsync($"/DataProtection/Rights/{id}", [new("Version", version.ToString()), new("Outcome", outcome)], $"/DataProtection/Rights/{id}?handler={handler}");
    }

    private async Task<HttpResponseMessage> PersonStepAsync(HttpClient officer, Guid personId, string handler, string reason)
    {
        var version = await factory.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync());
        return await officer.SubmitAsync($"/DataProtection/People/{personId}", [new("Version", version.ToString()), new("Reason", reason)], $"/DataProtection/People/{personId}?handler={handler}");
    }

    private static async Task<HttpResponseMessage> RenameAsync(HttpClient worker, Guid personId, string family)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{personId}") { Content = JsonContent.Create(new { kind = "Individual", givenName = "Kai", familyName = family }) };
        put.Headers.IfMatch.ParseAdd("*");
        return await worker.SendAsync(put);
    }

    [Fact]
    public async Task AMetRestriction_StopsChangesAndSharing_UntilAnOfficerAllowsItForAReasonOrLiftsIt()
    {
        var worker = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, worker);
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var recorded = await RecordAsync(officer, c.YoungPersonId, "Restriction", "Disputes the accuracy of the referral record");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var id = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/').Last());

        Assert.Contains("Say what the restriction covers", string.Join(" ", (await Html.ParseAsync(await AnswerAsync(officer, id, "Complete", ""))).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(officer, id, "Complete", "All processing restricted while the accuracy is checked; told by letter")).StatusCode);

        var banner = (await worker.GetPageAsync($"/People/{c.YoungPersonId}")).QuerySelector("#restricted");
        Assert.Contains("Disputes the accuracy", banner!.TextContent, StringComparison.Ordinal);
        var refused = await RenameAsync(worker, c.YoungPersonId, "Changed");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("restricted", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        var templates = await (await worker.GetAsync("/api/v1/document-templates")).Content.ReadFromJsonAsync<JsonElement>();
        var templateId = templates.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "young-person-rj-invitation").GetProperty("id").GetInt32();
        var documentId = (await (await worker.PostAsJsonAsync("/api/v1/documents", new { templateId, subject = "Case", subjectId = c.CaseId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/sent") { Content = JsonContent.Create(new { method = "ByHand", recipient = "Their mother" }) };
        send.Headers.IfMatch.ParseAdd("*");
        var notSent = await worker.SendAsync(send);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notSent.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Disclosures.AnyAsync(d => d.Source == $"Document:{documentId}")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await worker.GetAsync($"/api/v1/documents/{documentId}/content")).StatusCode);
        var download = await worker.GetAsync($"/Documents/{documentId}?handler=Download");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Contains("cannot be downloaded", (await worker.GetPageAsync(download.Headers.Location!.OriginalString)).Body!.TextContent, StringComparison.Ordinal);

        Assert.Contains("Enter the reason", string.Join(" ", (await Html.ParseAsync(await PersonStepAsync(officer, c.YoungPersonId, "Exception", ""))).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PersonStepAsync(officer, c.YoungPersonId, "Exception", "Court order to correct the date of birth")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RenameAsync(worker, c.YoungPersonId, "Corrected")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.SubjectPersonId == c.YoungPersonId && e.Purpose == "Restriction exception allowed: Court order to correct the date of birth")));

        // The exception lasts a day; sessions do not, so both sign in again.
        factory.Clock.Advance(TimeSpan.FromHours(25));
        worker = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        Assert.Equal(HttpStatusCode.BadRequest, (await RenameAsync(worker, c.YoungPersonId, "Again")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PersonStepAsync(officer, c.YoungPersonId, "Lift", "Accuracy confirmed; the person was told on the phone first")).StatusCode);
        Assert.Null((await worker.GetPageAsync($"/People/{c.YoungPersonId}")).QuerySelector("#restricted"));
        Assert.Equal(HttpStatusCode.OK, (await RenameAsync(worker, c.YoungPersonId, "Again")).StatusCode);
    }

    [Fact]
    public async Task ARectificationRequest_IsMetOrRefusedWithItsReason_AndABlankOneIsRefusedOnItsFields()
    {
        var worker = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, worker);
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var blank = await RecordAsync(officer, c.VictimId, "", "");
        Assert.Contains("Choose what the person asks for", string.Join(" ", (await Html.ParseAsync(blank)).ErrorSummary()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Set<RightsRequest>().AnyAsync(r => r.PersonId == c.VictimId)));

        var recorded = await RecordAsync(officer, c.VictimId, "Rectification", "Their phone number is wrong");
        var id = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/').Last());
        var page = await officer.GetPageAsync($"/DataProtection/Rights/{id}");
        Assert.Contains(Mend.Web.Platform.Time.London.ToGovUkDate(SubjectAccessDeadline.DueOn(AccessRegime.UkGdpr, Today, false, Mend.Web.Platform.Time.WorkingDays.Shipped)),
            page.QuerySelector("#due")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(officer, id, "Refuse", "The number was checked with them and is right")).StatusCode);
        Assert.Contains("Refused: The number was checked", (await officer.GetPageAsync($"/DataProtection/Rights/{id}")).QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already been answered", string.Join(" ", (await Html.ParseAsync(await AnswerAsync(officer, id, "Complete", "Corrected"))).ErrorSummary()), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.People.Where(p => p.Id == c.VictimId).Select(p => p.RestrictedSince).SingleAsync()));
    }
}
