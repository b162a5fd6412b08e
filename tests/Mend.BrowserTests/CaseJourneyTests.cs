using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Practitioner_AddsAPersonRecordsAReferralAndANote_EveryPageAccessible()
    {
        var user = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, user);
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);

        await page.GotoAsync("/People");
        await Accessibility.AssertNoViolationsAsync(page);
        // Errors on Add a person: the summary's links reach their fields (they once pointed nowhere), and a month may be typed as a word.
        await page.GotoAsync("/People/Create");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("apr");
        await page.GetByLabel("Year").FillAsync("2012");
        await page.GetByLabel("Postcode (optional)").FillAsync("not a postcode");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the person's name");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Date of birth must be a real date");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "person-errors");

        await page.GotoAsync("/");
        await CasePages.AddPersonAsync(page, "Riley", "Ashworth", today.AddYears(-15));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Riley Ashworth");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "person");

        // Warnings are shown at the top of the person's pages.
        await page.GetByRole(AriaRole.Button, new() { Name = "Warnings" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Risk to staff").CheckAsync();
        await page.GetByLabel("Details (optional)").FillAsync("Two staff at every visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add warning" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mend-flags")).ToContainTextAsync("Risk to staff: Two staff at every visit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start a referral for this young person" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record referral" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select where the referral came from");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "refer-errors");

        await page.GetByLabel("Police").CheckAsync();
        await CasePages.FillDateAsync(page, "Date received", today.AddDays(-2));
        await page.GetByLabel("Name of the person who made the referral").FillAsync("PC Dana Hale");
        await page.GetByLabel("Offence").SelectOptionAsync(new SelectOptionValue { Label = "Criminal damage: Criminal damage (gravity 2)" });
        await CasePages.FillDateAsync(page, "Date of the offence", today.AddDays(-9));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record referral" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Referral recorded as case RJ-");
        await Assertions.Expect(page.Locator(".mend-flags")).ToContainTextAsync("Riley Ashworth: Risk to staff");

        await page.GetByLabel("Accept the referral and open the case").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Referral accepted");

        // The history comes first; the note form opens from one action above it.
        Assert.False(await page.GetByLabel("Phone call").IsVisibleAsync());
        await page.Locator("#add-note summary").ClickAsync();
        await page.GetByLabel("Phone call").CheckAsync();
        await CasePages.FillDateAsync(page, "When it happened", today);
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Spoke to Riley's dad about a first visit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".moj-timeline")).ToContainTextAsync("Spoke to Riley's dad about a first visit.");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "case");
        var caseUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Correct this note" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Files" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a file");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "letter.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%%EOF\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add file" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("letter.pdf");
        await Accessibility.ScreenshotAsync(page, "files");
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the case" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "manage-practitioner");

        await page.GotoAsync("/Cases?view=team");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Riley Ashworth");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "cases");

        await page.GotoAsync("/People");
        await page.GetByLabel("Name").FillAsync("Rilye Ashwort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#search-results")).ToContainTextAsync("Riley Ashworth");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "people-search");
    }

    [Fact]
    public async Task Administrator_EveryPageReachable_IsAccessible()
    {
        var admin = await TestUsers.CreateAsync(browser.App, [Roles.Administrator]);
        var page = await SignInPage.SignInAsync(browser, admin);
        foreach (var url in new[] { "/", "/Admin/Users", "/Admin/OffenceTypes", "/Admin/OffenceTypes/Edit/1", "/Admin/Users/Invite", $"/Admin/Users/Edit/{admin.Id}", $"/Admin/Users/IssueToken/{admin.Id}", "/Admin/Audit", "/Account", "/Account/ChangePassword", "/Accessibility", "/Privacy" })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/Admin/OffenceTypes");
        await Accessibility.ScreenshotAsync(page, "admin-offences");
    }

    [Fact]
    public async Task Manager_ManagePagesAndMerge_AreAccessible()
    {
        var manager = await TestUsers.CreateAsync(browser.App, [Roles.Manager]);
        var page = await SignInPage.SignInAsync(browser, manager);
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        await CasePages.AddPersonAsync(page, "Morgan", "Blaek", today.AddYears(-16));
        await CasePages.AddPersonAsync(page, "Morgan", "Blake", today.AddYears(-16));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Morgan Blake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge a duplicate record" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Assertions.Expect(page.Locator("form").Last).ToContainTextAsync("Morgan Blaek");
        await Accessibility.ScreenshotAsync(page, "merge");

        await page.GotoAsync("/Cases/BrokenGlass");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync("/Cases?view=referrals");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
