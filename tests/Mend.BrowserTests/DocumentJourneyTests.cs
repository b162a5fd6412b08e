using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DocumentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Practitioner_MakesALetterFromATemplate_DownloadsItAsWordAndPdf_AndRecordsItAsSent_EveryPageAccessible()
    {
        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, user);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Mo", "Adeyemi");

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Letters and reports" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No letters or reports have been made on this case yet");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a letter or report" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "documents-make");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the letter or report to make");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Restorative justice invitation to a young person").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Draft made");
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("Putting things right");
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("Criminal damage");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "document-draft");

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word document (.docx)" }).ClickAsync());
        var wordPath = await word.PathAsync();
        var text = string.Join("\n", WordTemplate.Paragraphs(await File.ReadAllBytesAsync(wordPath!)));
        Assert.Contains("Putting things right", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[child.", text, StringComparison.Ordinal);
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await pdf.PathAsync())!))[..4]), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record as sent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select how it was sent");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Post").CheckAsync();
        await page.GetByLabel("Who was it sent to?").FillAsync("The young person and their mother");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as sent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Recorded as sent");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sent");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record as sent" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "document-sent");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to letters and reports" }).ClickAsync();
        await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("to The young person and their mother");
        await Accessibility.ScreenshotAsync(page, "documents");
    }
    [Fact]
    public async Task Administrator_UploadsANewVersionOfAStarterTemplate_AndABrokenFileIsRefusedOnItsField_EveryPageAccessible()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Administrator]));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#templates")).ToContainTextAsync("Final warning letter");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "templates");

        await page.GetByRole(AriaRole.Link, new() { Name = "Appointment letter" }).ClickAsync();
        var current = await page.RunAndWaitForDownloadAsync(() => page.Locator("#versions a").First.ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await current.PathAsync())!);
        Assert.Contains(WordTemplate.Inspect(bytes).Fields, f => f.Field.Name == "order.nextAppointment");

        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "appointment.docx", MimeType = "application/octet-stream", Buffer = "not a word file"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "template-refused");

        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "appointment.docx", MimeType = "application/octet-stream", Buffer = bytes });
        await page.GetByLabel("What changed (optional)").FillAsync("Same wording, checked by the team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Version 2 uploaded");
        await Assertions.Expect(page.Locator("#versions")).ToContainTextAsync("Same wording, checked by the team");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "template");

        await page.GotoAsync("/Admin/Templates/Add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the template" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the template's name");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
    }
    [Fact]
    public async Task Practitioner_PrintsTheLettersDue_AsOneRun_EachKeptOnItsCase()
    {
        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, user);
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Ola", "Benn");
        await browser.App.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            @case.Accept("Suitable", "Test", browser.App.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        var headers = new Dictionary<string, string> { ["If-Match"] = "*" };
        async Task<System.Text.Json.JsonElement> PostAsync(string url, object body)
        {
            var response = await page.Context.APIRequest.PostAsync(url, new() { DataObject = body, Headers = headers });
            Assert.True(response.Ok, $"{url}: {response.Status} {await response.TextAsync()}");
            return (await response.JsonAsync())!.Value;
        }

        var orderId = (await PostAsync($"/api/v1/cases/{caseId}/orders", new { kind = "YouthRehabilitationOrder", decidedOn = today.AddDays(-30), convictedOn = today.AddDays(-40), endsOn = today.AddDays(300) }))
            .GetProperty("id").GetGuid();
        var contacts = await PostAsync($"/api/v1/orders/{orderId}/contacts", new { at = today.AddDays(-2).ToDateTime(new TimeOnly(10, 0)), purpose = "Supervision" });
        var contactId = contacts.GetProperty("contacts")[0].GetProperty("id").GetInt64();
        await PostAsync($"/api/v1/orders/{orderId}/attendance", new { contactId, attendance = "UnacceptableAbsence", reason = "No reason given" });
        await PostAsync($"/api/v1/orders/{orderId}/warnings", new { contactId, givenOn = today });
        await PostAsync($"/api/v1/orders/{orderId}/contacts", new { at = today.AddDays(4).ToDateTime(new TimeOnly(15, 30)), purpose = "Supervision" });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Make and print the letters due today (warnings, appointments)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#letters")).ToContainTextAsync("First warning letter to Jordan Pryce");
        await Assertions.Expect(page.Locator("#letters")).ToContainTextAsync("Appointment letter to Jordan Pryce");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "letters-due");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the print run" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("recorded as posted today");
        await Assertions.Expect(page.Locator("#run")).ToContainTextAsync("(sent by post to Jordan Pryce)");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "print-run");
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the run to print (PDF)" }).ClickAsync());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await pdf.PathAsync())!))[..4]), StringComparison.Ordinal);
    }
}
