using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.People;
using Mend.Web.Features.Visits;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Visits;

/// <summary>Planning and changing visits through the pages and the API, bad input, the calendar feed and the visit pack, on both databases.</summary>
public sealed class VisitTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private static string At(DateTime utc) => utc.ToString("O");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd("*");
        return await client.SendAsync(request);
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    private async Task<(HttpClient Client, TestUser Worker, TestUser Buddy)> WorkerAsync()
    {
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var buddy = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        return (await SignIn.AsAsync(factory, worker), worker, buddy);
    }

    private static object Plan(Guid buddy, DateTime start, DateTime end, Guid? caseId = null, Guid? personId = null, string address = "12 Oak Road, Exampletown EX1 2AB", Guid? second = null) =>
        new { caseId, personId, place = "Home", address, startsAt = At(start), endsAt = At(end), buddyId = buddy, secondWorkerId = second, purpose = "Preparation meeting with Kai" };

    [Fact]
    public async Task BadPlans_AreRefusedNamingTheirField_AndChangeNothing()
    {
        var (client, worker, buddy) = await WorkerAsync();
        var start = Now.AddHours(1);
        Assert.Contains("endsAt", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddMinutes(-5)))));
        Assert.Contains("endsAt", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(13)))));
        Assert.Contains("buddyId", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(worker.Id, start, start.AddHours(1)))));
        Assert.Contains("address", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), address: new string('x', 301)))));

        var team = Mend.Web.Features.Staff.Team.Create("Another team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(team);
            return await db.SaveChangesAsync();
        });
        var other = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id));
        var elsewhere = await AssessmentCase.CreateAsync(factory, other);
        var forbidden = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), elsewhere.CaseId));
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);

        var mine = await AssessmentCase.CreateAsync(factory, client);
        Assert.Contains("personId", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), mine.CaseId, elsewhere.YoungPersonId))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Visits.CountAsync(v => v.WorkerId == worker.Id)));
    }

    [Fact]
    public async Task ADoNotVisitAloneWarning_OnThePersonOrTheAddress_NeedsASecondWorker()
    {
        var (client, _, buddy) = await WorkerAsync();
        var c = await AssessmentCase.CreateAsync(factory, client);
        await factory.WithDbAsync(async db =>
        {
            db.PersonFlags.Add(PersonFlag.Raise(c.YoungPersonId, FlagType.DoNotVisitAlone, "Dog on the premises", null, Guid.NewGuid(), "Manager", Now));
            return await db.SaveChangesAsync();
        });
        var start = Now.AddHours(2);
        Assert.Contains("secondWorkerId", await ErrorFieldsAsync(await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), c.CaseId, c.YoungPersonId))));

        var page = await client.GetPageAsync($"/Visits/Plan?caseId={c.CaseId}&personId={c.YoungPersonId}");
        Assert.Contains("Dog on the premises", page.QuerySelector("#risks")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Do not go alone", page.QuerySelector("#risks")!.TextContent, StringComparison.Ordinal);

        var second = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var planned = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), c.CaseId, c.YoungPersonId, second: second.Id));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid();

        // Anyone who can see the case sees its visits (from the case page); nobody else does.
        var teammate = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        Assert.Contains($"/Visits/{id}", (await teammate.GetPageAsync($"/Cases/{c.CaseId}")).QuerySelector("#case-visits")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await teammate.GetAsync($"/Visits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(teammate, $"/api/v1/visits/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task CheckingOutBeforeCheckingIn_ExtendingPastTheLongest_AndSomeoneElsesVisit_AreRefused()
    {
        var (client, _, buddy) = await WorkerAsync();
        var start = Now.AddMinutes(1);
        var planned = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1)));
        var id = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid();

        var early = await PostAsync(client, $"/api/v1/visits/{id}/check-out", new { code = (string?)null });
        Assert.Contains("", await ErrorFieldsAsync(early));
        Assert.Contains("Check in before", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stranger = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/api/v1/visits/{id}/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/visits/{id}")).StatusCode);

        var missingIfMatch = await client.PostAsync($"/api/v1/visits/{id}/check-in", null);
        Assert.Equal((HttpStatusCode)428, missingIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{id}/check-in", null)).StatusCode);
        Assert.Contains("expectedEndAt", await ErrorFieldsAsync(await PostAsync(client, $"/api/v1/visits/{id}/extend", new { expectedEndAt = At(Now.AddHours(13)) })));
        Assert.Contains("expectedEndAt", await ErrorFieldsAsync(await PostAsync(client, $"/api/v1/visits/{id}/extend", new { expectedEndAt = At(Now.AddMinutes(-1)) })));
        Assert.Contains("expectedEndAt", await ErrorFieldsAsync(await PostAsync(client, $"/api/v1/visits/{id}/extend", new { expectedEndAt = "tomorrow" })));
        var visit = await factory.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.Id == id));
        Assert.Equal(VisitStatus.InProgress, visit.Status);
        Assert.Equal(visit.CheckedInAt!.Value.AddHours(1), visit.ExpectedEndAt, TimeSpan.FromMilliseconds(1)); // checked in early: an hour from then
    }

    [Fact]
    public async Task AWorker_IsCheckedInToOneVisitAtATime()
    {
        var (client, _, buddy) = await WorkerAsync();
        var ids = new List<Guid>();
        foreach (var hours in new[] { 1, 3 })
        {
            var planned = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, Now.AddHours(hours), Now.AddHours(hours + 1)));
            ids.Add((await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid());
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{ids[0]}/check-in", null)).StatusCode);
        var second = await PostAsync(client, $"/api/v1/visits/{ids[1]}/check-in", null);
        Assert.Contains("", await ErrorFieldsAsync(second));
        Assert.Contains("checked in to another visit", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlan_WarnsOfClashes_AndTheDiaryMarksThem()
    {
        var (client, _, buddy) = await WorkerAsync();
        var start = Now.Date.AddDays(2).AddHours(10);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1)))).StatusCode);
        var second = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start.AddMinutes(30), start.AddMinutes(90), address: "School, Exampletown EX3 3AA"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Single((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clashes").EnumerateArray());

        var diary = await client.GetPageAsync($"/Visits?date={Mend.Web.Platform.Time.London.DateOf(start):yyyy-MM-dd}");
        Assert.Equal(2, diary.QuerySelectorAll("main .govuk-tag--red").Count(t => t.TextContent == "Clash"));
        var week = await client.GetPageAsync($"/Visits?date={Mend.Web.Platform.Time.London.DateOf(start):yyyy-MM-dd}&show=week");
        Assert.Contains("Preparation meeting with Kai", week.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalendarFeed_HasVisitsTimesAndPlaces_NeverWhomOrWhatFor_AndCancelledOnesGo()
    {
        var (client, worker, buddy) = await WorkerAsync();
        var c = await AssessmentCase.CreateAsync(factory, client);
        var family = await factory.WithDbAsync(db => db.People.Where(p => p.Id == c.YoungPersonId).Select(p => p.FamilyName!).SingleAsync());
        var start = Now.AddDays(1);
        var planned = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, start, start.AddHours(1), c.CaseId, c.YoungPersonId));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid();
        var made = await Html.ParseAsync(await client.SubmitAsync("/Account/Calendar"));
        var address = new Uri(made.QuerySelector("#calendar-address")!.TextContent).AbsolutePath;

        var text = await (await factory.CreateBrowserClient().GetAsync(address)).Content.ReadAsStringAsync();
        var visit = Assert.Single(Ical.Net.Calendar.Load(text)!.Events, e => e.Uid == $"{id}@mend-visit");
        Assert.Equal("Home visit", visit.Summary);
        Assert.Contains("12 Oak Road", visit.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(family, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Preparation", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/visits/{id}/cancel", null)).StatusCode);
        text = await (await factory.CreateBrowserClient().GetAsync(address)).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"{id}@mend-visit", text, StringComparison.Ordinal);
        _ = worker;
    }

    [Fact]
    public async Task ThePage_PlansAVisit_ShowsIt_AndPrintingItsPackIsAudited()
    {
        var (client, worker, buddy) = await WorkerAsync();
        var day = Mend.Web.Platform.Time.London.DateOf(Now.AddDays(1));
        var fields = new (string, string)[]
        {
            ("Input.Place", "PrisonOrSecureEstate"), ("Input.Address", "HMP Exampletown, Gaol Road, EX9 9ZZ"), ("Input.Date.Day", day.Day.ToString()),
            ("Input.Date.Month", day.Month.ToString()), ("Input.Date.Year", day.Year.ToString()), ("Input.StartsAt", "10:00"), ("Input.EndsAt", "09:00"),
            ("Input.BuddyId", buddy.Id.ToString()),
        };
        var refused = await Html.ParseAsync(await client.SubmitAsync("/Visits/Plan", fields));
        Assert.Contains("The expected end must be after the start", string.Join(" ", refused.ErrorSummary()), StringComparison.Ordinal);

        fields[6] = ("Input.EndsAt", "12:30");
        var done = await client.SubmitAsync("/Visits/Plan", fields);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var link = done.Headers.Location!.OriginalString;
        var view = await client.GetPageAsync(link);
        Assert.Contains("Prison or secure estate", view.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var pack = await client.GetPageAsync(link + "/Pack");
        Assert.Contains("Whom to call", pack.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var id = link.Split('/').Last();
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Print && e.EntityType == "Visit" && e.EntityId == id)));
        _ = worker;
    }

    [Fact]
    public async Task AnEveningVisit_EndsTheNextDay_WhenTheFormSaysSo()
    {
        var (client, worker, buddy) = await WorkerAsync();
        var day = Mend.Web.Platform.Time.London.DateOf(Now.AddDays(3));
        var fields = new List<(string, string)>
        {
            ("Input.Place", "Home"), ("Input.Address", "2 Late Lane, Exampletown EX5 5EE"), ("Input.Date.Day", day.Day.ToString()),
            ("Input.Date.Month", day.Month.ToString()), ("Input.Date.Year", day.Year.ToString()), ("Input.StartsAt", "22:30"), ("Input.EndsAt", "00:15"),
            ("Input.BuddyId", buddy.Id.ToString()),
        };
        Assert.Contains("The expected end must be after the start", string.Join(" ", (await Html.ParseAsync(await client.SubmitAsync("/Visits/Plan", [.. fields]))).ErrorSummary()), StringComparison.Ordinal);
        fields.Add(("Input.EndsNextDay", "true"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Visits/Plan", [.. fields])).StatusCode);
        var visit = await factory.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.WorkerId == worker.Id));
        Assert.Equal(TimeSpan.FromMinutes(105), visit.ExpectedEndAt - visit.StartsAt);
    }

    [Fact]
    public async Task AManager_SeesTheirTeamsVisits_AndTheDutyManagerEveryVisit_ButNotOtherTeams()
    {
        var (client, _, buddy) = await WorkerAsync();
        var planned = await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, Now.AddHours(5), Now.AddHours(6)));
        var id = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visit").GetProperty("id").GetGuid();
        var team = Mend.Web.Features.Staff.Team.Create("Far team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(team);
            return await db.SaveChangesAsync();
        });
        var farManager = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team.Id);
        var far = await SignIn.AsAsync(factory, farManager);
        Assert.Equal(HttpStatusCode.NotFound, (await far.GetAsync($"/api/v1/visits/{id}")).StatusCode);
        var own = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/visits/{id}")).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            db.DutyShifts.Add(DutyShift.Make(farManager.Id, "Far manager", Now.AddMinutes(-1), Now.AddHours(8), "Test"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await far.GetAsync($"/api/v1/visits/{id}")).StatusCode);
    }

    [Fact]
    public async Task WhatIsHeld_AboutAPerson_ListsTheVisitsToThem()
    {
        var (client, _, buddy) = await WorkerAsync();
        var c = await AssessmentCase.CreateAsync(factory, client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/visits", Plan(buddy.Id, Now.AddHours(2), Now.AddHours(3), c.CaseId, c.YoungPersonId, "7 Held Street, Exampletown EX6 6FF"))).StatusCode);
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        Assert.Contains("7 Held Street", (await officer.GetPageAsync($"/DataProtection/People/{c.YoungPersonId}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMobileNumber_IsKeptInOneForm_AndANonsenseOneIsRefused()
    {
        var (client, worker, _) = await WorkerAsync();
        var refused = await Html.ParseAsync(await client.SubmitAsync("/Account/Mobile", ("Mobile", "call me maybe")));
        Assert.Contains("Enter a mobile number like", string.Join(" ", refused.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Account/Mobile", ("Mobile", "07700 900 123"))).StatusCode);
        Assert.Equal("+447700900123", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == worker.Id).Select(u => u.PhoneNumber).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Account/Mobile", ("Mobile", ""))).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == worker.Id).Select(u => u.PhoneNumber).SingleAsync()));
    }

    [Fact]
    public async Task AManager_AddsADutyManagerToTheRota_AndABadShiftIsRefused()
    {
        var manager = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var client = await SignIn.AsAsync(factory, manager);
        // From midnight today (UK time), so the shift has begun whatever the time of day the suite runs at.
        var today = Mend.Web.Platform.Time.London.DateOf(Now);
        IEnumerable<KeyValuePair<string, string>> Shift(DateOnly from, DateOnly to) => new (string Key, string Value)[]
        {
            ("Input.UserId", manager.Id.ToString()), ("Input.StartsOn.Day", from.Day.ToString()), ("Input.StartsOn.Month", from.Month.ToString()), ("Input.StartsOn.Year", from.Year.ToString()),
            ("Input.StartsAt", "00:00"), ("Input.EndsOn.Day", to.Day.ToString()), ("Input.EndsOn.Month", to.Month.ToString()), ("Input.EndsOn.Year", to.Year.ToString()), ("Input.EndsAt", "09:00"),
        }.Select(f => KeyValuePair.Create(f.Key, f.Value));
        var refused = await Html.ParseAsync(await client.SubmitAsync("/Visits/Board", Shift(today, today.AddDays(20)), "/Visits/Board?handler=Duty"));
        Assert.Contains("at most 14 days", string.Join(" ", refused.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/Visits/Board", Shift(today, today.AddDays(1)), "/Visits/Board?handler=Duty")).StatusCode);
        var board = await client.GetPageAsync("/Visits/Board");
        Assert.Contains("(on duty now)", board.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("brought up to date every 30 seconds", (await client.GetPageAsync("/Visits/Board?handler=Live")).Body!.TextContent, StringComparison.Ordinal);
    }
}
