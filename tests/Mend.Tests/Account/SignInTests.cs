using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Account;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Account;

public sealed class SignInTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task SignIn_PasswordAndAuthenticatorCode_ReachesHomeAndIsAudited()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, user);

        var home = await client.GetPageAsync("/");
        Assert.Contains("Welcome", home.QuerySelector("h1")!.TextContent);
        var actions = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorUserId == user.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.SignIn, actions);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndRecordsFailure()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", "not the password at all"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, (await Html.ParseAsync(response)).ErrorSummary());
        var failures = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ActorUserId == user.Id && e.Action == AuditAction.SignInFailed));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_GivesTheSameAnswerAsAWrongPassword()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitAsync("/Account/SignIn", ("Input.Email", "nobody@example.org"), ("Input.Password", "whatever it is here"));
        Assert.Equal([SignInModel.FailedMessage], (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task SignIn_LockedAccount_AndUnknownAddressTriedAsOften_GetTheSameAnswer()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = factory.CreateBrowserClient();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        IReadOnlyList<string> lockedAnswer = [], unknownAnswer = [];
        for (var i = 0; i < 6; i++)
        {
            lockedAnswer = (await Html.ParseAsync(await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", "wrong password " + i)))).ErrorSummary();
            unknownAnswer = (await Html.ParseAsync(await client.SubmitAsync("/Account/SignIn", ("Input.Email", unknown), ("Input.Password", "wrong password " + i)))).ErrorSummary();
        }

        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow);
        var rightPasswordWhileLocked = (await Html.ParseAsync(await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password)))).ErrorSummary();
        Assert.Equal([SignInModel.FailedMessage], lockedAnswer);
        Assert.Equal(lockedAnswer, unknownAnswer);
        Assert.Equal(lockedAnswer, rightPasswordWhileLocked);
    }

    [Theory]
    [InlineData("/%09/x")]
    [InlineData("/%0d%0aSet-Cookie:%20a=b")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/Cases%00")]
    public async Task SignIn_ReturnUrlThatIsNotAPlainLocalPath_GoesHome_OnEveryStep(string returnUrl)
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = factory.CreateBrowserClient();
        var page = await client.GetAsync("/Account/SignIn?ReturnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var password = await client.SubmitAsync("/Account/SignIn?ReturnUrl=" + returnUrl, [new("Input.Email", user.Email), new("Input.Password", user.Password)],
            "/Account/SignIn?ReturnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var verify = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/Account/TwoFactor/Verify", verify);
        var code = await client.SubmitAsync(verify, [new("Code", user.NextCode(factory.Clock))], verify);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.OriginalString);

        var other = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var second = factory.CreateBrowserClient();
        var first = await second.SubmitAsync("/Account/SignIn?ReturnUrl=" + returnUrl, [new("Input.Email", other.Email), new("Input.Password", other.Password)],
            "/Account/SignIn?ReturnUrl=" + returnUrl);
        var recoveryUrl = first.Headers.Location!.OriginalString.Replace("/Verify", "/Recovery", StringComparison.Ordinal);
        var recovery = await second.SubmitAsync(recoveryUrl, [new("Code", "not-a-code")], recoveryUrl);
        Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
    }

    [Fact]
    public async Task SignIn_AuthenticatorCodeUsedTwice_SecondUseRefused()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var first = factory.CreateBrowserClient();
        await first.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));
        var code = user.NextCode(factory.Clock);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync("/Account/TwoFactor/Verify", ("Code", code))).StatusCode);

        var second = factory.CreateBrowserClient();
        await second.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));
        var replay = await second.SubmitAsync("/Account/TwoFactor/Verify", ("Code", code));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("has been used already", string.Join(" ", (await Html.ParseAsync(replay)).ErrorSummary()));
    }

    [Fact]
    public async Task SignIn_FiveFailuresIncludingWrongCodes_LocksTheAccountFor15Minutes()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", "wrong password " + i));
        }

        await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));
        await client.SubmitAsync("/Account/TwoFactor/Verify", ("Code", "000000"));
        var locked = await client.SubmitAsync("/Account/TwoFactor/Verify", ("Code", "000001"));
        Assert.Contains("locked", string.Join(" ", (await Html.ParseAsync(locked)).ErrorSummary()));

        var fresh = factory.CreateBrowserClient();
        var stillLocked = await fresh.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Contains("locked", string.Join(" ", (await Html.ParseAsync(stillLocked)).ErrorSummary()));

        // Identity times lockouts with the real clock, so check the lockout's length rather than wait it out.
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        var remaining = lockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_UserWithoutSecondFactor_MustSetOneUpFirst()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner], twoFactor: false);
        var client = factory.CreateBrowserClient();
        await client.SubmitAsync("/Account/SignIn", ("Input.Email", user.Email), ("Input.Password", user.Password));

        var home = await client.GetAsync("/");
        Assert.Equal("/Account/TwoFactor/Setup", home.Headers.Location!.OriginalString);

        var setup = await client.GetPageAsync("/Account/TwoFactor/Setup");
        var key = setup.QuerySelector("#setup-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.mend-qr")!.GetAttribute("src"));
        var enabled = await client.SubmitAsync("/Account/TwoFactor/Setup", ("Code", (user with { AuthenticatorKey = key }).NextCode(factory.Clock)));

        var page = await Html.ParseAsync(enabled);
        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains(Directory.GetFiles(factory.MailFolder), f => File.ReadAllText(f).Contains("Two-factor authentication was turned on"));
    }

    [Fact]
    public async Task Session_IdleFor16Minutes_EndsTheSession()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await client.GetAsync("/");
        Assert.StartsWith("https://localhost/Account/SignIn", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Session_OlderThan12Hours_EndsEvenWhenActive()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        for (var i = 0; i < 50; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(14.5));
            var response = await client.GetAsync("/");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.True(i * 14.5 >= 12 * 60 - 15, $"Session ended too early, after {i * 14.5} minutes");
                return;
            }
        }

        Assert.Fail("The session was still valid after more than 12 hours.");
    }

    [Fact]
    public async Task SignOut_ThenReplayTheOldCookie_IsRefusedWithinAMinute()
    {
        var cookies = new CookieContainer();
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]), cookies);
        var session = cookies.GetCookies(new Uri("https://localhost"))["__Host-Mend"]!;
        Assert.True(session.Secure && session.HttpOnly);

        var signOut = await client.SubmitAsync("/", [], postUrl: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));

        var attacker = factory.CreateBrowserClient();
        var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        var response = await attacker.SendAsync(replay);
        Assert.StartsWith("https://localhost/Account/SignIn", response.Headers.Location!.ToString());
    }
}
