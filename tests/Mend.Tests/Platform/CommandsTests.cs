using Mend.Web;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Commands;
using Mend.Web.Platform.Encryption;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform;

public sealed class CommandsTests
{
    private static WebApplication Build(string connectionString, params (int Id, string Key)[] keys)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var settings = new Dictionary<string, string?>
        {
            ["Mend:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Mend"] = connectionString,
            ["Mend:Encryption:CurrentKeyId"] = keys.Max(k => k.Id).ToString(),
        };
        foreach (var (id, key) in keys)
        {
            settings[$"Mend:Encryption:Keys:{id}"] = key;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMend();
        var app = builder.Build();
        app.UseMend();
        return app;
    }

    [Fact]
    public async Task CreateAdmin_MakesAnAdministratorWithNoPassword_AndPrintsASingleUseLink()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mend-admin-{Guid.NewGuid():N}.db");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            await using var app = Build($"Data Source={file};Pooling=False", (1, key));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MendDb>().Database.MigrateAsync();
            }

            var output = new StringWriter();
            var original = Console.Out;
            Console.SetOut(output);
            int exit;
            try
            {
                exit = await MendCommands.Find(["create-admin"])!.RunAsync(app, ["--email", "first.admin@example.org", "--name", "First Admin"]);
            }
            finally
            {
                Console.SetOut(original);
            }

            Assert.Equal(0, exit);
            Assert.Contains("/Account/Invitation?user=", output.ToString());
            await using var check = app.Services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<MendDb>();
            var admin = await db.Users.SingleAsync(u => u.Email == "first.admin@example.org");
            Assert.Null(admin.PasswordHash);
            Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == admin.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Mend.Web.Platform.Auth.Roles.Administrator)));
            Assert.Equal(1, await MendCommands.Find(["create-admin"])!.RunAsync(app, ["--email", "not-an-email", "--name", "X"]));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Fact]
    public async Task Backup_OfALiveSqliteDatabase_IsACheckedCopy_AndNeverOverwritesOrLeavesAHalfCopy()
    {
        var folder = Directory.CreateTempSubdirectory("mend-backup-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "mend.db")};Pooling=False";
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            await using var app = Build(connection, (1, key));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MendDb>();
                await db.Database.MigrateAsync();
                db.People.Add(Person.Create(new PersonDetails(PersonKind.Individual, "Ada", "Backup", null, null, null, 40, null, null, null, false, null, null, null, null, [], null), DateTime.UtcNow, null));
                await db.SaveChangesAsync();
            }

            var backup = Path.Combine(folder.FullName, "backup.db");
            Assert.Equal(0, await MendCommands.Find(["backup"])!.RunAsync(app, ["--to", backup]));
            await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
            {
                await copy.OpenAsync(TestContext.Current.CancellationToken);
                await using var count = copy.CreateCommand();
                count.CommandText = "SELECT count(*) FROM People";
                Assert.Equal(1L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
            }

            var before = await File.ReadAllBytesAsync(backup, TestContext.Current.CancellationToken);
            Assert.Equal(1, await MendCommands.Find(["backup"])!.RunAsync(app, ["--to", backup]));
            Assert.Equal(before, await File.ReadAllBytesAsync(backup, TestContext.Current.CancellationToken));
            // A folder that cannot be written to: an error, and no partial file left behind.
            var nowhere = Path.Combine(folder.FullName, "missing", "backup.db");
            Assert.Equal(1, await MendCommands.Find(["backup"])!.RunAsync(app, ["--to", nowhere]));
            Assert.False(File.Exists(nowhere + ".partial"));
            Assert.Equal(64, await MendCommands.Find(["backup"])!.RunAsync(app, []));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReindexNames_WorksOutSearchNamesAgain_WithTheCurrentRules()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mend-reindex-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False";
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            await using var app = Build(connection, (1, key));
            Guid id;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MendDb>();
                await db.Database.MigrateAsync();
                var person = Person.Create(new PersonDetails(PersonKind.Individual, "Jörg", "Straußberger", null, null, null, 40, null, null, null, false, null, null, null, null, [], null),
                    DateTime.UtcNow, null);
                db.People.Add(person);
                await db.SaveChangesAsync();
                id = person.Id;
                // As an older Mend wrote it, before ß was folded for matching.
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE PersonSearchNames SET Text = {"jorg straußberger"} WHERE PersonId = {id}");
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE PersonNameWords SET Word = {"straußberger"} WHERE PersonId = {id} AND Word = {"straussberger"}");
                // And before pairs of words were kept.
                await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM PersonNameWordPairs WHERE PersonId = {id}");
            }

            Assert.Equal(0, await MendCommands.Find(["reindex-names"])!.RunAsync(app, []));

            await using var check = app.Services.CreateAsyncScope();
            var after = check.ServiceProvider.GetRequiredService<MendDb>();
            Assert.Equal(["jorg straussberger"], await after.PersonSearchNames.Where(n => n.PersonId == id).Select(n => n.Text).ToListAsync());
            Assert.Equal(["jorg", "straussberger"], (await after.PersonNameWords.Where(n => n.PersonId == id).Select(n => n.Word).ToListAsync()).Order());
            Assert.Equal(["jorg straussberger"], await after.PersonNameWordPairs.Where(n => n.PersonId == id).Select(n => n.Pair).ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Fact]
    public async Task Reencrypt_AfterANewKeyIsMadeCurrent_RewritesOldNotesUnderIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mend-reencrypt-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False";
        var oldKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        try
        {
            await using (var before = Build(connection, (1, oldKey)))
            {
                await using var scope = before.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MendDb>();
                await db.Database.MigrateAsync();
                var now = DateTime.UtcNow;
                var person = Person.Create(new PersonDetails(PersonKind.Individual, "Ann", "Old", null, null, null, 14, null, null, null, false, null, null, null, null, [], null), now, null);
                var @case = Case.Refer("RJ-2026-99999", new ReferralDetails(ReferralSource.Police, DateOnly.FromDateTime(now), "PC", null, null), Team.DefaultId, Jurisdiction.EnglandAndWales, person.Id, now);
                db.People.Add(person);
                db.Cases.Add(@case);
                db.CaseNotes.Add(CaseNote.Write(@case.Id, new NoteDetails(NoteType.Visit, now, null, "written under the old key"), scope.ServiceProvider.GetRequiredService<FieldEncryption>(), Guid.NewGuid(), "Tester", now));
                await db.SaveChangesAsync();
            }

            await using var after = Build(connection, (1, oldKey), (2, newKey));
            Assert.Equal(0, await MendCommands.Find(["reencrypt"])!.RunAsync(after, []));

            await using var check = after.Services.CreateAsyncScope();
            var note = await check.ServiceProvider.GetRequiredService<MendDb>().CaseNotes.AsNoTracking().SingleAsync();
            Assert.StartsWith("v2:", note.TextCiphertext);
            var onlyNewKey = new FieldEncryption(new EncryptionSettings { CurrentKeyId = 2, Keys = new() { ["2"] = newKey } });
            Assert.Equal("written under the old key", note.ReadText(onlyNewKey));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
