using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Walks the hash chain from the first seal and reports the first link that does not hold. An event whose free texts
/// were cleared by a retention disposal still links (the chain covers their digest), but only if it names a disposal that
/// was carried out and its texts really are empty; <see cref="Result.ErasedEvents"/> counts them.
/// </summary>
public sealed class AuditVerifier(MendDb db)
{
    public sealed record Result(bool Intact, long SealsChecked, long UnsealedEvents, string Message, long ErasedEvents = 0);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // After the oldest entries were disposed of, the chain starts from the latest checkpoint.
        var checkpoint = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.ThroughSealId).FirstOrDefaultAsync(cancellationToken);
        if (checkpoint is not null && !await db.Disposals.AnyAsync(d => d.Id == checkpoint.DisposalId && d.DisposedAt != null
                && d.RecordType == Features.DataProtection.DisposalRecordType.AuditTrail, cancellationToken))
        {
            return new Result(false, 0, 0, $"Broken at checkpoint {checkpoint.Id}: it names disposal {checkpoint.DisposalId}, which did not dispose of audit trail entries.");
        }

        var previousHash = checkpoint?.Hash ?? AuditChain.Genesis;
        long checkedCount = 0;
        var lastSealId = checkpoint?.ThroughSealId ?? 0;
        long erased = 0;
        const int page = 5000;
        var disposals = await db.Disposals.AsNoTracking().Where(d => d.DisposedAt != null).ToDictionaryAsync(d => d.Id, d => d.DisposedAt!.Value, cancellationToken);
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

                var e = row.auditEvent;
                if (e.ErasedByDisposalId is { } disposalId)
                {
                    // The disposal must have been carried out, after the event: an erasure cannot reach back to hide later entries.
                    if (!disposals.TryGetValue(disposalId, out var disposedAt) || e.OccurredAt > disposedAt
                        || e.Purpose is not null || e.Recipient is not null || e.Outcome is not null || e.TextDigest is null)
                    {
                        return new Result(false, checkedCount, 0,
                            $"Broken at seal {row.seal.Id}: audit event {e.Id} says its texts were erased by disposal {disposalId}, which was not carried out.");
                    }

                    erased++;
                }
                else if (!e.TextsMatchDigest())
                {
                    return new Result(false, checkedCount, 0,
                        $"Broken at seal {row.seal.Id}: audit event {e.Id} has been changed, or a seal before it was removed.");
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
            $"Audit trail intact: {checkedCount} sealed events verified; {unsealed} recent events not yet sealed."
            + (checkpoint is null ? "" : $" The chain starts at a checkpoint: entries recorded before {checkpoint.Before:yyyy-MM-dd} were disposed of under the retention schedule.")
            + (erased > 0 ? $" {erased} of them had their texts erased under the retention schedule." : ""), erased);
    }
}
