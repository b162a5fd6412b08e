using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Documents;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Mend.Tests.Documents;

/// <summary>
/// Letters and reports through the API on SQLite and PostgreSQL: made from the starter templates with every field
/// filled, downloaded as DOCX and PDF, sent once and frozen, a victim's contact rules and view-sharing choice honoured.
/// </summary>
public sealed class DocumentsApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private string Day(int offset) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string ifMatch = "*")
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static async Task<int> TemplateAsync(HttpClient client, string key) =>
        (await JsonAsync(await client.GetAsync("/api/v1/document-templates"))).EnumerateArray().Single(t => t.GetProperty("key").GetString() == key).GetProperty("id").GetInt32();

    /// <summary>A case with a victim record started; the victim agreed to be contacted.</summary>
    private async Task<(HttpClient Client, AssessmentCase Case, Guid VictimId, string Url)> VictimAsync(bool agreedToContact = true)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var made = await AssessmentCase.CreateAsync(factory, client);
        // A victim with an address to write to (the one AssessmentCase adds has none).
        var person = await client.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Individual",
            givenName = "Sam",
            familyName = "Lee" + Guid.NewGuid().ToString("N")[..4],
            statedAge = 40,
            addressLine1 = "4 Mill Lane",
            town = "Exampletown",
            postcode = "EX4 4AA",
        });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var personId = (await JsonAsync(person)).GetProperty("id").GetGuid();
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(x => x.Participants).SingleAsync(x => x.Id == made.CaseId);
            @case.AddParticipant(personId, Mend.Web.Features.Cases.ParticipantRole.Victim, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var c = made with { VictimId = personId };
        var url = $"/api/v1/cases/{c.CaseId}/victims/{c.VictimId}";
        var started = await JsonAsync(await client.PostAsJsonAsync(url, new { source = "PolicePassedDetails", receivedOn = Day(-1) }));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, url + "/choices", new { kind = "Contact", agreed = agreedToContact, on = Day(0) })).StatusCode);
        return (client, c, started.GetProperty("id").GetGuid(), url);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var json = await JsonAsync(response);
        return json.GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task AVictimLetter_IsMadeWithEveryFieldFilled_DownloadedAsDocxAndPdf_AndSentOnceThenFrozen()
    {
        var (client, c, victimId, victimUrl) = await VictimAsync();
        var made = await client.PostAsJsonAsync("/api/v1/documents", new { templateId = await TemplateAsync(client, "victim-first-contact"), subject = "Victim", subjectId = victimId });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var document = await JsonAsync(made);
        var id = document.GetProperty("id").GetGuid();
        Assert.Equal(1, document.GetProperty("templateVersion").GetInt32());
        var reference = await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.Reference).SingleAsync());
        var victimName = await factory.WithDbAsync(db => db.People.Where(p => p.Id == c.VictimId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync());

        var docx = await client.GetAsync($"/api/v1/documents/{id}/content?format=docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        var text = string.Join("\n", WordTemplate.Paragraphs(bytes));
        Assert.Contains(victimName, text, StringComparison.Ordinal);
        Assert.Contains("4 Mill Lane\nExampletown\nEX4 4AA", text, StringComparison.Ordinal);
        Assert.Contains($"Our reference: {reference}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[", text, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(word.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>());
        }

        var pdf = await client.GetAsync($"/api/v1/documents/{id}/content?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var read = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains(victimName, string.Join(" ", read.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        var sent = await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Post", recipient = victimName });
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var frozen = await JsonAsync(sent);
        Assert.Equal("Sent", frozen.GetProperty("status").GetString());
        Assert.Equal(64, frozen.GetProperty("sentPdfSha256").GetString()!.Length);
        Assert.Contains("can no longer be changed or sent again",
            await ProblemAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Post", recipient = "Someone else" }), HttpStatusCode.UnprocessableEntity),
            StringComparison.Ordinal);
        Assert.Contains("can no longer be changed",
            await ProblemAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/documents/{id}/content",
                new { fileName = "edited.docx", content = Convert.ToBase64String(bytes) }), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);

        var kept = await factory.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(victimName, kept.Recipient);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(kept.Content)), kept.Sha256);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Disclosure && e.EntityId == id.ToString()
            && e.SubjectPersonId == c.VictimId)));
        var victim = await JsonAsync(await client.GetAsync(victimUrl));
        Assert.Contains(victim.GetProperty("contacts").EnumerateArray(), x => x.GetProperty("method").GetString() == "Letter" && x.GetProperty("outcome").GetString() == "Sent");
    }

    [Fact]
    public async Task ALetterToAVictimWhoSaidNoContact_IsRefusedNamingTheRule_AndNothingIsMade()
    {
        var (client, c, victimId, victimUrl) = await VictimAsync(agreedToContact: false);
        var refused = await client.PostAsJsonAsync("/api/v1/documents", new { templateId = await TemplateAsync(client, "victim-rj-invitation"), subject = "Victim", subjectId = victimId });
        Assert.Contains("do not want to be contacted", await ProblemAsync(refused, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.CaseId == c.CaseId)));

        // Agreed when the letter was made, withdrawn before it went: sending is refused, the letter stays a draft.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, victimUrl + "/choices", new { kind = "Contact", agreed = true, on = Day(0) })).StatusCode);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "victim-rj-invitation"), subject = "Victim", subjectId = victimId }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, victimUrl + "/choices", new { kind = "Contact", agreed = false, on = Day(0) })).StatusCode);
        var send = await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Post", recipient = "The victim" });
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Contains("do not want to be contacted", (await JsonAsync(send)).GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(Mend.Web.Features.Documents.DocumentStatus.Draft, await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACourtReport_HoldsOnlyTheViewsAVictimAgreedToShare_AndSendingItRecordsTheDisclosure()
    {
        var (client, c, victimId, victimUrl) = await VictimAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, victimUrl + "/views",
            new { decisionMaker = "Court", views = "I want him to understand the damage to my shop.", wantsToAttend = false, on = Day(0) })).StatusCode);
        var other = await AssessmentCase.AddVictimAsync(factory, client, c.CaseId, "Jo", "Reyes" + Guid.NewGuid().ToString("N")[..4]);
        var otherUrl = $"/api/v1/cases/{c.CaseId}/victims/{other}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(otherUrl, new { source = "PolicePassedDetails", receivedOn = Day(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, otherUrl + "/views",
            new { decisionMaker = "Court", views = "Private: not to be shared.", wantsToAttend = false, on = Day(0) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, victimUrl + "/views",
            new { decisionMaker = "ReferralOrderPanel", views = "For the panel only.", wantsToAttend = true, on = Day(0) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, victimUrl + "/choices", new { kind = "ShareViews", agreed = true, on = Day(0) })).StatusCode);
        var order = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Day(-20), convictedOn = Day(-30), endsOn = Day(300), decidedBy = "Exampletown Youth Court" });
        var orderId = (await JsonAsync(order)).GetProperty("id").GetGuid();

        var made = await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "court-progress-report"), subject = "Order", subjectId = orderId }));
        var id = made.GetProperty("id").GetGuid();
        var text = string.Join("\n", WordTemplate.Paragraphs(await (await client.GetAsync($"/api/v1/documents/{id}/content")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("understand the damage to my shop", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private: not to be shared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("For the panel only", text, StringComparison.Ordinal);
        var letter = await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "appointment-letter"), subject = "Order", subjectId = orderId }));
        Assert.Null(await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == letter.GetProperty("id").GetGuid()).Select(d => d.IncludedViews).SingleAsync()));
        Assert.Contains("To: Exampletown Youth Court", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Court", recipient = "Exampletown Youth Court" })).StatusCode);
        var shares = await factory.WithDbAsync(db => db.Victims.Where(v => v.Id == victimId).SelectMany(v => v.Views).SelectMany(w => w.Shares).ToListAsync());
        Assert.Equal("Exampletown Youth Court", Assert.Single(shares).SharedWith);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Disclosure && e.EntityId == victimId.ToString())));
    }

    [Fact]
    public async Task Templates_AreCheckedOnUpload_VersionedWithTheOldKept_AndDocumentsNameTheirVersion()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var unknown = TemplateWriter.Write("Dear {victim.name}, your {victim.shoeSize}", "OFFICIAL");
        var refused = await admin.PostAsJsonAsync("/api/v1/document-templates",
            new { name = "Odd letter", subject = "Victim", purpose = "Letter", fileName = "odd.docx", content = Convert.ToBase64String(unknown) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("victim.shoeSize", (await JsonAsync(refused)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var macro = await admin.PostAsJsonAsync("/api/v1/document-templates",
            new { name = "Macro letter", subject = "Victim", purpose = "Letter", fileName = "macro.docm", content = Convert.ToBase64String(unknown) });
        Assert.Contains(".docm", (await JsonAsync(macro)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var added = await admin.PostAsJsonAsync("/api/v1/document-templates", new
        {
            name = "Thank you letter " + Guid.NewGuid().ToString("N")[..6],
            subject = "Victim",
            purpose = "Letter",
            fileName = "thanks.docx",
            content = Convert.ToBase64String(TemplateWriter.Write("Dear {victim.firstName},\n\nThank you.", "OFFICIAL")),
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var templateId = (await JsonAsync(added)).GetProperty("id").GetInt32();
        var second = await SendAsync(admin, HttpMethod.Post, $"/api/v1/document-templates/{templateId}/versions",
            new { fileName = "thanks-2.docx", note = "Warmer wording", content = Convert.ToBase64String(TemplateWriter.Write("Dear {victim.firstName},\n\nThank you so much.", "OFFICIAL")) });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var withTwo = await JsonAsync(second);
        Assert.Equal(2, withTwo.GetProperty("versions").GetArrayLength());
        Assert.Equal(2, withTwo.GetProperty("currentVersion").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/document-templates/{templateId}/versions/1/content")).StatusCode);

        var (client, _, victimId, _) = await VictimAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/document-templates",
            new { name = "Mine", subject = "Victim", purpose = "Letter", fileName = "mine.docx", content = Convert.ToBase64String(unknown) })).StatusCode);
        var made = await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents", new { templateId, subject = "Victim", subjectId = victimId }));
        Assert.Equal(2, made.GetProperty("templateVersion").GetInt32());
        var text = string.Join("\n", WordTemplate.Paragraphs(await (await client.GetAsync($"/api/v1/documents/{made.GetProperty("id").GetGuid()}/content")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("Thank you so much.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryStarterTemplate_IsInstalled_AndUsesOnlyKnownFields()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var keys = (await JsonAsync(await admin.GetAsync("/api/v1/document-templates"))).EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToList();
        foreach (var key in new[]
                 {
                     "victim-first-contact", "victim-rj-invitation", "young-person-rj-invitation", "appointment-letter", "first-warning", "final-warning",
                     "referral-order-contract", "referral-order-panel-report", "court-progress-report", "court-breach-report", "parish-hall-report",
                     "victim-end-of-service", "apology-cover-letter", "feedback-invitation", "outcome-agreement",
                 })
        {
            Assert.Contains(key, keys);
        }
    }
    [Fact]
    public async Task ADraft_IsReplacedByAVersionEditedInWord_ButNeverByAMacroFile()
    {
        var (client, _, victimId, _) = await VictimAsync();
        var made = await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "apology-cover-letter"), subject = "Victim", subjectId = victimId }));
        var id = made.GetProperty("id").GetGuid();
        var edited = TemplateWriter.Write("Dear Sam,\n\nThe letter is enclosed, as we agreed on the phone.", "OFFICIAL-SENSITIVE");

        var replaced = await SendAsync(client, HttpMethod.Put, $"/api/v1/documents/{id}/content", new { fileName = "edited.docx", content = Convert.ToBase64String(edited) });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await JsonAsync(replaced);
        Assert.True(after.GetProperty("edited").GetBoolean());
        Assert.NotEqual(made.GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
        Assert.Contains("as we agreed on the phone", string.Join("\n", WordTemplate.Paragraphs(
            await (await client.GetAsync($"/api/v1/documents/{id}/content")).Content.ReadAsByteArrayAsync())), StringComparison.Ordinal);

        byte[] macro;
        using (var stream = new MemoryStream())
        {
            using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument))
            {
                word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Hello")))));
            }

            macro = stream.ToArray();
        }

        var refused = await SendAsync(client, HttpMethod.Put, $"/api/v1/documents/{id}/content", new { fileName = "edited.docx", content = Convert.ToBase64String(macro) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("macro", (await JsonAsync(refused)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(after.GetProperty("sha256").GetString(), await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Sha256).SingleAsync()));
    }

    [Fact]
    public async Task SomeoneWhoCannotSeeTheCase_CanNeitherMakeNorReadNorSendItsDocuments()
    {
        var (client, c, victimId, _) = await VictimAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "victim-first-contact"), subject = "Victim", subjectId = victimId }))).GetProperty("id").GetGuid();
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Restrict([(Guid.NewGuid(), "Named Person")], "Morgan Manager", factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var other = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(other, "victim-first-contact"), subject = "Victim", subjectId = victimId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}/content?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(other, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Post", recipient = "Anyone" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Documents/{id}")).StatusCode);
        Assert.Equal(Mend.Web.Features.Documents.DocumentStatus.Draft, await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task ATemplateWithAMergeFieldWordSplitAcrossRuns_IsUploaded_AndItsDocumentsFilled()
    {
        byte[] split;
        using (var stream = new MemoryStream())
        {
            using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            {
                word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(
                    new Paragraph(
                        new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Dear ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                        new Run(new FieldCode(" MERGEFIELD  victim.") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                        new Run(new FieldCode("first")),
                        new Run(new FieldCode("Name ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                        new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("«victim.firstName»")),
                        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                        new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(",")))));
            }

            split = stream.ToArray();
        }

        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var added = await admin.PostAsJsonAsync("/api/v1/document-templates", new
        {
            name = "Short note " + Guid.NewGuid().ToString("N")[..6],
            subject = "Victim",
            purpose = "Letter",
            fileName = "note.docx",
            content = Convert.ToBase64String(split),
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var (client, c, victimId, _) = await VictimAsync();
        var made = await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = (await JsonAsync(added)).GetProperty("id").GetInt32(), subject = "Victim", subjectId = victimId }));
        var bytes = await (await client.GetAsync($"/api/v1/documents/{made.GetProperty("id").GetGuid()}/content")).Content.ReadAsByteArrayAsync();
        Assert.Equal(["Dear Sam,"], WordTemplate.Paragraphs(bytes));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(document.MainDocumentPart!.Document!.Body!.Descendants<FieldCode>());
    }
    [Fact]
    public async Task ALetterWhoseAddressTheVictimSaidNotToUse_OrByABlockedMethod_IsNotRecordedAsSent()
    {
        var (client, c, victimId, victimUrl) = await VictimAsync();
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents",
            new { templateId = await TemplateAsync(client, "feedback-invitation"), subject = "Victim", subjectId = victimId }))).GetProperty("id").GetGuid();
        var addressId = await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.AddressId).SingleAsync());
        Assert.NotNull(addressId);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Put, victimUrl + "/details",
            new { source = "PolicePassedDetails", receivedOn = Day(-1), blockedMethods = new[] { "Email" }, unsafeAddressIds = new[] { addressId } })).StatusCode);

        var post = await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Post", recipient = "The victim" });
        Assert.Contains("must not be used", (await JsonAsync(post)).GetProperty("errors").GetProperty("method")[0].GetString(), StringComparison.Ordinal);
        var email = await SendAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/sent", new { method = "Email", recipient = "The victim" });
        Assert.Contains("must not be contacted by email", (await JsonAsync(email)).GetProperty("errors").GetProperty("method")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Mend.Web.Features.Documents.DocumentStatus.Draft, await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }
}
