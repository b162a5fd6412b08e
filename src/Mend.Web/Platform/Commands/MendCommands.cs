using Mend.Web.Data;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Commands;

/// <summary>The operator's commands: <c>Mend.Web migrate | create-admin | create-token | verify-audit | backup | reencrypt | reindex-names | retention</c>.</summary>
public sealed record MendCommand(string Name, string Usage, Func<IServiceProvider, Dictionary<string, string>, Task<int>> Run)
{
    public async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Usage: Mend.Web {Usage}");
                return 64;
            }

            // "--dry-run" is a flag; every other option takes the value after it.
            if (args[i] == "--dry-run")
            {
                options["dry-run"] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Usage: Mend.Web {Usage}");
                return 64;
            }

            options[args[i][2..]] = args[++i];
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActAsSystem(Name);
        try
        {
            return await Run(scope.ServiceProvider, options);
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.Error.WriteLine($"Mend cannot reach the database: {ex.Message}");
            return 3;
        }
    }
}

public static class MendCommands
{
    private static readonly MendCommand[] All =
    [
        new("migrate", "migrate", MigrateAsync),
        new("create-admin", "create-admin --email EMAIL --name \"FULL NAME\"", CreateAdminAsync),
        new("create-token", "create-token --user EMAIL --scopes \"profile:read audit:read\" [--days 90] [--name NAME]", CreateTokenAsync),
        new("verify-audit", "verify-audit", VerifyAuditAsync),
        new("backup", "backup --to FILE   (SQLite; PostgreSQL: scripts/backup)", SqliteBackup.RunAsync),
        new("reencrypt", "reencrypt", ReencryptAsync),
        new("reindex-names", "reindex-names", ReindexNamesAsync),
        new("retention", "retention [--as-of YYYY-MM-DD] --dry-run", Features.DataProtection.RetentionCommand.DryRunAsync),
    ];

    public static MendCommand? Find(string[] args) =>
        args.Length > 0 ? All.FirstOrDefault(c => c.Name == args[0]) : null;

    private static async Task<int> MigrateAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var db = services.GetRequiredService<MendDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await SchemaMigration.ApplyAsync(db);
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        options.TryGetValue("email", out var email);
        options.TryGetValue("name", out var name);
        var result = await services.GetRequiredService<InviteUser>()
            .HandleAsync(new InviteUser.Request(email, name, [Roles.Administrator]));
        if (!result.IsDone)
        {
            foreach (var (field, message) in result.Errors)
            {
                Console.Error.WriteLine($"{field}: {message}");
            }

            return 1;
        }

        Console.WriteLine($"Administrator {result.Value!.User.Email} created. They set their own password and second factor at this single-use link:");
        Console.WriteLine(result.Value.Link);
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("user", out var email) || !options.TryGetValue("scopes", out var scopes))
        {
            Console.Error.WriteLine("Usage: Mend.Web create-token --user EMAIL --scopes \"profile:read audit:read\" [--days 90] [--name NAME]");
            return 64;
        }

        var db = services.GetRequiredService<MendDb>();
        var normalised = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (userId is null)
        {
            Console.Error.WriteLine("user: no user has that email address");
            return 1;
        }

        var result = await services.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiToken.Request(
            userId.Value,
            options.GetValueOrDefault("name", "Command-line token"),
            scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            options.GetValueOrDefault("days", "90")));
        if (!result.IsDone)
        {
            foreach (var (field, message) in result.Errors)
            {
                Console.Error.WriteLine($"{field.ToLowerInvariant()}: {message}");
            }

            return 1;
        }

        Console.WriteLine(result.Value);
        return 0;
    }

    /// <summary>After a new encryption key is made current, rewrites text still under older keys, in batches.</summary>
    /// <summary>
    /// Works out every person's search names again with the current matching rules (after an upgrade that changes how
    /// names are folded for matching), 500 people at a time. Safe to run more than once, and while Mend is running.
    /// </summary>
    private static async Task<int> ReindexNamesAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var db = services.GetRequiredService<MendDb>();
        var total = 0;
        Guid? after = null;
        while (true)
        {
            var batch = await db.People.Include(p => p.Aliases).IncludeSearchIndex().AsSplitQuery()
                .Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(500).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var person in batch)
            {
                person.ReindexNames();
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            total += batch.Count;
            after = batch[^1].Id;
        }

        Console.WriteLine($"Search names worked out again for {total} people.");
        return 0;
    }

    private static async Task<int> ReencryptAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var db = services.GetRequiredService<MendDb>();
        var encryption = services.GetRequiredService<Encryption.FieldEncryption>();
        var current = $"v{encryption.CurrentKeyId}:";
        var total = 0;
        while (true)
        {
            var batch = await db.CaseNotes.Where(n => !n.TextCiphertext.StartsWith(current)).OrderBy(n => n.Id).Take(500).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var note in batch)
            {
                note.Reencrypt(encryption);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            total += batch.Count;
        }

        // Assessments hold several narratives each, so every one is rewritten, in key order.
        var assessments = 0;
        while (true)
        {
            var batch = await db.Assessments.OrderBy(a => a.Id).Skip(assessments).Take(200).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var assessment in batch)
            {
                assessment.Reencrypt(encryption);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            assessments += batch.Count;
        }

        Console.WriteLine($"Re-encrypted {total} note(s) and {assessments} assessment(s) under key {encryption.CurrentKeyId}. Older keys can be removed once every node uses the new one.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Console.WriteLine(result.Message);
        return result.Intact ? 0 : 1;
    }
}
