using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Admin;

/// <summary>Administrators add a newly proclaimed holiday; Victims' Code deadlines skip it at once; the change is audited.</summary>
public sealed class HolidaysTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static (string, string)[] Holiday(string jurisdiction, DateOnly date, string name = "Royal visit", string source = "States of Jersey Act") =>
    [
        ("Add.Jurisdiction", jurisdiction), ("Add.Date.Day", date.Day.ToString()), ("Add.Date.Month", date.Month.ToString()), ("Add.Date.Year", date.Year.ToString()),
        ("Add.Name", name), ("Add.Source", source),
    ];

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, (string, string)[] fields) =>
        await client.SubmitAsync("/Admin/Holidays", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), "/Admin/Holidays?handler=Add");

    [Fact]
    public async Task ProclaimedHoliday_IsAdded_Audited_AndMovesAVictimsDeadline_ThenRemoved()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        // A Monday in 2031 with no holiday in either list; a victim's details received the Friday before are due the next working day.
        var monday = new DateOnly(2031, 3, 10);
        var calendar = (Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HolidayCalendar>(factory.Services));
        var before = await factory.WithDbAsync(db => calendar.CurrentAsync(db, default));
        Assert.Equal(monday, before.Add(monday.AddDays(-3), 1, Jurisdiction.Jersey));

        var added = await AddAsync(admin, Holiday("Jersey", monday, "Bank holiday for a royal visit", "States of Jersey Act, R&O 1/2031"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await factory.WithDbAsync(db => calendar.CurrentAsync(db, default));
        Assert.Equal(monday.AddDays(1), after.Add(monday.AddDays(-3), 1, Jurisdiction.Jersey));
        Assert.Equal(monday, after.Add(monday.AddDays(-3), 1, Jurisdiction.EnglandAndWales));
        var id = await factory.WithDbAsync(db => db.ProclaimedHolidays.Where(h => h.Date == monday).Select(h => h.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ProclaimedHoliday) && e.Action == AuditAction.Create)));

        var page = await admin.GetPageAsync("/Admin/Holidays?year=2031");
        Assert.Contains("Bank holiday for a royal visit", page.QuerySelector("#holidays-Jersey")!.TextContent);
        Assert.DoesNotContain("royal visit", page.QuerySelector("#holidays-EnglandAndWales")!.TextContent);

        var confirm = await admin.GetPageAsync($"/Admin/Holidays?remove={id}&year=2031");
        Assert.Contains("Remove Bank holiday for a royal visit", confirm.QuerySelector("#confirm-remove")!.TextContent);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ProclaimedHolidays.CountAsync(h => h.Id == id)));
        var removed = await admin.SubmitAsync($"/Admin/Holidays?remove={id}&year=2031", [], $"/Admin/Holidays?handler=Remove&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(monday, (await factory.WithDbAsync(db => calendar.CurrentAsync(db, default))).Add(monday.AddDays(-3), 1, Jurisdiction.Jersey));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ProclaimedHoliday) && e.Action == AuditAction.Delete)));
    }

    [Fact]
    public async Task BadHolidays_GetAMessagePerField_AndNothingIsSaved()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var count = await factory.WithDbAsync(db => db.ProclaimedHolidays.CountAsync());

        var empty = await AddAsync(admin, [("Add.Name", ""), ("Add.Source", "")]);
        var errors = (await Html.ParseAsync(empty)).ErrorSummary();
        Assert.Contains("Select England and Wales or Jersey", errors);
        Assert.Contains("Enter the date of the holiday", errors);
        Assert.Contains("Enter the holiday's name", errors);
        Assert.Contains("Enter where it was proclaimed, so others can check it", errors);

        Assert.Equal(["That day is already a holiday there"], (await Html.ParseAsync(await AddAsync(admin, Holiday("Jersey", new DateOnly(2024, 7, 15))))).ErrorSummary());
        Assert.Equal(["That day is a weekend, which the deadlines already skip. Enter the weekday proclaimed"],
            (await Html.ParseAsync(await AddAsync(admin, Holiday("EnglandAndWales", new DateOnly(2031, 3, 8))))).ErrorSummary());
        Assert.Equal(["Date must be between 2020 and 2050"], (await Html.ParseAsync(await AddAsync(admin, Holiday("Jersey", new DateOnly(2051, 3, 6))))).ErrorSummary());
        Assert.Equal(count, await factory.WithDbAsync(db => db.ProclaimedHolidays.CountAsync()));
    }

    [Fact]
    public async Task NextYearsListNotChecked_IsWarnedAbout_UntilConfirmed()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var next = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).Year + 1;
        var confirmedAlready = await factory.WithDbAsync(db => db.HolidayListChecks.Where(c => c.Year == next).Select(c => c.Jurisdiction).ToListAsync());
        var notChecked = Enum.GetValues<Jurisdiction>().Where(j => WorkingDays.CheckedThrough.GetValueOrDefault(j) < next && !confirmedAlready.Contains(j)).ToList();
        var page = await admin.GetPageAsync("/Admin/Holidays");
        foreach (var j in Enum.GetValues<Jurisdiction>())
        {
            Assert.Equal(notChecked.Contains(j), page.QuerySelector($"#unchecked-{j}") is not null);
        }

        if (notChecked.Count == 0)
        {
            return;
        }

        var first = notChecked[0];
        var confirmed = await admin.SubmitAsync("/Admin/Holidays", [new("Confirm.Jurisdiction", first.ToString()), new("Confirm.Source", "The published list, read today")],
            "/Admin/Holidays?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Null((await admin.GetPageAsync("/Admin/Holidays")).QuerySelector($"#unchecked-{first}"));
    }

    [Fact]
    public async Task Practitioner_CannotAddHolidays()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var response = await client.GetAsync("/Admin/Holidays");
        Assert.Equal("/Errors/403", response.Headers.Location!.AbsolutePath);
    }
}
