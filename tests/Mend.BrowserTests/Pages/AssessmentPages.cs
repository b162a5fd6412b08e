using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mend.BrowserTests.Pages;

/// <summary>The assessment pages as a practitioner and a manager use them.</summary>
public static class AssessmentPages
{
    /// <summary>Makes a case (young person, offence, victim) through the API in the signed-in user's session; returns the case id.</summary>
    public static async Task<Guid> CaseWithVictimAsync(IPage page, MendFactory app, string offence, string victimGiven, string victimFamily)
    {
        var api = page.Context.APIRequest;
        var now = app.Clock.GetUtcNow();
        async Task<Guid> PostAsync(string url, object body)
        {
            var response = await api.PostAsync(url, new() { DataObject = body });
            Assert.True(response.Ok, $"{url}: {response.Status} {await response.TextAsync()}");
            return (await response.JsonAsync())!.Value.GetProperty("id").GetGuid();
        }

        var youngPerson = await PostAsync("/api/v1/people", new { kind = "Individual", givenName = "Jordan", familyName = "Pryce", dateOfBirth = now.AddYears(-16).ToString("yyyy-MM-dd") });
        var typeId = await app.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == offence).Select(t => t.Id).SingleAsync());
        var caseId = await PostAsync("/api/v1/referrals", new
        {
            youngPersonId = youngPerson,
            source = "Police",
            receivedOn = now.AddDays(-3).ToString("yyyy-MM-dd"),
            referrerName = "PC Dana Hale",
            offenceTypeId = typeId,
            offenceDate = now.AddDays(-10).ToString("yyyy-MM-dd"),
        });
        var victim = await PostAsync("/api/v1/people", new { kind = "Individual", givenName = victimGiven, familyName = victimFamily, statedAge = 34 });
        await app.WithDbAsync(async db =>
        {
            var @case = await db.Cases.Include(c => c.Participants).SingleAsync(c => c.Id == caseId);
            @case.AddParticipant(victim, ParticipantRole.Victim, app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        return caseId;
    }

    public static async Task OpenSectionAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(section);
    }

    public static async Task SaveAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to the task list" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("saved");
    }

    public static ILocator Question(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });
}
