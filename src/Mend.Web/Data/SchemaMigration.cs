using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

public static class SchemaMigration
{
    /// <summary>
    /// How long one statement of a migration may take: one may fill a new table from every person's records (about 30 s
    /// for 2,000,000 people, decision 0004), far past the 30 seconds a page's query is allowed.
    /// </summary>
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromHours(1);

    /// <summary>Applies the pending migrations, each statement allowed <see cref="StatementTimeout"/>.</summary>
    public static async Task ApplyAsync(MendDb db, CancellationToken ct = default)
    {
        var usual = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(StatementTimeout);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(usual);
        }
    }
}
