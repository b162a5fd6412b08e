using Mend.BrowserTests.Pages;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.People;
using Mend.Web.Features.Visits;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class VisitJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// Moves the shared clock on to 09:00 UK time unless it is between 08:00 and 18:00 already, so that these journeys'
    /// visits (up to three hours ahead) never cross midnight, whenever the suite runs and however far other tests moved the clock.
    /// </summary>
    private void InWorkingHours()
    {
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        if (Mend.Web.Platform.Time.London.ToLondonTime(now).Hour is >= 8 and < 18)
        {
            return;
        }

        var day = Mend.Web.Platform.Time.London.DateOf(now);
        var nine = Mend.Web.Platform.Time.London.StartOfDayUtc(day).AddHours(9);
        browser.App.Clock.Advance((nine > now ? nine : Mend.Web.Platform.Time.London.StartOfDayUtc(day.AddDays(1)).AddHours(9)) - now);
    }

    private static async Task FillTimeAsync(IPage page, string label, DateTime utc) =>
        await page.GetByLabel(label, new() { Exact = true }).FillAsync(Mend.Web.Platform.Time.London.ToLondonTime(utc).ToString("HH:mm"));

    [Fact]
    public async Task AWorker_PlansAVisitSeeingTheRisks_NeedsASecondWorkerWhenWarned_AndTheDiaryShowsIt()
    {
        InWorkingHours();
        var buddy = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var second = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var page = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]));
        var caseId = await AssessmentPages.CaseWithVictimAsync(page, browser.App, "Criminal damage", "Vera", "Lowe");
        await browser.App.WithDbAsync(async db =>
        {
            var jordan = await db.CaseParticipants.Where(p => p.CaseId == caseId).Join(db.People, p => p.PersonId, p => p.Id, (_, p) => p).FirstAsync(p => p.GivenName == "Jordan");
            db.PersonFlags.Add(PersonFlag.Raise(jordan.Id, FlagType.DoNotVisitAlone, "Older brother hostile to staff", null, Guid.NewGuid(), "Manager", browser.App.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        await page.GotoAsync($"/Cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#risks")).ToContainTextAsync("Do not visit alone");
        await Assertions.Expect(page.Locator("#risks")).ToContainTextAsync("Older brother hostile to staff");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-plan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter when the visit starts");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a buddy");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);

        var start = browser.App.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await page.GetByLabel("Home visit").CheckAsync();
        await page.GetByLabel("Address or place").FillAsync("12 Oak Road, Exampletown EX1 2AB");
        await FillTimeAsync(page, "Starts at", start);
        await FillTimeAsync(page, "Expected to end at", start.AddHours(1));
        await page.GetByLabel("Your buddy").SelectOptionAsync(buddy.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("choose a second worker");
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-plan-errors");

        await page.GetByLabel("Second worker going with you", new() { Exact = true }).SelectOptionAsync(second.Id.ToString());
        await page.GetByLabel("How are you travelling? (optional)").FillAsync("Pool car WX21 ABC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Visit planned");
        await Assertions.Expect(page.Locator("#risks")).ToContainTextAsync("Do not visit alone");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-view");

        await page.GetByRole(AriaRole.Link, new() { Name = "Print the visit pack" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Whom to call");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-pack");

        await page.GotoAsync("/Visits?show=week");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("12 Oak Road");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-diary-week");
    }

    [Fact]
    public async Task ThePhonePage_At360Pixels_ChecksInExtendsAndChecksOut_WithoutJavaScript_AndAManagerAcknowledgesAnAlertOnTheBoard()
    {
        InWorkingHours();
        var worker = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var buddy = await TestUsers.CreateAsync(browser.App, [Roles.Practitioner]);
        var start = browser.App.Clock.GetUtcNow().UtcDateTime;
        await browser.App.WithDbAsync(async db =>
        {
            foreach (var (address, place, minutes) in new[] { ("Flat 3, 40 Mill Lane, Exampletown EX2 4CD", VisitPlace.Home, 5), ("HMP Exampletown, Gaol Road, EX9 9ZZ", VisitPlace.PrisonOrSecureEstate, 15) })
            {
                db.Visits.Add(Visit.Make(new Visit.Plan(null, null, null, place, address, start.AddMinutes(minutes), start.AddMinutes(minutes + 60), buddy.Id, "Bea Buddy", null, null, "Bus"),
                    worker.Id, "Wes Worker", false, TimeSpan.FromHours(12)));
            }

            return await db.SaveChangesAsync();
        });

        // The phone: a small screen, and no JavaScript at all.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true,
            BaseURL = browser.BaseUrl,
            JavaScriptEnabled = false,
            ViewportSize = new() { Width = 360, Height = 740 },
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/Account/SignIn");
        await phone.GetByLabel("Email address").FillAsync(worker.Email);
        await phone.GetByLabel("Password").FillAsync(worker.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await phone.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(worker.NextCode(browser.App.Clock));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await phone.GotoAsync("/Visits/Now");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Check in" }).First.ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("You are on a visit");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Extend the visit" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("Choose how much longer you need");
        await phone.GetByLabel("30 minutes").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Extend the visit" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Extended");
        await phone.GetByLabel("Your check-out code").FillAsync("not-the-code");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Finish safely" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("That code is not right");
        await phone.GetByLabel("Your check-out code").FillAsync("");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Finish safely" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You have checked out");

        // The same page with scripts, for axe, at the same width: no sideways scrolling, nothing inaccessible.
        var page = await SignInPage.SignInAsync(browser, worker);
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/Visits/Now");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("You are on a visit");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The phone page scrolls sideways at 360 pixels");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-phone-live");
        await page.GetByLabel("Your check-out code").FillAsync("0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish safely" }).ClickAsync();
        await Accessibility.AssertErrorSummaryReachesFieldsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "visit-phone-wrong-code");

        // Not checked out: past the end and the grace, the worker is prompted, then the buddy; the manager takes it on.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(95));
        await browser.App.WithScopeAsync(sp => sp.GetRequiredService<Escalation>().RunAsync(CancellationToken.None));
        browser.App.Clock.Advance(TimeSpan.FromMinutes(11));
        await browser.App.WithScopeAsync(sp => sp.GetRequiredService<Escalation>().RunAsync(CancellationToken.None));
        var manager = await SignInPage.SignInAsync(browser, await TestUsers.CreateAsync(browser.App, [Roles.Manager]));
        await manager.GotoAsync("/Visits/Board");
        await Assertions.Expect(manager.Locator("#board")).ToContainTextAsync("Not checked out");
        await Assertions.Expect(manager.Locator("#board")).ToContainTextAsync("HMP Exampletown");
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "visit-board");
        // Other tests' visits share this app's clock, so their alerts may be on the board too: open this visit's.
        await manager.Locator("#board tr", new() { HasText = "HMP Exampletown" }).Locator("a[href^='/Visits/Alerts/']").ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Bea Buddy");
        await manager.GetByLabel("Acknowledge the alert").FillAsync("Called Wes: still in the prison visit hall, safe");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Alert acknowledged");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Called Wes");
        await Accessibility.AssertNoViolationsAsync(manager);
        await Accessibility.ScreenshotAsync(manager, "visit-alert");
        await context.CloseAsync();
    }
}
