using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Documents;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Documents;

/// <summary>
/// Which templates a case is offered, letters due for warnings, a report whose victim withdrew, and a machine without
/// LibreOffice, on SQLite and PostgreSQL.
/// </summary>
public sealed class DocumentRulesTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await client.SendAsync(request);
    }

    private static async Task<int> TemplateAsync(HttpClient client, string key) =>
        (await JsonAsync(await client.GetAsync("/api/v1/document-templates"))).EnumerateArray().Single(t => t.GetProperty("key").GetString() == key).GetProperty("id").GetInt32();

    private async Task<(HttpClient Client, Guid CaseId)> JerseyCaseAsync()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var person = await JsonAsync(await client.PostAsJsonAsync("/api/v1/people",
            new { kind = "Individual", givenName = "Tom", familyName = "Le Brun" + Guid.NewGuid().ToString("N")[..4], dateOfBirth = Today.AddYears(-15).ToString("yyyy-MM-dd") }));
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Theft from a shop").Select(t => t.Id).SingleAsync());
        var referral = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            youngPersonId = person.GetProperty("id").GetGuid(),
            source = "ParishHallEnquiry",
            jurisdiction = "Jersey",
            receivedOn = Today.AddDays(-2).ToString("yyyy-MM-dd"),
            referrerName = "Centenier Vibert",
            offenceTypeId = typeId,
            offenceDate = Today.AddDays(-5).ToString("yyyy-MM-dd"),
        });
        Assert.True(referral.StatusCode == HttpStatusCode.Created, await referral.Content.ReadAsStringAsync());
        return (client, (await JsonAsync(referral)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AJerseyCase_IsOfferedJerseyAndSharedTemplates_NeverOnesWrittenForEnglandAndWales()
    {
        var (client, caseId) = await JerseyCaseAsync();
        var options = (await client.GetPageAsync($"/Cases/{caseId}/Documents/Make")).QuerySelectorAll("input[name='Input.TemplateId'] + label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Parish Hall Enquiry report", options);
        Assert.Contains("First contact with a victim", options);
        Assert.DoesNotContain("Referral order contract", options);

        var order = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/orders",
            new { kind = "ParishHallDeferredDecision", decidedOn = Today.AddDays(-1), returnOn = Today.AddDays(60), decidedBy = "Centenier Vibert" }));
        var refused = await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "referral-order-contract"), subject = "Order", subjectId = order.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("England and Wales", (await JsonAsync(refused)).GetProperty("errors").GetProperty("templateId")[0].GetString(), StringComparison.Ordinal);

        var report = await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "parish-hall-report"), subject = "Order", subjectId = order.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var text = string.Join("\n", Mend.Web.Platform.Documents.WordTemplate.Paragraphs(
            await (await client.GetAsync($"/api/v1/documents/{(await JsonAsync(report)).GetProperty("id").GetGuid()}/content")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("Return to the Parish Hall: " + DocumentValues.Date(Today.AddDays(60)), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondWarningInTheWarnedPeriod_IsDueAsAFinalWarningLetter_AfterTheFirstLetter()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Accept("Suitable", "Test", factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var orderId = (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Today.AddDays(-30), convictedOn = Today.AddDays(-40), endsOn = Today.AddDays(300) }))).GetProperty("id").GetGuid();
        foreach (var daysAgo in new[] { 10, 3 })
        {
            var arranged = await JsonAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/orders/{orderId}/contacts",
                new { at = Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), purpose = "Supervision" }));
            var contactId = arranged.GetProperty("contacts").EnumerateArray().Max(x => x.GetProperty("id").GetInt64());
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/v1/orders/{orderId}/attendance", new { contactId, attendance = "UnacceptableAbsence", reason = "None" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/v1/orders/{orderId}/warnings", new { contactId, givenOn = Today.AddDays(-daysAgo + 1) })).StatusCode);
        }

        var due = (await client.GetPageAsync("/Documents/Due")).QuerySelectorAll("#letters .govuk-checkboxes__item")
            .Where(i => i.QuerySelector("input")!.GetAttribute("value")!.Contains(orderId.ToString(), StringComparison.Ordinal)).Select(i => i.QuerySelector("label")!.TextContent).ToList();
        Assert.Equal(2, due.Count);
        Assert.Contains(due, l => l.StartsWith("First warning letter", StringComparison.Ordinal));
        Assert.Contains(due, l => l.StartsWith("Final warning letter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReport_IsNotRecordedAsSent_WhenAVictimWhoseViewsItHoldsHasWithdrawnTheirAgreement()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var url = $"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { source = "PolicePassedDetails", receivedOn = Today.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/views", new { decisionMaker = "Court", views = "Please explain the harm.", wantsToAttend = false, on = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "ShareViews", agreed = true, on = Today })).StatusCode);
        var orderId = (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Today.AddDays(-30), convictedOn = Today.AddDays(-40), endsOn = Today.AddDays(300) }))).GetProperty("id").GetGuid();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "court-progress-report"), subject = "Order", subjectId = orderId }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "ShareViews", agreed = false, on = Today })).StatusCode);

        var refused = await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Court", recipient = "Exampletown Youth Court" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("no longer agrees", (await JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await factory.WithDbAsync(db => db.Victims.Where(v => v.CaseId == c.CaseId).SelectMany(v => v.Views).SelectMany(w => w.Shares).ToListAsync()));
    }

    [Fact]
    public async Task WithoutLibreOffice_ThePdfIsUnavailable_TheWordDocumentIsStillThere_AndALetterCanStillBeSent()
    {
        using var noLibreOffice = factory.WithWebHostBuilder(b => b.UseSetting("Mend:Pdf:LibreOffice", "/nonexistent/soffice"));
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "young-person-rj-invitation"), subject = "Case", subjectId = c.CaseId }))).GetProperty("id").GetGuid();
        var other = noLibreOffice.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var token = await TestUsers.IssueTokenAsync(factory, user.Id, [ApiScopes.ReadCases, ApiScopes.WriteCases]);
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var pdf = await other.GetAsync($"/api/v1/documents/{id}/content?format=pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains("LibreOffice is not installed", (await JsonAsync(pdf)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/documents/{id}/content?format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(other, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "ByHand", recipient = "The young person" })).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.SentPdf).SingleAsync()));
    }
    [Fact]
    public async Task AnOutcomeAgreement_IsMadeFromARestorativeProcess()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var planned = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/processes", new { kind = "FaceToFaceConference", personIds = new[] { c.YoungPersonId, c.VictimId } });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var processId = (await JsonAsync(planned)).GetProperty("id").GetGuid();

        var made = await client.PostAsJsonAsync("/api/v1/documents", new { templateId = await TemplateAsync(client, "outcome-agreement"), subject = "Process", subjectId = processId });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var document = await JsonAsync(made);
        Assert.Equal(c.CaseId, document.GetProperty("caseId").GetGuid());
        var text = string.Join("\n", Mend.Web.Platform.Documents.WordTemplate.Paragraphs(
            await (await client.GetAsync($"/api/v1/documents/{document.GetProperty("id").GetGuid()}/content")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("Process: Face-to-face conference", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "outcome-agreement"), subject = "Order", subjectId = processId })).StatusCode);
    }
}
