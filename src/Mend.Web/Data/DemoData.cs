using System.Security.Cryptography;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Mend.Web.Data;

/// <summary>
/// Demo accounts for the development demo (scripts/run), one per role. Their shared password is made
/// at random on first start and kept in a local file beside the database, so there is no default
/// password anywhere. Seeding twice adds nothing.
/// </summary>
public static class DemoData
{
    public const string EmailDomain = "demo.mend.example";

    public static readonly IReadOnlyList<(string Local, string Name, string Role)> Accounts =
    [
        ("admin", "Alex Admin (demo)", Roles.Administrator),
        ("manager", "Morgan Manager (demo)", Roles.Manager),
        ("practitioner", "Priya Practitioner (demo)", Roles.Practitioner),
        ("dpo", "Dana Data-Protection (demo)", Roles.DataProtectionOfficer),
        ("volunteer", "Val Volunteer (demo)", Roles.Volunteer),
        ("partner", "Pat Partner (demo)", Roles.Partner),
    ];

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var users = services.GetRequiredService<UserManager<MendUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        services.GetRequiredService<AuditActor>().ActAsSystem("demo-data");
        var file = configuration["Mend:Demo:CredentialsFile"] ?? Path.Combine(".mend", "demo-sign-ins.txt");

        var password = File.Exists(file) ? (await File.ReadAllLinesAsync(file)).FirstOrDefault(l => l.StartsWith("password: ", StringComparison.Ordinal))?["password: ".Length..] : null;
        var created = 0;
        foreach (var (local, name, role) in Accounts)
        {
            var email = $"{local}@{EmailDomain}";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            password ??= NewPassphrase();
            var user = MendUser.Create(email, name, clock.GetUtcNow().UtcDateTime);
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not create demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            created++;
        }

        var practitioner = await users.FindByEmailAsync($"practitioner@{EmailDomain}");
        if (practitioner is not null)
        {
            await DemoCases.SeedAsync(services.GetRequiredService<MendDb>(), services.GetRequiredService<Platform.Encryption.FieldEncryption>(),
                services.GetRequiredService<Features.Cases.CaseSettings>(), clock, practitioner.Id, practitioner.DisplayName);
            var volunteer = await users.FindByEmailAsync($"volunteer@{EmailDomain}");
            await DemoWorkplace.SeedAsync(services.GetRequiredService<MendDb>(), clock, practitioner.Id, practitioner.DisplayName, volunteer?.Id, volunteer?.DisplayName);
            await DemoOrders.SeedAsync(services.GetRequiredService<MendDb>(), clock, practitioner.DisplayName);
            await DemoDocuments.SeedAsync(services, practitioner);
            await DemoVisits.SeedAsync(services.GetRequiredService<MendDb>(), users, clock, EmailDomain);
            await DemoStaff.SeedAsync(services.GetRequiredService<MendDb>(), users, services.GetRequiredService<Platform.Encryption.FieldEncryption>(), clock, EmailDomain);
            await DemoSafeguarding.SeedAsync(services.GetRequiredService<MendDb>(), services.GetRequiredService<Platform.Encryption.FieldEncryption>(), clock,
                practitioner.Id, practitioner.DisplayName);
        }

        if (password is null)
        {
            logger.LogWarning("Demo accounts exist but {File} is missing; reset their passwords with a fresh database.", file);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllLinesAsync(file, [$"password: {password}", .. Accounts.Select(a => $"{a.Local}@{EmailDomain} ({a.Role})")]);
        Console.WriteLine();
        Console.WriteLine(created > 0 ? "Demo accounts created. Sign in with any of these:" : "Demo accounts (already created). Sign in with any of these:");
        foreach (var (local, _, role) in Accounts)
        {
            Console.WriteLine($"  {local + "@" + EmailDomain,-36} {Roles.Describe(role)}");
        }

        Console.WriteLine($"  Password for all of them: {password}");
        Console.WriteLine("  Managers, administrators and data protection officers set up two-factor authentication at first sign-in.");
        Console.WriteLine($"  Sign in at {(configuration["Mend:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/')}/Account/SignIn");
        Console.WriteLine();
    }

    private static string NewPassphrase()
    {
        string[] words = ["harbour", "meadow", "lantern", "orchard", "pebble", "willow", "compass", "saffron", "thistle", "granite", "kestrel", "marble", "juniper", "copper", "bramble", "tundra"];
        var picked = Enumerable.Range(0, 4).Select(_ => words[RandomNumberGenerator.GetInt32(words.Length)]);
        return string.Join('-', picked) + "-" + RandomNumberGenerator.GetInt32(100, 1000);
    }
}
