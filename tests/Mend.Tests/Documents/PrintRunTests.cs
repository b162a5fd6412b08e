using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Documents;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Mend.Tests.Documents;

/// <summary>The letters due made together as one print run, on SQLite and PostgreSQL: each kept per child, posted, printed as one PDF.</summary>
public sealed class PrintRunTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheWarningAndAppointmentLettersDue_AreMadeAsOnePrintRun_EachKeptPostedOnItsCase_AndPrintedAsOnePdf()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Accept("Suitable for restorative work", "Test", factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var made = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Today.AddDays(-30), convictedOn = Today.AddDays(-40), endsOn = Today.AddDays(300) });
        var orderId = (await JsonAsync(made)).GetProperty("id").GetGuid();
        var missed = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{orderId}/contacts", new { at = Today.AddDays(-2).ToDateTime(new TimeOnly(10, 0)), purpose = "Supervision" }));
        var contactId = missed.GetProperty("contacts")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{orderId}/attendance", new { contactId, attendance = "UnacceptableAbsence", reason = "No reason" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{orderId}/warnings", new { contactId, givenOn = Today.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{orderId}/contacts", new { at = Today.AddDays(3).ToDateTime(new TimeOnly(10, 0)), purpose = "Supervision" })).StatusCode);

        var due = await client.GetPageAsync("/Documents/Due");
        var letters = due.QuerySelectorAll("#letters input[name=Chosen]").Select(i => i.GetAttribute("value")!).ToList();
        var text = due.QuerySelector("#letters")!.TextContent;
        Assert.Contains("First warning letter", text, StringComparison.Ordinal);
        Assert.Contains("Appointment letter", text, StringComparison.Ordinal);
        var mine = letters.Where(l => l.Contains(orderId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);

        var none = await client.SubmitAsync("/Documents/Due", ("Posted", "true"));
        Assert.Equal(["Choose at least one letter"], (await Html.ParseAsync(none)).ErrorSummary());

        var run = await client.SubmitAsync("/Documents/Due", [.. mine.Select(l => new KeyValuePair<string, string>("Chosen", l)), new("Posted", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var documents = await factory.WithDbAsync(db => db.Documents.Where(d => d.SubjectId == orderId).ToListAsync());
        Assert.Equal(2, documents.Count);
        Assert.All(documents, d =>
        {
            Assert.Equal(DocumentStatus.Sent, d.Status);
            Assert.Equal(SendMethod.Post, d.Method);
            Assert.NotNull(d.SentPdf);
            Assert.Equal(c.YoungPersonId, d.PersonId);
        });
        Assert.Single(documents.Select(d => d.PrintRunId).Distinct());
        Assert.DoesNotContain(orderId.ToString(), (await client.GetPageAsync("/Documents/Due")).QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);

        var pdf = await client.GetAsync(run.Headers.Location + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var read = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var pages = read.GetPages().Select(p => p.Text).ToList();
        Assert.True(pages.Count >= 2);
        Assert.Contains(pages, p => p.Contains("Warning: you missed an appointment", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("Your next appointment", StringComparison.Ordinal));
    }
}
