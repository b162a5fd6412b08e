using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DataProtectionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task DataProtectionOfficer_TakesASubjectAccessRequestFromReceiptToRelease_WithASecondOfficersSignOff_EveryPageAccessible()
    {
        var family = "Okonkwo" + new string(Guid.NewGuid().ToByteArray().Take(5).Select(b => (char)('a' + (b % 26))).ToArray());
        var worker = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        await AssessmentPages.CaseWithVictimAsync(worker, browser.App, "Criminal damage", "Ada", family);

        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.DataProtectionOfficer]));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find what is held about a person" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Ada " + family);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-people-search");
        await page.Locator("#results").GetByRole(AriaRole.Link, new() { Name = "Ada " + family }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("What is held about Ada " + family);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Criminal damage");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-what-is-held");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record a subject-access request" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter who made the request");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-request-new-errors");

        var received = browser.App.Clock.GetUtcNow().AddDays(-3);
        await page.GetByLabel("Who made the request").FillAsync("Ada " + family + " herself, by e-mail");
        await page.GetByLabel("UK GDPR").CheckAsync();
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date the request was received" });
        await date.GetByLabel("Day").FillAsync(received.Day.ToString());
        await date.GetByLabel("Month").FillAsync(received.Month.ToString());
        await date.GetByLabel("Year").FillAsync(received.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deadline")).ToContainTextAsync("Answer by");
        await Assertions.Expect(page.Locator("#suggestions")).ToContainTextAsync("Jordan Pryce");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-request");
        var requestUrl = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Keep these out" }).ClickAsync();
        await Assertions.Expect(page.Locator("#redactions")).ToContainTextAsync("Jordan Pryce");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the bundle" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Bundle made");
        await Assertions.Expect(page.Locator("#own")).ToContainTextAsync("another data protection officer must check and sign it off");
        var bundle = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the bundle (ZIP)" }).ClickAsync());
        Assert.EndsWith(".zip", bundle.SuggestedFilename, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-request-prepared");

        var second = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.DataProtectionOfficer]));
        await second.GotoAsync(requestUrl);
        await second.GetByRole(AriaRole.Button, new() { Name = "I have checked it: sign it off" }).ClickAsync();
        await Assertions.Expect(second.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Signed off");
        await second.GetByRole(AriaRole.Button, new() { Name = "Record the release" }).ClickAsync();
        await Assertions.Expect(second.Locator(".govuk-error-summary")).ToContainTextAsync("Enter how the bundle was sent");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(second);
        await second.GetByLabel("How the bundle was sent").FillAsync("Secure e-mail to the address on file");
        await second.GetByRole(AriaRole.Button, new() { Name = "Record the release" }).ClickAsync();
        await Assertions.Expect(second.Locator("#status")).ToContainTextAsync("Released");
        await Accessibility.AssertNoViolationsAsync(second);
        await Accessibility.ScreenshotAsync(second, "dp-request-released");

        await second.GotoAsync("/DataProtection/Disclosures");
        await Assertions.Expect(second.Locator("#disclosures")).ToContainTextAsync("Subject access release");
        await Accessibility.AssertNoViolationsAsync(second);
        await Accessibility.ScreenshotAsync(second, "dp-disclosure-log");
        await second.GotoAsync("/DataProtection/Requests");
        await Accessibility.AssertNoViolationsAsync(second);
        await Accessibility.ScreenshotAsync(second, "dp-requests");
    }

    [Fact]
    public async Task DataProtectionOfficer_SeesDisposalsAndPlacesALegalHold_AWrongHoldIsRefusedOnItsFields()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.DataProtectionOfficer]));
        await page.GotoAsync("/DataProtection/Disposals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check what is due now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-disposals");
        await page.GotoAsync("/DataProtection/Destroyed");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/DataProtection/Holds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" }).ClickAsync();
        await page.GetByLabel("Case reference").FillAsync("YJ-1999-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place the hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("No case has that reference");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-hold-errors");
    }

    [Fact]
    public async Task DataProtectionOfficer_MakesASharingAgreement_AndRestrictsAPerson_ThePartnerSeesOnlyWhatItAllows()
    {
        var family = "Achterberg" + new string(Guid.NewGuid().ToByteArray().Take(5).Select(b => (char)('a' + (b % 26))).ToArray());
        var worker = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(worker, browser.App, "Criminal damage", "Bea", family);
        var reference = await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference)));
        var partnerUser = await TestUsers.CreateAsync(browser.App, [Roles.Partner]);
        var partnerEmail = await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Id == partnerUser.Id).Select(u => u.Email!)));

        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.DataProtectionOfficer]));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep the information-sharing agreements with partner agencies" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an agreement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date the agreement starts");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-agreement-errors");

        var today = browser.App.Clock.GetUtcNow();
        await page.GetByLabel("Or its name, if it is not in the directory").FillAsync("Exampleshire Police");
        await page.GetByLabel("What the sharing is for").FillAsync("Joint decisions on out-of-court disposals");
        await page.GetByLabel("Lawful basis").FillAsync("UK GDPR Article 6(1)(e); DPA 2018 Schedule 1 paragraph 6");
        await page.GetByLabel("Names, dates of birth and parts on the case").CheckAsync();
        await page.GetByLabel("Cases it names (optional)").FillAsync(reference);
        foreach (var (group, day) in new[] { ("Starts on", today.AddDays(-1)), ("Ends on", today.AddMonths(6)), ("Review by", today.AddMonths(3)) })
        {
            var fields = page.GetByRole(AriaRole.Group, new() { Name = group });
            await fields.GetByLabel("Day").FillAsync(day.Day.ToString());
            await fields.GetByLabel("Month").FillAsync(day.Month.ToString());
            await fields.GetByLabel("Year").FillAsync(day.Year.ToString());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#terms")).ToContainTextAsync(reference);
        await page.GetByLabel("Add a user by e-mail address").FillAsync(partnerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users")).ToContainTextAsync(partnerEmail);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-agreement");

        // The victim asks for their processing to be restricted; the officer meets it.
        await page.GotoAsync("/DataProtection/People");
        await page.GetByLabel("Name").FillAsync("Bea " + family);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("#results").GetByRole(AriaRole.Link, new() { Name = "Bea " + family }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a request to correct or restrict" }).ClickAsync();
        await page.GetByLabel("Restrict processing").CheckAsync();
        await page.GetByLabel("UK GDPR").CheckAsync();
        var received = page.GetByRole(AriaRole.Group, new() { Name = "Date the request was received" });
        await received.GetByLabel("Day").FillAsync(today.Day.ToString());
        await received.GetByLabel("Month").FillAsync(today.Month.ToString());
        await received.GetByLabel("Year").FillAsync(today.Year.ToString());
        await page.GetByLabel("What they ask").FillAsync("Objects to their details being shared with the police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("What the restriction covers and how they were told, or why it is refused").FillAsync("All processing; told by letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restrict processing" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Met");
        await Accessibility.ScreenshotAsync(page, "dp-rights-request");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bea " + family }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#restricted")).ToContainTextAsync("Objects to their details being shared");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "dp-person-restricted");

        var partner = await SignInPage.SignInAsync(browser, partnerUser);
        await partner.GotoAsync("/");
        await partner.GetByRole(AriaRole.Link, new() { Name = "See the cases shared with your organisation" }).ClickAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(partner.Locator("#shared")).ToContainTextAsync("Jordan Pryce");
        await Assertions.Expect(partner.Locator("#shared")).ToContainTextAsync("Restricted record: not shared");
        await Assertions.Expect(partner.Locator("#shared")).Not.ToContainTextAsync(family);
        await Accessibility.AssertNoViolationsAsync(partner);
        await Accessibility.ScreenshotAsync(partner, "partner-case");
    }
}
