using System.Net;
using System.Text.RegularExpressions;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Admin;

public sealed partial class UsersTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Invite_MissingFields_ShowsAnErrorForEachAndCreatesNobody()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitAsync("/Admin/Users/Invite", ("Input.DisplayName", ""), ("Input.Email", "not-an-email"));

        var errors = (await Html.ParseAsync(response)).ErrorSummary();
        Assert.Contains("Enter the person's full name", errors);
        Assert.Contains("Enter an email address in the correct format, like name@example.org", errors);
        Assert.Contains("Select at least one role", errors);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Invite_ThenFollowTheEmailedLink_SetsPasswordAndLeadsToTwoFactorSetup()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var invited = await admin.SubmitAsync("/Admin/Users/Invite",
            ("Input.DisplayName", "Nia Newcomer"), ("Input.Email", email), ("Input.Roles", Roles.Practitioner));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var link = LinkIn(email);
        var newcomer = factory.CreateBrowserClient();
        var weak = await newcomer.SubmitAsync(link, ("Password.NewPassword", "password1234"), ("Password.ConfirmPassword", "password1234"));
        Assert.Contains("Password is too common", string.Join(" ", (await Html.ParseAsync(weak)).ErrorSummary()));

        var set = await newcomer.SubmitAsync(link, ("Password.NewPassword", "orchard kestrel lantern"), ("Password.ConfirmPassword", "orchard kestrel lantern"));
        Assert.Equal("/Account/TwoFactor/Setup", set.Headers.Location!.OriginalString);

        // The link works once.
        var again = await factory.CreateBrowserClient().GetPageAsync(link);
        Assert.Contains("expired or has already been used", again.QuerySelector("h1")!.TextContent);
        var audited = await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.UserInvited));
        Assert.True(audited);
    }

    [Fact]
    public async Task Invitation_AfterItExpires_IsRefused()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var email = $"late-{Guid.NewGuid():N}@example.org";
        await admin.SubmitAsync("/Admin/Users/Invite", ("Input.DisplayName", "Lee Late"), ("Input.Email", email), ("Input.Roles", Roles.Volunteer));
        factory.Clock.Advance(TimeSpan.FromDays(8));

        var page = await factory.CreateBrowserClient().GetPageAsync(LinkIn(email));
        Assert.Contains("expired or has already been used", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Invitation_SentAgain_TheEarlierLinkNoLongerWorks()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var email = $"again-{Guid.NewGuid():N}@example.org";
        await admin.SubmitAsync("/Admin/Users/Invite", ("Input.DisplayName", "Ari Again"), ("Input.Email", email), ("Input.Roles", Roles.Volunteer));
        var first = LinkIn(email);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var resent = await admin.SubmitAsync($"/Admin/Users/Edit/{id}", [], $"/Admin/Users/Edit/{id}?handler=Resend");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        var old = await factory.CreateBrowserClient().GetPageAsync(first);
        Assert.Contains("expired or has already been used", old.QuerySelector("h1")!.TextContent);
        var newest = AllLinksIn(email).Single(l => l != first);
        var page = await factory.CreateBrowserClient().GetPageAsync(newest);
        Assert.DoesNotContain("expired", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ChangeRoles_EndsTheUsersOtherSessionsWithinAMinute()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var target = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var targetSession = await SignIn.AsAsync(factory, target);
        Assert.Equal(HttpStatusCode.OK, (await targetSession.GetAsync("/")).StatusCode);

        var edit = await admin.GetPageAsync($"/Admin/Users/Edit/{target.Id}");
        var stamp = edit.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        var saved = await admin.SubmitAsync($"/Admin/Users/Edit/{target.Id}", [new("Roles", Roles.Manager), new("ConcurrencyStamp", stamp)],
            postUrl: $"/Admin/Users/Edit/{target.Id}?handler=Roles");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("/Account/SignIn", (await targetSession.GetAsync("/")).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ChangeRoles_WithAStaleVersion_IsRefusedAndShowsTheConflict()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var target = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);

        var response = await admin.SubmitAsync($"/Admin/Users/Edit/{target.Id}", [new("Roles", Roles.Manager), new("ConcurrencyStamp", "stale")],
            postUrl: $"/Admin/Users/Edit/{target.Id}?handler=Roles");

        Assert.Contains("Someone else changed this user", string.Join(" ", (await Html.ParseAsync(response)).ErrorSummary()));
        var roles = await factory.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == target.Id));
        Assert.Equal(1, roles);
    }

    [Fact]
    public async Task Disable_EndsSessionsAndRefusesSignIn()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var target = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var targetSession = await SignIn.AsAsync(factory, target);

        var disabled = await admin.SubmitAsync($"/Admin/Users/Disable/{target.Id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal("/Account/SignIn", (await targetSession.GetAsync("/")).Headers.Location!.AbsolutePath);
        var again = await factory.CreateBrowserClient().SubmitAsync("/Account/SignIn", ("Input.Email", target.Email), ("Input.Password", target.Password));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.UserDisabled && e.EntityId == target.Id.ToString())));
    }

    [Fact]
    public async Task UserSearch_HtmxRequest_ReturnsOnlyTheResults()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var target = await TestUsers.CreateAsync(factory, [Roles.Volunteer]);

        var response = await admin.SubmitAsync("/Admin/Users", [new("Query", target.Email[..20]), new("Status", "all")], postUrl: "/Admin/Users?handler=Results");

        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"user-results\">", html.Trim());
        Assert.Contains(target.Email, html);
        Assert.DoesNotContain("<html", html);
    }

    private string LinkIn(string email)
    {
        var mail = Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText).Last(m => m.Contains(email));
        var link = InvitationLink().Match(mail.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=")).Value;
        return link.Replace("https://localhost", "");
    }

    private List<string> AllLinksIn(string email) => Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText).Where(m => m.Contains(email))
        .Select(m => InvitationLink().Match(m.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=")).Value.Replace("https://localhost", ""))
        .Where(l => l.Length > 0).Distinct().ToList();

    [GeneratedRegex(@"https://localhost/Account/Invitation\?user=[0-9a-f-]+&token=[A-Za-z0-9%_\-]+")]
    private static partial Regex InvitationLink();
}
