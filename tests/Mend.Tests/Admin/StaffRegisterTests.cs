using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Admin;

/// <summary>The staff and volunteers' register: recording training and DBS checks with clear errors, what is due, and reminders; on both databases.</summary>
public sealed class StaffRegisterTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static (string, string)[] Date(string prefix, DateOnly day) =>
        [($"{prefix}.Day", day.Day.ToString()), ($"{prefix}.Month", day.Month.ToString()), ($"{prefix}.Year", day.Year.ToString())];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, (string Name, string Value)[] fields) =>
        client.SubmitAsync($"{page}/{handler}", fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [Theory]
    [InlineData(PractitionerLevel.Foundation, 6)]
    [InlineData(PractitionerLevel.Intermediate, 12)]
    [InlineData(PractitionerLevel.Advanced, 16)]
    public void YearlyCpdHours_AreTheRjcCodesByLevel(PractitionerLevel level, int hours) =>
        Assert.Equal(hours, CpdRequirement.HoursFor(level));

    [Fact]
    public void ADbsCheckPastItsRenewalDate_IsNotRecordedAsCurrent_AndTheNumberIsKeptMasked()
    {
        var today = new DateOnly(2026, 12, 1);
        var encryption = factory.Services.GetRequiredService<Mend.Web.Platform.Encryption.FieldEncryption>();
        DbsCheck Record(DateOnly renew, string number = "0012 3456 7890") =>
            DbsCheck.Record(Guid.NewGuid(), new(DbsLevel.Enhanced, number, today.AddYears(-3), false, renew), today, encryption, "T", DateTime.UtcNow);
        Assert.Equal("renewBy", Assert.Throws<DomainRuleException>(() => Record(today.AddDays(-1))).Field);
        Assert.True(Record(today).IsCurrentOn(today));
        Assert.False(Record(today).IsCurrentOn(today.AddDays(1)));
        Assert.Equal("certificateNumber", Assert.Throws<DomainRuleException>(() => Record(today, "12345")).Field);
        var check = Record(today.AddYears(1));
        Assert.Equal("•••• •••• 7890", check.MaskedNumber);
        Assert.DoesNotContain("3456", check.CertificateCiphertext, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_RecordsTrainingAndADbsCheck_WithClearErrors_AndSeesWhatIsDue()
    {
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var volunteer = await TestUsers.CreateAsync(factory, [Roles.Volunteer]);
        var page = $"/Staff/{volunteer.Id}";

        var wrongOrder = await Html.ParseAsync(await PostAsync(manager, page, "Training", [("Training.Kind", "Safeguarding"), ("Training.Course", "Safeguarding children"),
            .. Date("Training.CompletedOn", Today.AddDays(-10)), .. Date("Training.ExpiresOn", Today.AddDays(-20))]));
        Assert.Contains("Choose the safeguarding level, 1 to 3", string.Join(" ", wrongOrder.ErrorSummary()), StringComparison.Ordinal);
        var expiresFirst = await Html.ParseAsync(await PostAsync(manager, page, "Training", [("Training.Kind", "Safeguarding"), ("Training.Course", "Safeguarding children"), ("Training.Level", "2"),
            .. Date("Training.CompletedOn", Today.AddDays(-10)), .. Date("Training.ExpiresOn", Today.AddDays(-20))]));
        Assert.Contains("The expiry date must be after the date completed", string.Join(" ", expiresFirst.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingRecords.CountAsync(t => t.UserId == volunteer.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(manager, page, "Training", [("Training.Kind", "Safeguarding"), ("Training.Course", "Safeguarding children"), ("Training.Level", "2"),
            .. Date("Training.CompletedOn", Today.AddYears(-1)), .. Date("Training.ExpiresOn", Today.AddDays(20))])).StatusCode);

        var lapsed = await Html.ParseAsync(await PostAsync(manager, page, "Dbs", [("Dbs.Level", "EnhancedWithBarredList"), ("Dbs.CertificateNumber", "001122334455"),
            .. Date("Dbs.IssuedOn", Today.AddYears(-3)), .. Date("Dbs.RenewBy", Today.AddDays(-1))]));
        Assert.Contains("renewal date has passed", string.Join(" ", lapsed.ErrorSummary()), StringComparison.Ordinal);
        Assert.DoesNotContain("001122334455", lapsed.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(manager, page, "Dbs", [("Dbs.Level", "EnhancedWithBarredList"), ("Dbs.CertificateNumber", "0011 2233 4455"),
            ("Dbs.UpdateService", "true"), .. Date("Dbs.IssuedOn", Today.AddYears(-1)), .. Date("Dbs.RenewBy", Today.AddYears(2))])).StatusCode);

        var person = await manager.GetPageAsync(page);
        var summary = person.QuerySelector("#summary")!.TextContent;
        Assert.Contains("•••• •••• 4455", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("00112233", person.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Safeguarding training is due on", person.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var due = await manager.GetPageAsync("/Staff?due=true");
        Assert.Contains(due.QuerySelectorAll("#register a"), a => a.GetAttribute("href") == page);

        var reminded = 0;
        await factory.WithScopeAsync(async sp => reminded = await sp.GetRequiredService<RegisterReminders>().RunAsync(CancellationToken.None));
        Assert.True(reminded >= 1);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == volunteer.Id && n.Text.Contains("Safeguarding children"))));
        await factory.WithScopeAsync(async sp => reminded = await sp.GetRequiredService<RegisterReminders>().RunAsync(CancellationToken.None));
        Assert.Equal(0, reminded);
    }

    [Theory]
    [InlineData(SupervisionKind.CaseSupervision, "2026-01-01", "2026-03-26")] // 12 weeks
    [InlineData(SupervisionKind.ObservedPractice, "2026-01-01", "2027-01-01")]
    [InlineData(SupervisionKind.ObservedPractice, "2024-02-29", "2025-02-28")]
    public void TheNextSupervision_IsDueAsTheRjcCodeSays(SupervisionKind kind, string held, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), SupervisionRule.DueAfter(kind, DateOnly.Parse(held, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Supervision_IsRecordedBySomeoneElse_WithEncryptedNotes_AndSetsTheNextDueDate()
    {
        var managerUser = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var manager = await SignIn.AsAsync(factory, managerUser);
        var practitioner = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var page = $"/Staff/{practitioner.Id}";
        // Joined five months ago and never supervised: the first was due 12 weeks after joining, so it is overdue.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == practitioner.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, x => x.CreatedAt.AddMonths(-5))));
        Assert.Contains("Case supervision was due on", (await manager.GetPageAsync(page)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var self = await Html.ParseAsync(await PostAsync(manager, $"/Staff/{managerUser.Id}", "Supervision", [("Supervision.Kind", "CaseSupervision"), ("Supervision.SupervisorId", practitioner.Id.ToString()),
            .. Date("Supervision.HeldOn", Today), ("Supervision.Notes", "Discussed my own cases")]));
        Assert.Contains("You cannot record your own supervision", string.Join(" ", self.ErrorSummary()), StringComparison.Ordinal);
        var future = await Html.ParseAsync(await PostAsync(manager, page, "Supervision", [("Supervision.Kind", "CaseSupervision"), ("Supervision.SupervisorId", managerUser.Id.ToString()),
            .. Date("Supervision.HeldOn", Today.AddDays(3)), ("Supervision.Notes", "Too soon")]));
        Assert.Contains("The date held must be today or in the past", string.Join(" ", future.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Supervisions.CountAsync(x => x.SuperviseeId == practitioner.Id || x.SuperviseeId == managerUser.Id)));

        var done = await PostAsync(manager, page, "Supervision", [("Supervision.Kind", "CaseSupervision"), ("Supervision.SupervisorId", managerUser.Id.ToString()),
            .. Date("Supervision.HeldOn", Today.AddDays(-2)), ("Supervision.CasesDiscussed", "RJ-2026-00012"), ("Supervision.Notes", "Agreed to re-assess the victim's safety plan")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var row = await factory.WithDbAsync(db => db.Supervisions.AsNoTracking().SingleAsync(x => x.SuperviseeId == practitioner.Id));
        Assert.DoesNotContain("safety plan", row.NotesCiphertext, StringComparison.Ordinal);
        var after = await manager.GetPageAsync(page);
        Assert.Contains("Agreed to re-assess the victim's safety plan", after.QuerySelector($"#supervision-{row.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(-2 + 84).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), after.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "SupervisionNotes" && e.EntityId == row.Id.ToString() && e.ActorUserId == managerUser.Id)));

        // The notes are for the supervisor, the recorder and the person's own team managers: another team's manager and an
        // administrator see that it was held, not what was said.
        var team = Team.Create("Another team " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Add(team);
            return await db.SaveChangesAsync();
        });
        var otherTeamsManager = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team.Id);
        foreach (var outsider in new[] { otherTeamsManager, await TestUsers.CreateAsync(factory, [Roles.Administrator]) })
        {
            var card = (await (await SignIn.AsAsync(factory, outsider)).GetPageAsync(page)).QuerySelector($"#supervision-{row.Id}")!;
            Assert.DoesNotContain("safety plan", card.TextContent, StringComparison.Ordinal);
            Assert.NotNull(card.QuerySelector("[data-notes-withheld]"));
            Assert.False(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "SupervisionNotes" && e.ActorUserId == outsider.Id)));
        }

        var teamManager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        Assert.Contains("safety plan", (await teamManager.GetPageAsync(page)).QuerySelector($"#supervision-{row.Id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_ReadsTheRegister_AndRecords_NamingEachBadField()
    {
        var managerUser = await TestUsers.CreateAsync(factory, [Roles.Manager]);
        var manager = await SignIn.AsAsync(factory, managerUser);
        var volunteer = await TestUsers.CreateAsync(factory, [Roles.Volunteer]);
        var lapsed = await manager.PostAsJsonAsync($"/api/v1/staff/{volunteer.Id}/dbs-checks",
            new { level = "Enhanced", certificateNumber = "001122334455", issuedOn = Today.AddYears(-3).ToString("yyyy-MM-dd"), updateService = false, renewBy = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, lapsed.StatusCode);
        Assert.True((await lapsed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("renewBy", out _));
        var made = await manager.PostAsJsonAsync($"/api/v1/staff/{volunteer.Id}/dbs-checks",
            new { level = "Enhanced", certificateNumber = "001122334455", issuedOn = Today.AddMonths(-1).ToString("yyyy-MM-dd"), updateService = true, renewBy = Today.AddYears(3).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.DoesNotContain("001122", await made.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var own = await manager.PostAsJsonAsync($"/api/v1/staff/{managerUser.Id}/supervisions",
            new { kind = "CaseSupervision", supervisorId = volunteer.Id, heldOn = Today.ToString("yyyy-MM-dd"), notes = "Mine" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);

        var all = await (await manager.GetAsync("/api/v1/staff")).Content.ReadFromJsonAsync<JsonElement>();
        var row = all.EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == volunteer.Id);
        Assert.True(row.GetProperty("dbsCurrent").GetBoolean());
        Assert.Equal("•••• •••• 4455", row.GetProperty("dbs").GetProperty("maskedNumber").GetString());
        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/api/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Reminders_AreOnlyForTheRecordThatCounts_NeverForOneReplacedOrEnteredAsHistory()
    {
        var person = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Mend.Web.Data.MendDb>();
            var encryption = sp.GetRequiredService<Mend.Web.Platform.Encryption.FieldEncryption>();
            // Renewed early: the old check runs out in 10 days, the new one in 3 years.
            db.DbsChecks.Add(DbsCheck.Record(person.Id, new(DbsLevel.Enhanced, "111111111111", Today.AddYears(-3), false, Today.AddDays(10)), Today, encryption, "T", now));
            db.DbsChecks.Add(DbsCheck.Record(person.Id, new(DbsLevel.Enhanced, "222222222222", Today.AddDays(-5), false, Today.AddYears(3)), Today, encryption, "T", now));
            // History: a course that ran out years ago, entered today.
            db.TrainingRecords.Add(TrainingRecord.Record(person.Id, new(TrainingKind.Other, "First aid (old)", null, null, Today.AddYears(-5), Today.AddYears(-2), null, false), Today, "T", now));
            await db.SaveChangesAsync();
        });

        await factory.WithScopeAsync(sp => sp.GetRequiredService<RegisterReminders>().RunAsync(CancellationToken.None));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == person.Id)));
    }

    [Fact]
    public async Task WhatIsDue_CountsTheRecordThatMatters_AndTheCpdShortfall_AndOnlyStaffHaveARegister()
    {
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var person = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Mend.Web.Data.MendDb>();
            // Level 3 safeguarding current for two years; an older level 1 course runs out next week and no longer counts.
            db.TrainingRecords.Add(TrainingRecord.Record(person.Id, new(TrainingKind.Safeguarding, "Safeguarding level 1", null, 1, Today.AddYears(-3), Today.AddDays(7), 2m, false), Today, "T", now));
            db.TrainingRecords.Add(TrainingRecord.Record(person.Id, new(TrainingKind.Safeguarding, "Safeguarding level 3", null, 3, Today.AddMonths(-1), Today.AddYears(2), 6m, false), Today, "T", now));
            // The facilitator accreditation runs out next week, but the advanced one (which covers it) runs for two years.
            db.Accreditations.Add(Accreditation.Award(person.Id, AccreditationLevel.Facilitator, "RJC", Today.AddYears(-2), Today.AddDays(7), "T", now));
            db.Accreditations.Add(Accreditation.Award(person.Id, AccreditationLevel.AdvancedFacilitator, "RJC", Today.AddMonths(-1), Today.AddYears(2), "T", now));
            var user = await db.Users.SingleAsync(u => u.Id == person.Id);
            user.PractitionerLevel = PractitionerLevel.Intermediate;
            await db.SaveChangesAsync();
        });

        async Task<JsonElement> SummaryAsync() => await (await manager.GetAsync($"/api/v1/staff/{person.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        var summary = await SummaryAsync();
        Assert.True(summary.GetProperty("safeguardingCurrent").GetBoolean());
        var due = summary.GetProperty("due").EnumerateArray().Select(d => d.GetProperty("what").GetString()!).ToList();
        Assert.DoesNotContain(due, d => d.StartsWith("Safeguarding", StringComparison.Ordinal));
        Assert.DoesNotContain(due, d => d.Contains("accreditation", StringComparison.Ordinal));
        // Intermediate: 12 hours a year, at least 6 RJC-approved. 6 hours in the past year (the old course is older), none approved.
        var cpd = summary.GetProperty("due").EnumerateArray().Single(d => d.GetProperty("what").GetString()!.StartsWith("CPD", StringComparison.Ordinal));
        Assert.True(cpd.GetProperty("shortfall").GetBoolean());
        Assert.Contains("6 of 12 hours in the past year, 0 of them RJC-approved", cpd.GetProperty("what").GetString(), StringComparison.Ordinal);

        // 6 more approved hours: exactly 12 hours, exactly half approved: no shortfall.
        await manager.PostAsJsonAsync($"/api/v1/staff/{person.Id}/training", new { kind = "Cpd", course = "RJC conference", completedOn = Today.ToString("yyyy-MM-dd"), cpdHours = 6, rjcApproved = true });
        Assert.DoesNotContain((await SummaryAsync()).GetProperty("due").EnumerateArray(), d => d.GetProperty("shortfall").GetBoolean());

        // Partners and administrators have no register; nothing can be recorded for them.
        foreach (var outsider in new[] { await TestUsers.CreateAsync(factory, [Roles.Partner]), await TestUsers.CreateAsync(factory, [Roles.Administrator]) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/staff/{outsider.Id}")).StatusCode);
            var refused = await manager.PostAsJsonAsync($"/api/v1/staff/{outsider.Id}/dbs-checks",
                new { level = "Enhanced", certificateNumber = "001122334455", issuedOn = Today.AddMonths(-1).ToString("yyyy-MM-dd"), updateService = true, renewBy = Today.AddYears(3).ToString("yyyy-MM-dd") });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.False(await factory.WithDbAsync(db => db.DbsChecks.AnyAsync(d => d.UserId == outsider.Id)));
        }
    }
}
