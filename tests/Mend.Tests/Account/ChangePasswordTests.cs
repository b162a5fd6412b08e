using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Account;

public sealed class ChangePasswordTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task ChangePassword_EndsOtherSessionsWithinAMinute_AndEmailsTheUser()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var here = await SignIn.AsAsync(factory, user);
        var elsewhere = await SignIn.AsAsync(factory, user);

        var changed = await here.SubmitAsync("/Account/ChangePassword",
            ("CurrentPassword", TestUsers.Password), ("Password.NewPassword", "lantern orchard thistle"), ("Password.ConfirmPassword", "lantern orchard thistle"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var replay = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/Account/SignIn", replay.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);

        var mail = Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText).Where(m => m.Contains(user.Email));
        Assert.Contains(mail, m => m.Contains("Your password was changed"));
    }
}
