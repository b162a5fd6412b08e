using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PartnerDirectoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AManager_AddsAPartnerAndAContact_ThenFindsItInTheDirectory_EveryPageAccessible()
    {
        var name = "Harbour Boxing Club " + Guid.NewGuid().ToString("N")[..4];
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await page.GetByRole(AriaRole.Link, new() { Name = "Partners", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or change a partner" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Services").FillAsync("Boxing and mentoring for 12 to 17 year olds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether it is statutory, voluntary, private or community");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await page.GetByLabel("Voluntary or charity").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await page.Locator("#agencies").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByLabel("Contact's name").FillAsync("Kim Lee");
        await page.GetByLabel("Role (optional)").FillAsync("Referrals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-list")).ToContainTextAsync("Kim Lee");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "partner-edit");

        await page.GotoAsync("/Partners");
        await page.GetByLabel("Name or service").FillAsync("boxing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("#partners").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.Locator("#contacts")).ToContainTextAsync("Kim Lee, Referrals");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "partner-view");
    }
}
