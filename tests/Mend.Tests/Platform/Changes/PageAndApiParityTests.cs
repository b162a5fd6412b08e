using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Tests.Processes;
using Mend.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform.Changes;

/// <summary>
/// The page and the API are two adapters over one change (decision 0010): for the same request they give the same
/// answer, write the same audit rows and use the same "today". The clock is set to 23:30 UTC in British Summer Time,
/// when the UTC date is a day behind the UK date.
/// </summary>
public sealed class PageAndApiParityTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    /// <summary>00:30 on 15 June 2027 in the UK; still 14 June in UTC.</summary>
    private static readonly DateTimeOffset HalfPastMidnightInBst = new(2027, 6, 14, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly UkToday = new(2027, 6, 15);

    private async Task<(HttpClient Client, Guid ProcessId, Guid VictimId)> ProcessAtHalfPastMidnightAsync()
    {
        if (Factory.Clock.GetUtcNow() < HalfPastMidnightInBst)
        {
            Factory.Clock.SetUtcNow(HalfPastMidnightInBst);
        }

        var (client, c, processId) = await ReadyConferenceAsync(assess: false);
        return (client, processId, c.VictimId);
    }

    private static async Task<HttpResponseMessage> PreparationPageAsync(HttpClient client, Guid processId, Guid personId, DateOnly heldOn)
    {
        var url = $"/Processes/{processId}/Preparation";
        var version = (await client.GetPageAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.SubmitAsync(url, [new("Version", version), new("Input.PersonId", personId.ToString()),
            new("Input.HeldOn.Day", heldOn.Day.ToString()), new("Input.HeldOn.Month", heldOn.Month.ToString()), new("Input.HeldOn.Year", heldOn.Year.ToString())]);
    }

    private async Task<int> SessionsAsync(Guid processId) =>
        await Factory.WithDbAsync(db => db.RjProcesses.Where(p => p.Id == processId).SelectMany(p => p.Preparation).CountAsync());

    [Fact]
    public async Task TheUkDateAtHalfPastMidnightInSummer_IsToday_ForThePageAndTheApi()
    {
        var (client, processId, victimId) = await ProcessAtHalfPastMidnightAsync();
        Assert.Equal(new DateOnly(2027, 6, 14), DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime));

        var page = await PreparationPageAsync(client, processId, victimId, UkToday);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var api = await PostAsync(client, $"/api/v1/processes/{processId}/preparation", new { personId = victimId, heldOn = UkToday });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(2, await SessionsAsync(processId));
    }

    [Fact]
    public async Task TheDayAfterTheUkToday_IsRefusedWithTheSameMessageOnTheSameField_AndNothingIsSaved()
    {
        var (client, processId, victimId) = await ProcessAtHalfPastMidnightAsync();
        var tomorrow = UkToday.AddDays(1);

        var page = await PreparationPageAsync(client, processId, victimId, tomorrow);
        var api = await PostAsync(client, $"/api/v1/processes/{processId}/preparation", new { personId = victimId, heldOn = tomorrow });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Html.ParseAsync(page);
        var apiMessage = await ErrorAsync(api, "heldOn");
        Assert.Equal([apiMessage], document.ErrorSummary());
        Assert.Equal("#Input_HeldOn", document.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(0, await SessionsAsync(processId));
    }

    [Fact]
    public async Task ReadingAProcess_ByPageOrApi_WritesTheSameAuditRows()
    {
        var (client, processId, _) = await ProcessAtHalfPastMidnightAsync();

        var viaPage = await ViewRowsAsync(processId, () => client.GetAsync($"/Processes/{processId}"));
        var viaApi = await ViewRowsAsync(processId, () => client.GetAsync($"/api/v1/processes/{processId}"));

        Assert.Equal(2, viaPage.Count);
        Assert.Equal(viaPage, viaApi);
    }

    [Fact]
    public async Task ReadingACase_ByPageOrApi_WritesTheSameAuditRows()
    {
        var (client, processId, _) = await ProcessAtHalfPastMidnightAsync();
        var caseId = await Factory.WithDbAsync(db => db.RjProcesses.Where(p => p.Id == processId).Select(p => p.CaseId).SingleAsync());

        var viaPage = await ViewRowsAsync(caseId, () => client.GetAsync($"/Cases/{caseId}"));
        var viaApi = await ViewRowsAsync(caseId, () => client.GetAsync($"/api/v1/cases/{caseId}"));

        Assert.NotEmpty(viaPage);
        Assert.Equal(viaPage, viaApi);
    }

    /// <summary>The view rows one request adds about a record: type, id, person and purpose, in order.</summary>
    private async Task<List<string>> ViewRowsAsync(Guid entityId, Func<Task<HttpResponseMessage>> read)
    {
        var before = await Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        Assert.Equal(HttpStatusCode.OK, (await read()).StatusCode);
        return await Factory.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Id > before && e.Action == AuditAction.View && e.EntityId == entityId.ToString())
            .OrderBy(e => e.SubjectPersonId).ThenBy(e => e.Purpose)
            .Select(e => $"{e.EntityType} {e.EntityId} {e.SubjectPersonId} {e.Purpose}").ToListAsync());
    }
}
