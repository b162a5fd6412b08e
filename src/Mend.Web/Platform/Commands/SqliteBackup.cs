using Mend.Web.Data;
using Microsoft.Data.Sqlite;

namespace Mend.Web.Platform.Commands;

/// <summary>
/// <c>Mend.Web backup --to FILE</c>: an online backup of a SQLite database while Mend runs (SQLite's backup API, which
/// copies a consistent snapshot page by page), written beside the destination and renamed into place only when complete
/// and checked (<c>PRAGMA integrity_check</c>), so a full disk or a fault leaves no half-written backup under that name.
/// The copy is readable and writable by its owner only (mode 0600).
/// Refuses an existing destination and a PostgreSQL database (scripts/backup is for that). Exit 0 done, 1 failed, 64 usage.
/// </summary>
public static class SqliteBackup
{
    public static async Task<int> RunAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("Mend.Web backup copies a SQLite database; for PostgreSQL use scripts/backup (base backups and WAL archiving).");
            return 64;
        }

        if (!options.TryGetValue("to", out var to) || to.Length == 0)
        {
            Console.Error.WriteLine("Usage: Mend.Web backup --to FILE");
            return 64;
        }

        var destination = Path.GetFullPath(to);
        if (File.Exists(destination))
        {
            Console.Error.WriteLine($"{destination} already exists; name a new file for each backup.");
            return 1;
        }

        var partial = destination + ".partial";
        try
        {
            // Readable by Mend's own user only, from the first byte: the copy holds every record in Mend.
            using (File.Create(partial, 1, FileOptions.None))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await using (var source = new SqliteConnection(settings.ConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
                await using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                if (await check.ExecuteScalarAsync() is not "ok")
                {
                    throw new InvalidDataException("the copy failed SQLite's integrity check");
                }
            }

            File.Move(partial, destination);
            Console.WriteLine($"Backed up to {destination} ({new FileInfo(destination).Length / 1024.0 / 1024.0:0.0} MB), checked.");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            foreach (var file in new[] { partial, partial + "-journal", partial + "-wal", partial + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }

            Console.Error.WriteLine($"The backup failed and nothing was kept: {ex.Message}");
            return 1;
        }
    }
}
