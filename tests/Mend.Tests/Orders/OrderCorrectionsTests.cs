using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Orders;

/// <summary>
/// What can and cannot be changed on an order once recorded, on SQLite and PostgreSQL: attendance corrected until a
/// warning relies on it, one follow-up and one hearing, nothing on an ended order, and numbers only as precise as kept.
/// </summary>
public sealed class OrderCorrectionsTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private async Task<(HttpClient Client, Guid OrderId)> OrderAsync(DateOnly decided)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client, age: 15);
        var made = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders", new
        {
            kind = "YouthRehabilitationOrder",
            decidedOn = decided,
            convictedOn = decided.AddDays(-14),
            endsOn = decided.AddMonths(24),
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (client, (await JsonAsync(made)).GetProperty("id").GetGuid());
    }

    private static async Task<long> ArrangeAsync(HttpClient client, Guid orderId, DateTime at)
    {
        var arranged = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{orderId}/contacts", new { at, purpose = "Supervision" }));
        return arranged.GetProperty("contacts").EnumerateArray().Max(c => c.GetProperty("id").GetInt64());
    }

    private static Task<HttpResponseMessage> AttendanceAsync(HttpClient client, Guid orderId, long contactId, string attendance) =>
        PostAsync(client, $"/api/v1/orders/{orderId}/attendance", new { contactId, attendance, reason = attendance == "Attended" ? null : "Not seen" });

    [Fact]
    public async Task Attendance_IsCorrectedUntilAWarningReliesOnIt_AndAMissedAppointmentIsFollowedUpOnce()
    {
        var (client, id) = await OrderAsync(Today.AddDays(-30));
        var contactId = await ArrangeAsync(client, id, Today.AddDays(-3).ToDateTime(new TimeOnly(10, 0)));

        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(client, id, contactId, "Attended")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(client, id, contactId, "UnacceptableAbsence")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{id}/follow-ups", new { contactId, note = "Phoned mother" })).StatusCode);
        Assert.Equal("This missed appointment has already been followed up",
            await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/follow-ups", new { contactId, note = "Phoned again" }), "contactId"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{id}/warnings", new { contactId, givenOn = Today.AddDays(-2) })).StatusCode);

        Assert.Contains("relies on this attendance", await ErrorAsync(await AttendanceAsync(client, id, contactId, "Attended"), "contactId"), StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Contacts).SingleAsync());
        Assert.Equal(Attendance.UnacceptableAbsence, saved.Attendance);
        Assert.Equal("Phoned mother", saved.FollowUpNote);

        var page = await client.GetPageAsync($"/Orders/{id}");
        Assert.Null(page.QuerySelector($"#contacts a[href='/Orders/{id}/Contacts/{contactId}']"));
    }

    [Fact]
    public async Task AnEndedOrder_CannotBeChanged_AndHasNoWarningOrFollowUpDue()
    {
        var (client, id) = await OrderAsync(Today.AddDays(-30));
        var contactId = await ArrangeAsync(client, id, Today.AddDays(-3).ToDateTime(new TimeOnly(10, 0)));
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(client, id, contactId, "UnacceptableAbsence")).StatusCode);
        var before = (await JsonAsync(await client.GetAsync($"/api/v1/orders/{id}"))).GetProperty("compliance");
        Assert.True(before.GetProperty("warningDue").GetBoolean());
        Assert.Equal(1, before.GetProperty("followUpsDue").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{id}/end", new { reason = "Completed", endedOn = Today })).StatusCode);

        var after = (await JsonAsync(await client.GetAsync($"/api/v1/orders/{id}"))).GetProperty("compliance");
        Assert.False(after.GetProperty("warningDue").GetBoolean());
        Assert.Equal(0, after.GetProperty("followUpsDue").GetArrayLength());
        Assert.Contains("has ended", await ErrorAsync(await AttendanceAsync(client, id, contactId, "Attended"), ""), StringComparison.Ordinal);
        Assert.Contains("has ended", await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/follow-ups", new { contactId, note = "Late" }), ""),
            StringComparison.Ordinal);
        Assert.Contains("has ended", await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/warnings", new { contactId, givenOn = Today }), ""),
            StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Contacts).SingleAsync());
        Assert.Equal(Attendance.UnacceptableAbsence, saved.Attendance);
        Assert.Null(saved.FollowedUpAt);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Orders/{id}/Contacts/{contactId}/FollowUp")).StatusCode);
    }

    [Fact]
    public async Task NumbersMoreExactThanTenths_AndAnUnknownLevelOrCourt_AreRefusedOnTheirFields()
    {
        var (client, id) = await OrderAsync(Today.AddDays(-30));
        var caseId = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.CaseId).SingleAsync());
        Assert.Equal("Select the level of intervention", await ErrorAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/orders",
            new { kind = "YouthCaution", decidedOn = Today, level = 99 }), "level"));
        Assert.Equal("Select the Jersey court", await ErrorAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/orders",
            new { kind = "YouthCaution", decidedOn = Today, court = 7 }), "court"));
        Assert.Contains("tenths", await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/requirements", new { kind = "Reparation", amount = 10.25 }), "amount"),
            StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.CaseId == caseId)));
        Assert.Empty(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Requirements).ToListAsync()));
    }

    [Fact]
    public async Task AppointmentsThisMonth_CountThoseAttendedAndThoseStillToCome_NotThoseMissed()
    {
        var (client, id) = await OrderAsync(Today.AddMonths(-3));
        var month = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-2);
        var attended = await ArrangeAsync(client, id, month.AddDays(2).ToDateTime(new TimeOnly(10, 0)));
        var missed = await ArrangeAsync(client, id, month.AddDays(3).ToDateTime(new TimeOnly(10, 0)));
        await ArrangeAsync(client, id, month.AddDays(4).ToDateTime(new TimeOnly(10, 0)));
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(client, id, attended, "Attended")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(client, id, missed, "UnacceptableAbsence")).StatusCode);
        var order = await factory.WithDbAsync(db => db.Orders.AsNoTracking().AsSplitQuery().SingleAsync(o => o.Id == id));

        var beforeTheLast = CompliancePolicy.Of(order, month.AddDays(3), month.AddDays(3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), 4, WorkingDays.Shipped);
        var afterTheLast = CompliancePolicy.Of(order, month.AddDays(5), month.AddDays(5).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), 4, WorkingDays.Shipped);

        Assert.Equal(2, beforeTheLast.ContactsThisMonth);
        Assert.Equal(1, afterTheLast.ContactsThisMonth);
    }
    [Fact]
    public async Task AnOptionalDateThatCannotBeRead_IsShownOnItsField_AndNothingIsAdded()
    {
        var (client, id) = await OrderAsync(Today.AddDays(-30));
        var start = Today.AddDays(-1);
        var answer = await client.SubmitAsync($"/Orders/{id}/Plan/Add", ("Input.Title", "Football coaching"), ("Input.Owner", "Ayo Bello"),
            ("Input.StartsOn.Day", start.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.StartsOn.Month", start.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.StartsOn.Year", start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.EndsOn.Day", "31"), ("Input.EndsOn.Month", "2"), ("Input.EndsOn.Year", "2027"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var errors = (await Html.ParseAsync(answer)).ErrorSummary();
        Assert.Single(errors);
        Assert.Contains("End date", errors[0], StringComparison.Ordinal);
        Assert.Empty(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Plan).ToListAsync()));
    }

    [Fact]
    public async Task HoursThatAreNotANumber_AreShownOnTheirField_AndNothingIsAdded()
    {
        var (client, id) = await OrderAsync(Today.AddDays(-30));
        var answer = await client.SubmitAsync($"/Orders/{id}/Requirements/Add", ("Input.Kind", "Curfew"), ("Input.DailyHours", "twelve"), ("Input.WeeklyHours", "84"));

        var errors = (await Html.ParseAsync(answer)).ErrorSummary();
        Assert.Equal(["Hours a day must be a whole number, like 4"], errors);
        Assert.Empty(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Requirements).ToListAsync()));
    }
}
