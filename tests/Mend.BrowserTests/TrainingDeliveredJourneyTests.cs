using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TrainingDeliveredJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task APractitioner_RecordsTrainingForTheHonoraryPolice_FixingErrors_EveryPageAccessible()
    {
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        await page.GetByRole(AriaRole.Link, new() { Name = "Record training you gave" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a session" }).ClickAsync();
        await page.GetByLabel("Topic").FillAsync("Restorative approaches at Parish Hall Enquiries");
        await page.GetByLabel("Honorary Police").CheckAsync();
        await page.GetByLabel("How long, in hours").FillAsync("2.25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("to the half hour");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("List who attended");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "training-session-errors");

        await page.GetByLabel("How long, in hours").FillAsync("2.5");
        await page.GetByLabel("Who attended").FillAsync("Centenier A. Le Brun, St Helier parish\nVingtenier B. Vibert, St Helier parish");
        await page.GetByLabel("Feedback forms returned").FillAsync("2");
        await page.GetByLabel("Their average rating, out of 5").FillAsync("4.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("2 attended");
        await Assertions.Expect(page.Locator("#figures")).ToContainTextAsync("Honorary Police");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "training-sessions");
    }
}
