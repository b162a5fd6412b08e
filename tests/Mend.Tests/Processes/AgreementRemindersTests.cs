using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Processes;

/// <summary>Reminders of open agreement items: once when due soon, once when overdue, never for items marked.</summary>
public sealed class AgreementRemindersTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    private async Task<int> RunAsync()
    {
        var done = 0;
        await Factory.WithScopeAsync(async services => done = await services.GetRequiredService<AgreementReminders>().RunAsync(default));
        return done;
    }

    private async Task<List<string>> NotificationsAsync(Guid userId, Guid processId) =>
        await Factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link == $"/Processes/{processId}#agreement").Select(n => n.Text).ToListAsync());

    [Fact]
    public async Task OpenItems_AreRemindedOnceBeforeTheyAreDue_AndOnceWhenOverdue_ButNotOnceMarked()
    {
        var (client, c, processId) = await ReadyConferenceAsync();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        client = await SignIn.AsAsync(Factory, Practitioner!);
        var url = $"/api/v1/processes/{processId}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/record", new { record = "Held." })).StatusCode);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await PostAsync(client, url + "/agreement", new { kind = "Apology", what = "Letter of apology to Sam", who = "Kai", dueOn = today.AddDays(20) });
        var added = await JsonAsync(await PostAsync(client, url + "/agreement", new { kind = "Donation", what = "Donation to the food bank", who = "Kai", dueOn = today.AddDays(20) }));
        var donation = added.GetProperty("agreement").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Donation").GetProperty("id").GetInt64();

        await RunAsync();
        Assert.Empty(await NotificationsAsync(facilitator.Id, processId));

        Factory.Clock.Advance(TimeSpan.FromDays(14));
        await RunAsync();
        await RunAsync();
        var soon = await NotificationsAsync(facilitator.Id, processId);
        Assert.Equal(2, soon.Count);
        Assert.Contains(soon, n => n.Contains("is due on", StringComparison.Ordinal) && n.Contains("Letter of apology", StringComparison.Ordinal));
        Assert.Contains(Directory.GetFiles(Factory.MailFolder).Select(File.ReadAllText), m => m.Contains("an agreement item is due soon", StringComparison.Ordinal) && !m.Contains("apology", StringComparison.Ordinal));

        client = await SignIn.AsAsync(Factory, Practitioner!);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/agreement/settle", new { itemId = donation, done = true })).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        await RunAsync();
        await RunAsync();
        var all = await NotificationsAsync(facilitator.Id, processId);
        Assert.Equal(3, all.Count);
        Assert.Contains(all, n => n.Contains("is not marked done: Letter of apology", StringComparison.Ordinal));
    }
}
