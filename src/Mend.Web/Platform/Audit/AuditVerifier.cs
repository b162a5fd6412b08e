using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Audit;

/// <summary>Walks the hash chain from the first seal and reports the first link that does not hold.</summary>
public sealed class AuditVerifier(MendDb db)
{
    public sealed record Result(bool Intact, long SealsChecked, long UnsealedEvents, string Message);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previousHash = AuditChain.Genesis;
        long checkedCount = 0;
        long lastSealId = 0;
        const int page = 5000;
        while (true)
        {
            var batch = await (
                from seal in db.AuditSeals.AsNoTracking()
                where seal.Id > lastSealId
                orderby seal.Id
                join e in db.AuditEvents.AsNoTracking() on seal.AuditEventId equals e.Id into events
                from auditEvent in events.DefaultIfEmpty()
                select new { seal, auditEvent })
                .Take(page)
                .ToListAsync(cancellationToken);

            foreach (var row in batch)
            {
                if (row.auditEvent is null)
                {
                    return new Result(false, checkedCount, 0,
                        $"Broken at seal {row.seal.Id}: audit event {row.seal.AuditEventId} has been removed.");
                }

                var expected = AuditChain.Link(previousHash, row.auditEvent);
                if (!string.Equals(expected, row.seal.Hash, StringComparison.Ordinal))
                {
                    return new Result(false, checkedCount, 0,
                        $"Broken at seal {row.seal.Id}: audit event {row.auditEvent.Id} has been changed, or a seal before it was removed.");
                }

                previousHash = row.seal.Hash;
                lastSealId = row.seal.Id;
                checkedCount++;
            }

            if (batch.Count < page)
            {
                break;
            }
        }

        var unsealed = await db.AuditEvents.CountAsync(e => !db.AuditSeals.Any(s => s.AuditEventId == e.Id), cancellationToken);
        return new Result(true, checkedCount, unsealed,
            $"Audit trail intact: {checkedCount} sealed events verified; {unsealed} recent events not yet sealed.");
    }
}
