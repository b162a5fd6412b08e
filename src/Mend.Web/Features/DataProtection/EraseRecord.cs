using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Erases one record a disposal approved, inside the caller's transaction: the rows themselves (a case takes everything on
/// it: notes, files, letters, victims' records, assessments, orders, processes), the notifications and break-glass
/// records that point at it, and the free texts of the audit entries about it (<see cref="AuditEvent.EraseTexts"/>).
/// Deleted rows are overwritten on SQLite (<c>secure_delete</c>); <see cref="ReclaimAsync"/> then clears SQLite's
/// write-ahead log (so the database files themselves no longer hold the data), or has PostgreSQL vacuum the tables (so no
/// query or index finds it; the freed space is reused, not overwritten, and VACUUM needs the table owner). Copies in
/// backups and PostgreSQL's write-ahead archive age out with them (docs/decisions/0014-data-protection.md).
/// </summary>
public sealed class EraseRecord(MendDb db, DatabaseSettings settings, TimeProvider clock, ILogger<EraseRecord> logger)
{
    private const string VacuumCaseTables = """
        VACUUM "Cases", "CaseNotes", "Attachments", "Documents", "CaseParticipants", "CaseAllocations", "CaseAccessGrants", "BreakGlass", "Offences", "OffenceVictims",
        "Victims", "VictimRecords", "VictimViews", "VictimViewsShares", "VictimContacts", "VictimChoices", "VictimUnsafeAddresses", "SatisfactionSurveys",
        "Assessments", "AssessmentFactors", "Orders", "OrderContacts", "OrderRequirements", "OrderWarnings", "OrderPanels", "BreachActions", "PlanActivities",
        "PlanReviews", "ReparationSessions", "RjProcesses", "ProcessParticipants", "PreparationSessions", "AgreementItems", "ParticipantFeedback",
        "Notifications", "Disclosures", "LegalHolds", "SubjectAccessRequests", "AuditEvents"
        """;

    private const string VacuumPersonTables = """
        VACUUM "People", "PersonAliases", "PersonAddresses", "PersonFlags", "PersonSearchNames", "PersonNameWords", "PersonNameWordPairs", "NameWords", "PersonMerges", "BreakGlass", "LegalHolds", "Notifications", "Disclosures", "SubjectAccessRequests", "Redactions", "RightsRequests", "AuditEvents"
        """;

