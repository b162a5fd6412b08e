using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Orders;

/// <summary>Orders through the API, on SQLite and PostgreSQL: recording, requirements, attendance, warnings, the warned period and breach.</summary>
public sealed class OrdersApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string ifMatch = "*")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private async Task<(HttpClient Client, AssessmentCase Case)> CaseAsync(int age = 15)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        return (client, await AssessmentCase.CreateAsync(factory, client, age: age));
    }

    private async Task<Guid> YroAsync(HttpClient client, Guid caseId, DateOnly decided)
    {
        var made = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/orders", new
        {
            kind = "YouthRehabilitationOrder",
            decidedOn = decided,
            convictedOn = decided.AddDays(-14),
            endsOn = decided.AddMonths(24),
            decidedBy = "Exampletown Youth Court",
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (await JsonAsync(made)).GetProperty("id").GetGuid();
    }

    /// <summary>An unacceptable absence on <paramref name="day"/>: the appointment arranged, then recorded as missed.</summary>
    private static async Task<long> MissedAsync(HttpClient client, Guid orderId, DateOnly day)
    {
        var at = day.ToDateTime(new TimeOnly(10, 0));
        var arranged = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{orderId}/contacts", new { at, purpose = "Supervision" }));
        var contactId = arranged.GetProperty("contacts").EnumerateArray().Max(c => c.GetProperty("id").GetInt64());
        var missed = await PostAsync(client, $"/api/v1/orders/{orderId}/attendance", new { contactId, attendance = "UnacceptableAbsence", reason = "No reason given" });
        Assert.Equal(HttpStatusCode.OK, missed.StatusCode);
        return contactId;
    }

    [Fact]
    public async Task AnOrder_IsRecordedWithTheChildsAgeAtConviction_AndReadWithItsCompliance()
    {
        var (client, c) = await CaseAsync();
        var id = await YroAsync(client, c.CaseId, Today.AddDays(-30));

        var order = await client.GetAsync($"/api/v1/orders/{id}");
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.NotNull(order.Headers.ETag);
        var json = await JsonAsync(order);
        Assert.Equal("Youth rehabilitation order", json.GetProperty("name").GetString());
        Assert.Equal(14, json.GetProperty("ageYoungest").GetInt32());
        var compliance = json.GetProperty("compliance");
        Assert.Equal(0, compliance.GetProperty("warningsInWarnedPeriod").GetInt32());
        Assert.False(compliance.GetProperty("breachActionDue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, compliance.GetProperty("nextContactDue").ValueKind);
        Assert.Single((await JsonAsync(await client.GetAsync($"/api/v1/cases/{c.CaseId}/orders"))).EnumerateArray());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Order" && e.EntityId == id.ToString()
            && e.SubjectPersonId == c.YoungPersonId)));
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheRule_AndNothingIsSaved()
    {
        var (client, c) = await CaseAsync();
        Assert.Contains("Jersey", await ErrorAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "ParishHallDeferredDecision", decidedOn = Today }), "kind"), StringComparison.Ordinal);
        Assert.Contains("3 to 12 months", await ErrorAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "ReferralOrder", decidedOn = Today, lengthMonths = 13 }), "lengthMonths"), StringComparison.Ordinal);
        Assert.Equal("The end must be on or after the start", await ErrorAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "YouthRehabilitationOrder", decidedOn = Today, endsOn = Today.AddDays(-1) }), "endsOn"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.CaseId == c.CaseId)));

        var id = await YroAsync(client, c.CaseId, Today.AddDays(-30));
        Assert.Equal("Unpaid work is only for a child aged 16 or 17 when convicted (Sentencing Act 2020, s.185(2))",
            await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/requirements", new { kind = "UnpaidWork", amount = 60 }), "kind"));
        var future = DateTime.SpecifyKind(Today.AddDays(2).ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Unspecified);
        var arranged = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{id}/contacts", new { at = future, purpose = "Supervision" }));
        var contactId = arranged.GetProperty("contacts")[0].GetProperty("id").GetInt64();
        Assert.Equal("Attendance is recorded once the appointment has happened",
            await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/attendance", new { contactId, attendance = "Attended" }), "attendance"));
        var curfew = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{id}/requirements", new { kind = "Curfew", dailyHours = 12, weeklyHours = 84 }));
        Assert.Equal(1, curfew.GetProperty("requirements").GetArrayLength());
    }

    [Fact]
    public async Task TwoWarningsInTheWarnedPeriod_MakeAFailureOnItsLastDayAReturnToCourt_AndTheDayAfterAWarning()
    {
        var (client, c) = await CaseAsync();
        var first = Today.AddMonths(-14);
        var id = await YroAsync(client, c.CaseId, first.AddDays(-7));
        var url = $"/api/v1/orders/{id}";

        var one = await MissedAsync(client, id, first);
        Assert.True((await JsonAsync(await client.GetAsync(url))).GetProperty("compliance").GetProperty("warningDue").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/warnings", new { contactId = one, givenOn = first })).StatusCode);
        var two = await MissedAsync(client, id, first.AddMonths(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/warnings", new { contactId = two, givenOn = first.AddMonths(1) })).StatusCode);

        var lastDay = first.AddMonths(12).AddDays(-1);
        var third = await MissedAsync(client, id, lastDay);
        var refused = await ErrorAsync(await PostAsync(client, url + "/warnings", new { contactId = third, givenOn = lastDay }), "contactId");
        Assert.Contains("must be returned to court", refused, StringComparison.Ordinal);
        Assert.Contains("Sch 7 para 4", refused, StringComparison.Ordinal);
        Assert.True((await JsonAsync(await client.GetAsync(url))).GetProperty("compliance").GetProperty("breachActionDue").GetBoolean());

        var dayAfter = await MissedAsync(client, id, first.AddMonths(12));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/warnings", new { contactId = dayAfter, givenOn = first.AddMonths(12) })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, url + "/breach-decisions", new { contactId = third, proceed = true, reasons = "Third failure" })).StatusCode);
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        Assert.Contains(id, (await JsonAsync(await manager.GetAsync("/api/v1/orders/returns-due"))).EnumerateArray().Select(r => r.GetProperty("orderId").GetGuid()));
        Assert.NotNull((await manager.GetPageAsync("/Orders/ReturnsDue")).QuerySelector($"#returns-due a[href='/Orders/{id}']"));
        Assert.NotNull((await client.GetPageAsync("/Cases?view=team")).QuerySelector($"#orders-due a[href='/Orders/{id}']"));
        Assert.Contains("Warning given", (await client.GetPageAsync($"/Cases/{c.CaseId}?show=orders")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Return to court due", (await client.GetPageAsync($"/Cases/{c.CaseId}")).QuerySelector("#open-orders")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not have them", await ErrorAsync(await PostAsync(manager, url + "/breach-decisions",
            new { contactId = dayAfter, proceed = true, reasons = "No" }), "contactId"), StringComparison.Ordinal);
        var decided = await PostAsync(manager, url + "/breach-decisions", new { contactId = third, proceed = true, reasons = "Third failure in the warned period" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var after = await JsonAsync(decided);
        Assert.False(after.GetProperty("compliance").GetProperty("breachActionDue").GetBoolean());
        Assert.Equal(3, after.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task TwoWorkersRecordingTheSameContactAtOnce_OneWins_TheOtherIsToldItChanged()
    {
        var (client, c) = await CaseAsync();
        var id = await YroAsync(client, c.CaseId, Today.AddDays(-30));
        var at = Today.AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        var arranged = await PostAsync(client, $"/api/v1/orders/{id}/contacts", new { at, purpose = "Supervision" });
        var etag = arranged.Headers.ETag!.Tag;
        var contactId = (await JsonAsync(arranged)).GetProperty("contacts")[0].GetProperty("id").GetInt64();

        var answers = await Task.WhenAll(
            PostAsync(client, $"/api/v1/orders/{id}/attendance", new { contactId, attendance = "Attended" }, etag),
            PostAsync(client, $"/api/v1/orders/{id}/attendance", new { contactId, attendance = "UnacceptableAbsence", reason = "Not seen" }, etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var saved = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Contacts).Select(x => x.Attendance).SingleAsync());
        Assert.NotNull(saved);
    }

    [Fact]
    public async Task AReferralOrderSignedOnTheLastDayOfJanuary_EndsOnTheLastDayOfApril_AndIsExtendedOnlyOnce()
    {
        var (client, c) = await CaseAsync();
        var signed = new DateOnly(Today.Year - 1, 1, 31);
        var made = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders",
            new { kind = "ReferralOrder", decidedOn = signed.AddDays(-10), lengthMonths = 3 }));
        var id = made.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.Null, made.GetProperty("endsOn").ValueKind);

        var contract = await JsonAsync(await PostAsync(client, $"/api/v1/orders/{id}/contract", new { signedOn = signed }));
        Assert.Equal(new DateOnly(Today.Year - 1, 4, 30), DateOnly.Parse(contract.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/orders/{id}/extension", new { endsOn = new DateOnly(Today.Year - 1, 6, 30) })).StatusCode);
        Assert.Contains("only once", await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/extension", new { endsOn = new DateOnly(Today.Year - 1, 7, 31) }),
            "endsOn"), StringComparison.Ordinal);

        var item = await PostAsync(client, $"/api/v1/orders/{id}/requirements",
            new { kind = "Apology", detail = "Letter of apology to the shop owner", responsible = "The child writes it; the case worker helps" });
        Assert.Equal("The child writes it; the case worker helps", (await JsonAsync(item)).GetProperty("requirements")[0].GetProperty("responsible").GetString());
        Assert.Contains("200", await ErrorAsync(await PostAsync(client, $"/api/v1/orders/{id}/requirements",
            new { kind = "Apology", responsible = new string('x', 201) }), "responsible"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferralOrdersPanels_TheFirstDueWithin20WorkingDays_ThenEveryThreeMonths_WithTheParentForAnUnder16()
    {
        var (client, c) = await CaseAsync(age: 15);
        var decided = Today.AddDays(-40);
        var made = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/orders", new { kind = "ReferralOrder", decidedOn = decided, lengthMonths = 6 }));
        var id = made.GetProperty("id").GetGuid();
        Assert.True(made.GetProperty("parentMustAttendPanels").GetBoolean());
        var firstDue = DateOnly.Parse(made.GetProperty("compliance").GetProperty("nextPanelDueBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(firstDue.DayNumber - decided.DayNumber, 26, 34);
        Assert.True(made.GetProperty("compliance").GetProperty("panelOverdue").GetBoolean());

        var url = $"/api/v1/orders/{id}/panels";
        Assert.Contains("initial panel first", await ErrorAsync(await PostAsync(client, url, new { kind = "Progress", heldOn = Today }), "kind"), StringComparison.Ordinal);
        Assert.Contains("s.90", await ErrorAsync(await PostAsync(client, url, new { kind = "Initial", heldOn = decided.AddDays(10) }), "parentAttended"),
            StringComparison.Ordinal);
        var held = await JsonAsync(await PostAsync(client, url, new { kind = "Initial", heldOn = decided.AddDays(10), parentAttended = true, note = "Contract agreed" }));
        Assert.Equal(decided.AddDays(10).AddMonths(3).ToString("yyyy-MM-dd"), held.GetProperty("compliance").GetProperty("nextPanelDueBy").GetString());
        Assert.False(held.GetProperty("compliance").GetProperty("panelOverdue").GetBoolean());
        Assert.Contains("already been recorded", await ErrorAsync(await PostAsync(client, url,
            new { kind = "Initial", heldOn = Today, parentAttended = true }), "kind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReparationHours_AreCountedAgainstTheRequirement_NeverMoreThanAreLeft_AndOnlyAtAPlacementInUse()
    {
        var (client, c) = await CaseAsync(age: 17);
        var id = await YroAsync(client, c.CaseId, Today.AddDays(-30));
        var project = await factory.WithDbAsync(async db =>
        {
            var p = Mend.Web.Features.Orders.ReparationProject.Create(new("Community garden " + Guid.NewGuid().ToString("N")[..6],
                Mend.Web.Features.Orders.ReparationKind.Project, "Sam Green", null, "1 Garden Lane", "Gloves at all times"));
            db.ReparationProjects.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var url = $"/api/v1/orders/{id}";
        var requirement = (await JsonAsync(await PostAsync(client, url + "/requirements", new { kind = "UnpaidWork", amount = 40 })))
            .GetProperty("requirements")[0].GetProperty("id").GetInt64();

        var worked = await JsonAsync(await PostAsync(client, url + "/reparation", new { projectId = project, requirementId = requirement, on = Today.AddDays(-2), hours = 6, attendance = "Attended" }));
        var hours = worked.GetProperty("hours")[0];
        Assert.Equal(6, hours.GetProperty("done").GetDecimal());
        Assert.Equal(34, hours.GetProperty("left").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/reparation",
            new { projectId = project, requirementId = requirement, on = Today.AddDays(-1), attendance = "UnacceptableAbsence" })).StatusCode);
        Assert.Equal("Enter the hours worked, from 0.5 to 12", await ErrorAsync(await PostAsync(client, url + "/reparation",
            new { projectId = project, requirementId = requirement, on = Today, hours = 13, attendance = "Attended" }), "hours"));
        Assert.Equal("The session is on or after the order was made, and not in the future", await ErrorAsync(await PostAsync(client, url + "/reparation",
            new { projectId = project, requirementId = requirement, on = Today.AddDays(1), hours = 2, attendance = "Attended" }), "on"));

        await factory.WithDbAsync(async db =>
        {
            var p = await db.ReparationProjects.SingleAsync(x => x.Id == project);
            p.Change(new(p.Name, p.Kind, p.Supervisor, p.Phone, p.Address, p.Safety), isActive: false);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Choose a placement or project in use", await ErrorAsync(await PostAsync(client, url + "/reparation",
            new { projectId = project, requirementId = requirement, on = Today, hours = 2, attendance = "Attended" }), "projectId"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == id).SelectMany(o => o.Reparation).CountAsync()));
    }

    [Fact]
    public async Task AnInterventionPlan_HasActivitiesByPartnerAgencies_ReviewedEveryThreeMonths_WithPositiveStepsSessionsCounted()
    {
        var (client, c) = await CaseAsync();
        var id = await YroAsync(client, c.CaseId, Today.AddDays(-120));
        var (mentoring, retired) = await factory.WithDbAsync(async db =>
        {
            var a = Mend.Web.Features.Orders.PartnerAgency.Create(new("Mentors " + Guid.NewGuid().ToString("N")[..6], "Mentoring", "Ali Khan", null, null));
            var b = Mend.Web.Features.Orders.PartnerAgency.Create(new("Old agency " + Guid.NewGuid().ToString("N")[..6], "Closed", null, null, null));
            b.Change(new(b.Name, b.Services, null, null, null), isActive: false);
            db.PartnerAgencies.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var url = $"/api/v1/orders/{id}";

        Assert.Contains("in use", await ErrorAsync(await PostAsync(client, url + "/plan", new { title = "Mentoring", agencyId = retired, owner = "Case worker", startsOn = Today.AddDays(-100) }),
            "agencyId"), StringComparison.Ordinal);
        var planned = await JsonAsync(await PostAsync(client, url + "/plan", new { title = "Weekly mentoring", agencyId = mentoring, owner = "Case worker", startsOn = Today.AddDays(-100), positiveSteps = true }));
        var activity = planned.GetProperty("plan")[0].GetProperty("id").GetInt64();
        var compliance = planned.GetProperty("compliance");
        Assert.Equal(Today.AddDays(-100).AddMonths(3).ToString("yyyy-MM-dd"), compliance.GetProperty("planReviewDueBy").GetString());
        Assert.True(compliance.GetProperty("planReviewOverdue").GetBoolean());

        var session = await PostAsync(client, url + "/contacts", new { at = Today.AddDays(-3).ToDateTime(new TimeOnly(16, 0)), purpose = "Mentoring", activityId = activity });
        var contactId = (await JsonAsync(session)).GetProperty("contacts")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, url + "/attendance", new { contactId, attendance = "Attended" })).StatusCode);
        Assert.Equal("Say why the activity stopped", await ErrorAsync(await PostAsync(client, url + "/plan-progress", new { activityId = activity, progress = "Stopped" }), "note"));
        var reviewed = await JsonAsync(await PostAsync(client, url + "/plan-reviews", new { reviewedOn = Today, note = "Going well; keep weekly" }));
        Assert.False(reviewed.GetProperty("compliance").GetProperty("planReviewOverdue").GetBoolean());
        Assert.Equal(1, reviewed.GetProperty("plan")[0].GetProperty("sessionsAttended").GetInt32());
    }
}
