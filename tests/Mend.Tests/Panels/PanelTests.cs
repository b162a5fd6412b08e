using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Tests.Processes;
using Mend.Web.Features.Panels;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Panels;

/// <summary>Community and referral-order panels: members and chair, the panel gate on scheduling, what volunteers can see, and the chair's minutes.</summary>
public sealed class PanelTests(MendFactory factory) : ProcessTests(factory), IClassFixture<MendFactory>
{
    [Fact]
    public async Task Manager_AddsAPanel_ItsMembers_AndItsChair_WithClearErrors()
    {
        var manager = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Roles.Manager]));
        var volunteer = await TestUsers.CreateAsync(Factory, [Roles.Volunteer]);
        var name = "Panel " + Guid.NewGuid().ToString("N")[..8];

        var missing = await manager.SubmitAsync("/Admin/Panels", ("Name", " "));
        var errors = (await Html.ParseAsync(missing)).ErrorSummary();
        Assert.Contains("Enter the panel's name", errors);
        Assert.Contains("Select the kind of panel", errors);

        var added = await manager.SubmitAsync("/Admin/Panels", ("Name", name), ("Kind", "CommunityRj"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var edit = added.Headers.Location!.OriginalString;
        var duplicate = await manager.SubmitAsync("/Admin/Panels", ("Name", name), ("Kind", "ReferralOrder"));
        Assert.Contains("There is already a panel with that name", (await Html.ParseAsync(duplicate)).ErrorSummary());

        var page = await manager.GetPageAsync(edit);
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Contains("Select who to add", (await Html.ParseAsync(await manager.SubmitAsync(edit, [new("Version", version), new("MemberId", "")], edit + "?handler=Add"))).ErrorSummary());
        // A volunteer joins only with panel training and a current DBS check; the refusal names both.
        var refused = string.Join(" ", (await Html.ParseAsync(await manager.SubmitAsync(edit, [new("Version", version), new("MemberId", volunteer.Id.ToString())], edit + "?handler=Add"))).ErrorSummary());
        Assert.Contains("no panel training is recorded", refused, StringComparison.Ordinal);
        Assert.Contains("no DBS check is recorded", refused, StringComparison.Ordinal);
        await TestUsers.GivePanelTrainingAsync(Factory, volunteer.Id);
        Assert.DoesNotContain("panel training", string.Join(" ", (await Html.ParseAsync(await manager.SubmitAsync(edit, [new("Version", version), new("MemberId", volunteer.Id.ToString())], edit + "?handler=Add"))).ErrorSummary()), StringComparison.Ordinal);
        await TestUsers.GiveDbsAsync(Factory, volunteer.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(edit, [new("Version", version), new("MemberId", volunteer.Id.ToString())], edit + "?handler=Add")).StatusCode);

        var stale = await manager.SubmitAsync(edit, [new("Version", version)], $"{edit}?handler=Chair&userId={volunteer.Id}");
        Assert.Contains(((await Html.ParseAsync(stale)).ErrorSummary()), e => e.StartsWith("Someone else changed this panel", StringComparison.Ordinal));
        version = (await manager.GetPageAsync(edit)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(edit, [new("Version", version)], $"{edit}?handler=Chair&userId={volunteer.Id}")).StatusCode);

        var panel = await Factory.WithDbAsync(db => db.Panels.AsNoTracking().SingleAsync(p => p.Name == name));
        Assert.Equal(volunteer.Id, panel.Chair!.UserId);
        Assert.Contains("Chair", (await manager.GetPageAsync(edit)).QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(int PanelId, TestUser Chair, TestUser Member)> PanelAsync(PanelKind kind = PanelKind.CommunityRj, string[]? memberRoles = null) => await Factory.WithDbAsync(async db =>
    {
        var chair = await TestUsers.CreateAsync(Factory, [Roles.Volunteer]);
        var member = await TestUsers.CreateAsync(Factory, [.. memberRoles ?? [Roles.Volunteer]]);
        foreach (var volunteer in new[] { chair, member })
        {
            await TestUsers.GivePanelTrainingAsync(Factory, volunteer.Id);
            await TestUsers.GiveDbsAsync(Factory, volunteer.Id);
        }

        var panel = Panel.Create("Panel " + Guid.NewGuid().ToString("N")[..8], kind);
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        panel.AddMember(chair.Id, "Chris Chair", now);
        panel.AddMember(member.Id, "Mo Member", now);
        panel.MakeChair(chair.Id);
        db.Panels.Add(panel);
        await db.SaveChangesAsync();
        return (panel.Id, chair, member);
    });

    [Fact]
    public async Task PanelMeeting_NeedsAPanelOfTheRightKind_VolunteersSeeOnlyTheirPanelsBrief_AndOnlyTheChairWritesMinutes()
    {
        var (client, c, _) = await ReadyConferenceAsync();
        var planned = await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/processes", new { kind = "CommunityPanel", personIds = new[] { c.YoungPersonId, c.VictimId } });
        var processId = (await JsonAsync(planned)).GetProperty("id").GetGuid();
        var url = $"/api/v1/processes/{processId}";
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var (panelId, chair, member) = await PanelAsync();
        var (otherKind, _, _) = await PanelAsync(PanelKind.ReferralOrder);
        var (_, outsider, _) = await PanelAsync();

        Assert.Equal("Choose the panel that will meet before scheduling", await ErrorAsync(await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1)), "panelId"));
        Assert.Contains("Choose an active community RJ panel", await ErrorAsync(await PostAsync(client, url + "/panel", new { panelId = otherKind }), "panelId"), StringComparison.Ordinal);
        Assert.Equal(panelId, (await JsonAsync(await PostAsync(client, url + "/panel", new { panelId }))).GetProperty("panelId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);

        Assert.Contains(Directory.GetFiles(Factory.MailFolder).Select(f => MimeKit.MimeMessage.Load(f)),
            m => m.To.Mailboxes.Any(a => a.Address == member.Email) && m.TextBody!.Contains("on the panel for a restorative meeting", StringComparison.Ordinal));
        var reference = await Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.Reference).SingleAsync());
        var volunteer = await SignIn.AsAsync(Factory, member);
        var list = await volunteer.GetPageAsync("/Panels");
        Assert.Contains(reference, list.QuerySelector("#meetings")!.TextContent, StringComparison.Ordinal);
        var brief = await volunteer.GetPageAsync($"/Panels/Meetings/{processId}");
        var people = brief.QuerySelector("#people")!.TextContent;
        Assert.Contains("Kai", people, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan", people, StringComparison.Ordinal);
        Assert.Contains("Theft from a shop", brief.QuerySelector("#brief")!.TextContent, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "PanelMeeting" && e.EntityId == processId.ToString() && e.SubjectPersonId == c.YoungPersonId)));
        Assert.Equal("/Errors/403", (await volunteer.GetAsync($"/Cases/{c.CaseId}")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync(url)).StatusCode);

        var stranger = await SignIn.AsAsync(Factory, outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Panels/Meetings/{processId}")).StatusCode);
        Assert.DoesNotContain(reference, (await stranger.GetPageAsync("/Panels")).Body!.TextContent, StringComparison.Ordinal);

        var minutesUrl = $"/api/v1/panel-meetings/{processId}/minutes";
        var chairClient = await SignIn.AsAsync(Factory, chair);
        Assert.Contains("once the meeting has started", await ErrorAsync(await PostAsync(chairClient, minutesUrl, new { minutes = "Early" }), ""), StringComparison.Ordinal);
        // Two hours after the meeting began (tomorrow at 10:00 UTC), whatever the time of day the test runs.
        Factory.Clock.SetUtcNow(At(1, 12));
        chairClient = await SignIn.AsAsync(Factory, chair);
        volunteer = await SignIn.AsAsync(Factory, member);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(volunteer, minutesUrl, new { minutes = "Not the chair" })).StatusCode);
        Assert.Equal("Enter the minutes", await ErrorAsync(await PostAsync(chairClient, minutesUrl, new { minutes = "" }), "minutes"));
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(chairClient, minutesUrl, new { minutes = "Kai read his letter; the panel agreed six hours of reparation." })).StatusCode);

        Assert.Contains("six hours", (await volunteer.GetPageAsync($"/Panels/Meetings/{processId}")).QuerySelector("#minutes")!.TextContent, StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.RjProcesses.AsNoTracking().SingleAsync(p => p.Id == processId));
        Assert.DoesNotContain("reparation", stored.MinutesCiphertext!, StringComparison.Ordinal);
        Assert.Equal("Chris Chair", stored.ChairName);
    }

    [Fact]
    public async Task AVolunteerWhoseDbsLapses_OrWhoIsNoLongerStaff_CannotSit_SeesNoBrief_AndTheirPanelIsNotScheduled()
    {
        var (client, c, _) = await ReadyConferenceAsync();
        var processId = (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/processes",
            new { kind = "CommunityPanel", personIds = new[] { c.YoungPersonId, c.VictimId } }))).GetProperty("id").GetGuid();
        var facilitator = await FacilitatorAsync(AccreditationLevel.Facilitator);
        var (panelId, chair, member) = await PanelAsync(memberRoles: [Roles.Volunteer, Roles.Practitioner]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/processes/{processId}/panel", new { panelId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignIn.AsAsync(Factory, chair)).GetAsync($"/Panels/Meetings/{processId}")).StatusCode);

        // The chair's DBS check runs out: from that day they see none of the panel's meetings.
        await Factory.WithDbAsync(db => db.DbsChecks.Where(d => d.UserId == chair.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.RenewBy, DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddDays(-1))));
        var lapsed = await SignIn.AsAsync(Factory, chair);
        Assert.Equal(HttpStatusCode.NotFound, (await lapsed.GetAsync($"/Panels/Meetings/{processId}")).StatusCode);
        Assert.Null((await lapsed.GetPageAsync("/Panels")).QuerySelector($"a[href='/Panels/Meetings/{processId}']"));

        // The member stops being a practitioner: as a volunteer only, they need their own panel training, which they lack.
        await Factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MendUser>>();
            var user = (await users.FindByIdAsync(member.Id.ToString()))!;
            await users.RemoveFromRoleAsync(user, Roles.Practitioner);
            await Factory.WithDbAsync(db => db.TrainingRecords.Where(t => t.UserId == member.Id).ExecuteDeleteAsync());
        });
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignIn.AsAsync(Factory, member)).GetAsync($"/Panels/Meetings/{processId}")).StatusCode);

        var manager = await SignIn.AsAsync(Factory, await TestUsers.CreateAsync(Factory, [Roles.Manager]));
        var members = (await manager.GetPageAsync($"/Admin/Panels/Edit/{panelId}")).QuerySelector("#members")!.TextContent;
        Assert.Contains("their DBS check is past its renewal date", members, StringComparison.Ordinal);
        Assert.Contains("no panel training is recorded", members, StringComparison.Ordinal);

        // Someone left with no role at all (not even a volunteer's) may not sit either, and is named so.
        var (_, _, roleless) = await PanelAsync();
        await Factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MendUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(roleless.Id.ToString()))!, Roles.Volunteer);
            var clearance = services.GetRequiredService<PanelClearance>();
            var today = Mend.Web.Platform.Time.London.DateOf(Factory.Clock.GetUtcNow().UtcDateTime);
            Assert.False(await clearance.Cleared(today).ContainsAsync(roleless.Id));
            Assert.Contains("no longer has a volunteer, practitioner or manager role", (await clearance.GapsAsync([roleless.Id], today, CancellationToken.None))[roleless.Id][0], StringComparison.Ordinal);
        });

        var rescheduled = await ScheduleAsync(client, processId, Meeting(c, facilitator.Id, await VenueAsync(), days: 2));
        var error = await ErrorAsync(rescheduled, "panelId");
        Assert.Contains("Chris Chair cannot sit on the panel", error, StringComparison.Ordinal);
        Assert.Contains("Mo Member cannot sit on the panel", error, StringComparison.Ordinal);
    }
}