    /// <summary>
    /// Erases the record; returns what went, as counts only. Rows go at once (inside the caller's transaction); the changes
    /// to tracked rows (the people's last part ended, the audit texts) are saved with the caller's own save.
    /// </summary>
    public async Task<string> EraseAsync(Disposal disposal, DateOnly endedOn, CancellationToken ct)
    {
        var id = disposal.RecordId;
        var went = new List<string>();
        List<string> auditIds;
        switch (disposal.RecordType)
        {
            case DisposalRecordType.Case:
                auditIds = await CaseRecordIdsAsync(id, ct);
                var people = await db.CaseParticipants.Where(p => p.CaseId == id).Select(p => p.PersonId).Distinct().ToListAsync(ct);
                foreach (var person in await db.People.Where(p => people.Contains(p.Id)).ToListAsync(ct))
                {
                    person.NoteCaseDisposed(endedOn);
                }

                // A subject-access bundle made for someone on the case copies its notes and letters: it goes now (its hash stays).
                await db.SubjectAccessRequests.Where(r => people.Contains(r.PersonId) && r.Bundle != null).ExecuteUpdateAsync(u => u.SetProperty(r => r.Bundle, (byte[]?)null), ct);

                Count(went, await db.CaseNotes.CountAsync(n => n.CaseId == id, ct), "case note");
                Count(went, await db.Attachments.Where(a => a.CaseId == id).ExecuteDeleteAsync(ct), "file");
                Count(went, await db.Documents.Where(d => d.CaseId == id).ExecuteDeleteAsync(ct), "letter or report", "letters or reports");
                Count(went, await db.Victims.Where(v => v.CaseId == id).ExecuteDeleteAsync(ct), "victim's record", "victims' records");
                Count(went, await db.Assessments.Where(a => a.CaseId == id).ExecuteDeleteAsync(ct), "assessment");
                await db.BreakGlass.Where(b => b.CaseId == id).ExecuteDeleteAsync(ct);
                Count(went, await db.ProfessionalMeetings.Where(m => m.CaseId == id).ExecuteDeleteAsync(ct), "professionals' meeting");
                // A safeguarding referral is about the person, and is kept with them until their own record is disposed of.
                await db.SafeguardingReferrals.Where(r => r.CaseId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CaseId, (Guid?)null), ct);
                // A visit still to come or under way keeps its alerts running: it leaves the case instead of going with it.
                await db.Visits.Where(v => v.CaseId == id && (v.Status == Visits.VisitStatus.Planned || v.Status == Visits.VisitStatus.InProgress))
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.CaseId, (Guid?)null).SetProperty(v => v.PersonId, (Guid?)null).SetProperty(v => v.Purpose, (string?)null), ct);
                Count(went, await db.Visits.Where(v => v.CaseId == id).ExecuteDeleteAsync(ct), "visit");
                await db.Disclosures.Where(d => d.CaseId == id).ExecuteDeleteAsync(ct);
                await db.LegalHolds.Where(h => h.CaseId == id && h.LiftedAt != null).ExecuteDeleteAsync(ct);
                foreach (var linked in auditIds.Where(i => i.Length == 36))
                {
                    await DeleteNotificationsAsync(linked, ct);
                }

                went.Insert(0, await db.Cases.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 1 ? "1 case" : "the case (already gone)");
                break;
            case DisposalRecordType.Victim:
                auditIds = [id.ToString()];
                await db.Disclosures.Where(d => d.Source == $"Victim:{id}").ExecuteDeleteAsync(ct);
                await DeleteNotificationsAsync(id.ToString(), ct);
                Count(went, await db.Victims.Where(v => v.Id == id).ExecuteDeleteAsync(ct), "victim's record", "victims' records");
                break;
            case DisposalRecordType.Assessment:
                auditIds = [id.ToString()];
                await DeleteNotificationsAsync(id.ToString(), ct);
                Count(went, await db.Assessments.Where(a => a.Id == id).ExecuteDeleteAsync(ct), "assessment");
                break;
            case DisposalRecordType.Document:
                auditIds = [id.ToString()];
                await db.Disclosures.Where(d => d.Source == $"Document:{id}").ExecuteDeleteAsync(ct);
                await DeleteNotificationsAsync(id.ToString(), ct);
                Count(went, await db.Documents.Where(d => d.Id == id).ExecuteDeleteAsync(ct), "letter or report", "letters or reports");
                break;
            case DisposalRecordType.Attachment:
                auditIds = [id.ToString()];
                Count(went, await db.Attachments.Where(a => a.Id == id).ExecuteDeleteAsync(ct), "file");
                break;
            case DisposalRecordType.AuditTrail:
                Count(went, await PruneAuditTrailAsync(disposal.Id, RetentionDue.AuditBatchDay(id), ct), "audit trail entry", "audit trail entries");
                return went.Count == 0 ? "nothing was left to erase" : string.Join(", ", went);
            default:
                auditIds = [id.ToString()];
                await db.PersonMerges.Where(m => m.SurvivorId == id || m.MergedId == id).ExecuteDeleteAsync(ct);
                await db.Disclosures.Where(d => d.PersonId == id).ExecuteDeleteAsync(ct);
                Count(went, await db.SubjectAccessRequests.Where(r => r.PersonId == id).ExecuteDeleteAsync(ct), "subject-access request");
                Count(went, await db.Set<RightsRequest>().Where(r => r.PersonId == id).ExecuteDeleteAsync(ct), "request to correct or restrict", "requests to correct or restrict");
                await db.BreakGlass.Where(b => b.PersonId == id).ExecuteDeleteAsync(ct);
                Count(went, await db.SafeguardingReferrals.Where(r => r.PersonId == id).ExecuteDeleteAsync(ct), "safeguarding referral");
                await db.Visits.Where(v => v.PersonId == id && (v.Status == Visits.VisitStatus.Planned || v.Status == Visits.VisitStatus.InProgress))
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.PersonId, (Guid?)null).SetProperty(v => v.Purpose, (string?)null), ct);
                await db.Visits.Where(v => v.PersonId == id).ExecuteDeleteAsync(ct);
                await db.LegalHolds.Where(h => h.PersonId == id && h.LiftedAt != null).ExecuteDeleteAsync(ct);
                await DeleteNotificationsAsync(id.ToString(), ct);

                // Their names, where another person's subject-access request kept them out of a bundle.
                var names = await db.People.Where(p => p.Id == id).Select(p => new { p.GivenName, p.FamilyName, p.OrganisationName }).SingleOrDefaultAsync(ct);
                var own = new[] { names?.GivenName, names?.FamilyName, names?.OrganisationName, $"{names?.GivenName} {names?.FamilyName}".Trim() }
                    .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.ToLowerInvariant()).ToList();
                await db.Set<Redaction>().Where(r => own.Contains(r.Text.ToLower())).ExecuteDeleteAsync(ct);
                var words = await db.PersonNameWords.Where(w => w.PersonId == id).Select(w => w.Word).Distinct().ToListAsync(ct);
                Count(went, await db.People.Where(p => p.Id == id).ExecuteDeleteAsync(ct), "person's details", "people's details");

                // The search vocabulary keeps each word of anyone's name once; a word nobody else has goes with them.
                await db.NameWords.Where(w => words.Contains(w.Word) && !db.PersonNameWords.Any(p => p.Word == w.Word)).ExecuteDeleteAsync(ct);
                break;
        }

        var (cleared, older) = await EraseAuditTextsAsync(disposal.Id, auditIds, disposal.RecordType == DisposalRecordType.Person ? id : null, ct);
        Count(went, cleared, "audit entry's texts", "audit entries' texts");
        if (older > 0)
        {
            went.Add($"{older} audit entries from before texts could be erased kept as they were");
        }

        return went.Count == 0 ? "nothing was left to erase" : string.Join(", ", went);
    }

    /// <summary>
    /// After the transaction commits: makes sure the erased rows are gone from the database files too (SQLite's write-ahead
    /// log checkpointed and truncated; PostgreSQL's dead rows vacuumed). Failure here is logged, not thrown: the data is
    /// already unreachable, and the next disposal or PostgreSQL's autovacuum finishes the job.
    /// </summary>
    public async Task ReclaimAsync(DisposalRecordType type, CancellationToken ct)
    {
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
                return;
            }

            await db.Database.ExecuteSqlRawAsync(type == DisposalRecordType.Person ? VacuumPersonTables : VacuumCaseTables, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Space left by a disposal could not be reclaimed at once ({Message}); autovacuum or the next disposal will do it.", ex.Message);
        }
    }

    private async Task<List<string>> CaseRecordIdsAsync(Guid caseId, CancellationToken ct)
    {
        var ids = new List<string> { caseId.ToString() };
        ids.AddRange((await db.CaseNotes.Where(n => n.CaseId == caseId).Select(n => n.Id).ToListAsync(ct)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        ids.AddRange((await db.Attachments.Where(a => a.CaseId == caseId).Select(a => a.Id).ToListAsync(ct)).Select(i => i.ToString()));
        ids.AddRange((await db.Documents.Where(d => d.CaseId == caseId).Select(d => d.Id).ToListAsync(ct)).Select(i => i.ToString()));
        ids.AddRange((await db.Victims.Where(v => v.CaseId == caseId).Select(v => v.Id).ToListAsync(ct)).Select(i => i.ToString()));
        ids.AddRange((await db.Assessments.Where(a => a.CaseId == caseId).Select(a => a.Id).ToListAsync(ct)).Select(i => i.ToString()));
        ids.AddRange((await db.Orders.Where(o => o.CaseId == caseId).Select(o => o.Id).ToListAsync(ct)).Select(i => i.ToString()));
        var processes = await db.RjProcesses.Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync(ct);
        ids.AddRange(processes.Select(i => i.ToString()));
        ids.AddRange((await db.ParticipantFeedback.Where(f => processes.Contains(f.RjProcessId)).Select(f => f.Id).ToListAsync(ct)).Select(i => i.ToString()));
        return ids;
    }

    private async Task<(int Cleared, int Older)> EraseAuditTextsAsync(long disposalId, List<string> entityIds, Guid? personId, CancellationToken ct)
    {
        var cleared = 0;
        var older = 0;
        foreach (var chunk in entityIds.Chunk(400))
        {
            var events = await db.AuditEvents.Where(e => e.ErasedByDisposalId == null && (chunk.Contains(e.EntityId!) || (personId != null && e.SubjectPersonId == personId))).ToListAsync(ct);
            foreach (var e in events)
            {
                if (e.EraseTexts(disposalId))
                {
                    cleared++;
                }
                else
                {
                    older++;
                }
            }
        }

        return (cleared, older);
    }

    /// <summary>
    /// Removes the sealed audit entries recorded before <paramref name="before"/>, as a prefix of the hash chain: up to the
    /// last seal before the first entry that must stay. A checkpoint (written first: the database refuses to delete audit
    /// rows no checkpoint covers) keeps that seal's hash, which the verifier then starts from.
    /// </summary>
    /// <returns>How many entries went.</returns>
    private async Task<int> PruneAuditTrailAsync(long disposalId, DateOnly before, CancellationToken ct)
    {
        var start = RetentionDue.StartOf(before);
        var kept = await db.AuditCheckpoints.MaxAsync(c => (long?)c.ThroughSealId, ct) ?? 0;
        var firstStaying = await (from seal in db.AuditSeals
                                  where seal.Id > kept
                                  join e in db.AuditEvents on seal.AuditEventId equals e.Id
                                  where e.OccurredAt >= start
                                  select (long?)seal.Id).MinAsync(ct);
        var through = await db.AuditSeals.Where(s => s.Id > kept && (firstStaying == null || s.Id < firstStaying))
            .OrderByDescending(s => s.Id).Select(s => new { s.Id, s.Hash }).FirstOrDefaultAsync(ct);
        if (through is null)
        {
            return 0;
        }

        var count = await db.AuditSeals.CountAsync(s => s.Id > kept && s.Id <= through.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditCheckpoints" ("ThroughSealId", "Hash", "Before", "EntriesRemoved", "DisposalId", "At")
            VALUES ({through.Id}, {through.Hash}, {start}, {(long)count}, {disposalId}, {now})
            """, ct);
        await db.AuditEvents.Where(e => db.AuditSeals.Any(s => s.AuditEventId == e.Id && s.Id > kept && s.Id <= through.Id)).ExecuteDeleteAsync(ct);
        await db.AuditSeals.Where(s => s.Id > kept && s.Id <= through.Id).ExecuteDeleteAsync(ct);
        return count;
    }

    /// <summary>Notifications pointing at the record (their links hold its id; their texts may name the people on it).</summary>
    private async Task DeleteNotificationsAsync(string id, CancellationToken ct) =>
        await db.Notifications.Where(n => n.Link.Contains(id)).ExecuteDeleteAsync(ct);

    private static void Count(List<string> went, int count, string one, string? many = null)
    {
        if (count > 0)
        {
            went.Add(count == 1 ? $"1 {one}" : $"{count} {many ?? one + "s"}");
        }
    }
}
