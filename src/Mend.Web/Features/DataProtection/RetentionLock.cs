using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Serialises the steps that decide whether a record may be erased: approving a disposal, placing a legal hold and
/// receiving a subject-access request. Without it, on PostgreSQL's read-committed transactions, a hold committed while an
/// approval is between its check and its erasure would not be seen. Taken inside the caller's transaction and released
/// when it ends. SQLite needs nothing: a transaction whose reads went stale cannot then write.
/// </summary>
public static class RetentionLock
{
    private const long Key = 0x4d454e44_52455445; // "MENDRETE"

    public static async Task TakeAsync(MendDb db, DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
        }
    }
}
