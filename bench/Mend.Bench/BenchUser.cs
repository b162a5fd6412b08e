using Mend.Web;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Bench;

/// <summary>
/// Creates the bench practitioner (or, with --role manager, a manager) for the load scenarios (with a password when given, for the page
/// scenarios' signed-in session) and prints their id, e-mail and a 1-day API token, a line each, and for a manager their
/// authenticator key.
/// </summary>
public static class BenchUser
{
    public static async Task<int> RunAsync(Options options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mend:Database:Provider"] = options.Optional("provider") == "sqlite" ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Mend"] = options.Required("connection"),
            ["Mend:Encryption:Keys:1"] = options.Required("key"),
            ["Mend:Email:Folder"] = Path.Combine(Path.GetTempPath(), "mend-bench-mail"),
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.AddMend();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Mend.Web.Data.MendDb>().Database.MigrateAsync();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem("bench");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MendUser>>();
        var role = options.Optional("role") == "manager" ? Roles.Manager : Roles.Practitioner;
        var user = MendUser.Create($"bench-{Guid.NewGuid():N}@bench.invalid", $"Bench {role}", DateTime.UtcNow);
        Check(options.Optional("password") is { } password ? await users.CreateAsync(user, password) : await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        string? authenticatorKey = null;
        if (role == Roles.Manager)
        {
            // Managers always sign in with a second factor; the page scenarios compute its codes from this key.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            authenticatorKey = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        var result = await scope.ServiceProvider.GetRequiredService<IssueApiToken>()
            .HandleAsync(new IssueApiToken.Request(user.Id, "bench", [ApiScopes.ReadCases], "1"));
        Console.WriteLine(user.Id);
        Console.WriteLine(user.Email);
        Console.WriteLine(result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Values)));
        if (authenticatorKey is not null)
        {
            Console.WriteLine(authenticatorKey);
        }

        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
