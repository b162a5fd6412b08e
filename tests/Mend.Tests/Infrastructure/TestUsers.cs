using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mend.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Password, string? AuthenticatorKey)
{
    /// <summary>A fresh authenticator code: moves the fake clock on one 30-second step so no code is reused.</summary>
    public string NextCode(FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromSeconds(30));
        return new Totp(Base32Encoding.ToBytes(AuthenticatorKey!)).ComputeTotp(clock.GetUtcNow().UtcDateTime);
    }
}

public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates an active user with the given roles and, unless told otherwise, an authenticator app set up.</summary>
    public static async Task<TestUser> CreateAsync(MendFactory factory, string[] roles, bool twoFactor = true, string? password = Password, Guid? teamId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MendUser>>();
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var user = MendUser.Create(email, "Test " + string.Join(" ", roles), factory.Clock.GetUtcNow().UtcDateTime);
        if (teamId is { } team)
        {
            user.TeamId = team;
        }

        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, email, password ?? "", key);
    }

    /// <summary>Issues a personal access token for the user with the given scopes, as the create-token command does.</summary>
    public static async Task<string> IssueTokenAsync(MendFactory factory, Guid userId, IReadOnlyCollection<string> scopes, string days = "30")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
        var result = await scope.ServiceProvider.GetRequiredService<Mend.Web.Features.Admin.Users.IssueApiToken>()
            .HandleAsync(new Mend.Web.Features.Admin.Users.IssueApiToken.Request(userId, "test", scopes, days));
        Assert.Empty(result.Errors);
        return result.Value!;
    }

    /// <summary>Records a current enhanced DBS check for the user (renewal two years on), as a manager would on the register.</summary>
    public static async Task GiveDbsAsync(MendFactory factory, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<Mend.Web.Data.MendDb>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        db.DbsChecks.Add(Mend.Web.Features.Staff.DbsCheck.Record(userId, new(Mend.Web.Features.Staff.DbsLevel.EnhancedWithBarredList, "001234567890", today.AddYears(-1), true, today.AddYears(2)),
            today, scope.ServiceProvider.GetRequiredService<Mend.Web.Platform.Encryption.FieldEncryption>(), "Test", now));
        await db.SaveChangesAsync();
    }

    /// <summary>Records panel-member training completed a month ago, as a manager would on the register.</summary>
    public static async Task GivePanelTrainingAsync(MendFactory factory, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<Mend.Web.Data.MendDb>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        db.TrainingRecords.Add(Mend.Web.Features.Staff.TrainingRecord.Record(userId, new(Mend.Web.Features.Staff.TrainingKind.PanelMember, "Referral order panel member training",
            "Exampletown YOT", null, today.AddMonths(-1), null, 6m, false), today, "Test", now));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
