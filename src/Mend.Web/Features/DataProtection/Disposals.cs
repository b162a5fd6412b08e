using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Disposal under the retention schedule, reviewed before it happens: what falls due is listed (by the retention job,
/// hourly, or on demand), a data protection officer reviews each record, a second person approves, and approval erases
/// the record in the same transaction as the destruction record is completed. A legal hold, or a record no longer due
/// (a rule lengthened, a hold placed, the record already gone), refuses approval and nothing is erased.
/// </summary>
public sealed class Disposals(MendDb db, RetentionDue due, EraseRecord eraser, AuditTrail audit, Cases.CaseAccess access, DatabaseSettings settings, TimeProvider clock, ILogger<Disposals> logger)
{
    public static readonly string StaleMessage = Conflicts.Message("this disposal");

    /// <summary>
    /// Lists every record due today that is not listed yet, and takes off the list records no longer due that nobody has
    /// disposed of. Safe to run on several nodes at once: a record listed by another node at the same moment is skipped.
    /// </summary>
    /// <returns>How many records were newly listed.</returns>
    public async Task<int> ListDueAsync(CancellationToken ct)
    {
        var today = clock.LondonToday();
        var dueNow = await due.OnAsync(today, ct);
        var listed = await db.Disposals.Where(d => d.Status != DisposalStatus.Disposed).ToListAsync(ct);
        var dueKeys = dueNow.Select(i => (i.RecordType, i.RecordId)).ToHashSet();

        // The audit trail's batch moves on each month; one listed (perhaps reviewed) stays while it is still due, and
        // no second batch is listed beside it.
        if (listed.FirstOrDefault(d => d.RecordType == DisposalRecordType.AuditTrail) is { } audit
            && await due.OneAsync(DisposalRecordType.AuditTrail, audit.RecordId, today, ct) is not null)
        {
            dueKeys.RemoveWhere(k => k.RecordType == DisposalRecordType.AuditTrail);
            dueKeys.Add((audit.RecordType, audit.RecordId));
            dueNow = dueNow.Where(i => i.RecordType != DisposalRecordType.AuditTrail).ToList();
        }

        db.Disposals.RemoveRange(listed.Where(d => !dueKeys.Contains((d.RecordType, d.RecordId))));
        var known = (await db.Disposals.AsNoTracking().Select(d => new { d.RecordType, d.RecordId }).ToListAsync(ct)).Select(d => (d.RecordType, d.RecordId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var item in dueNow.Where(i => !known.Contains((i.RecordType, i.RecordId))))
        {
            db.Disposals.Add(Disposal.List(item, now));
            added++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("Another node listed the same records at the same moment; they are left as it listed them.");
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }

    public sealed record Row(Disposal Disposal, LegalHold? HeldBy, bool OpenRequest = false);

    /// <summary>The records waiting for review or approval, oldest due first, each with any legal hold that keeps it.</summary>
    public async Task<List<Row>> WaitingAsync(CancellationToken ct)
    {
        var waiting = await db.Disposals.AsNoTracking().Where(d => d.Status != DisposalStatus.Disposed).OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToListAsync(ct);
        var kept = (await due.OnAsync(clock.LondonToday(), ct)).Where(i => i.IsKept).ToDictionary(i => (i.RecordType, i.RecordId));
        return waiting.Select(d => kept.TryGetValue((d.RecordType, d.RecordId), out var k) ? new Row(d, k.HeldBy, k.OpenRequest) : new Row(d, null)).ToList();
    }

    /// <summary>What keeps one listed record today: its legal hold, and whether an open request or a restriction does; worked out for that record alone.</summary>
    public async Task<(LegalHold? HeldBy, bool OpenRequest)> KeptByAsync(Disposal d, CancellationToken ct) =>
        d.Status == DisposalStatus.Disposed || await due.OneAsync(d.RecordType, d.RecordId, clock.LondonToday(), ct) is not { } item
            ? (null, false)
            : (item.HeldBy, item.OpenRequest);

    /// <summary>Destruction records, newest first, a page at a time.</summary>
    public IQueryable<Disposal> Destroyed() => db.Disposals.AsNoTracking().Where(d => d.Status == DisposalStatus.Disposed).OrderByDescending(d => d.DisposedAt).ThenByDescending(d => d.Id);

    public Task<Disposal?> OneAsync(long id, CancellationToken ct) => db.Disposals.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>
    /// What the record is, for the reviewer to recognise it: the case reference and people, or the person's name. Viewing it
    /// is audited. A manager sees only what they may see anyway (their team's cases, and restricted ones they are named on);
    /// anything else is described by its kind alone, for a data protection officer to approve.
    /// </summary>
    public async Task<List<(string Label, string Value)>> DescribeAsync(ClaimsPrincipal user, Disposal d, CancellationToken ct)
    {
        if (d.Status == DisposalStatus.Disposed)
        {
            return [];
        }

        if (!await MaySeeAsync(user, d, ct))
        {
            return [("Record", "Not one of your team's: a data protection officer approves its disposal")];
        }

        var facts = new List<(string, string)>();
        var caseId = await CaseOfAsync(d, ct);
        if (caseId is { } c && await db.Cases.AsNoTracking().Where(x => x.Id == c).Select(x => new { x.Reference, x.Status, x.ClosedAt }).SingleOrDefaultAsync(ct) is { } found)
        {
            facts.Add(("Case", $"{found.Reference} ({found.Status.ToString().ToLowerInvariant()})"));
            var names = await (from p in db.CaseParticipants
                               where p.CaseId == c
                               join person in db.People on p.PersonId equals person.Id
                               orderby p.Role
                               select new { person.GivenName, person.FamilyName, person.OrganisationName, p.Role }).ToListAsync(ct);
            facts.Add(("People on the case", names.Count == 0 ? "None" : string.Join("; ", names.Select(n => $"{n.OrganisationName ?? $"{n.GivenName} {n.FamilyName}".Trim()} ({Cases.CaseWords.Describe(n.Role)})"))));
        }

        switch (d.RecordType)
        {
            case DisposalRecordType.Document when await db.Documents.Where(x => x.Id == d.RecordId).Select(x => x.Title).SingleOrDefaultAsync(ct) is { } title:
                facts.Add(("Letter or report", title));
                break;
            case DisposalRecordType.Attachment when await db.Attachments.Where(x => x.Id == d.RecordId).Select(x => x.FileName).SingleOrDefaultAsync(ct) is { } file:
                facts.Add(("File", file));
                break;
            case DisposalRecordType.Person when await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == d.RecordId, ct) is { } person:
                facts.Add(("Person", person.DisplayName));
                break;
            case DisposalRecordType.AuditTrail:
                facts.Add(("Entries", $"Recorded before {RetentionDue.AuditBatchDay(d.RecordId).ToGovUkDate()}; the hash chain will start from a checkpoint after them"));
                break;
        }

        audit.Record(AuditAction.View, nameof(Disposal), d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            subjectPersonId: d.RecordType == DisposalRecordType.Person ? d.RecordId : null, purpose: "Retention review before disposal");
        await db.SaveChangesAsync(ct);
        return facts;
    }

    /// <summary>The case the record is on (itself, for a case); null for a person's details or a record already gone.</summary>
    public async Task<Guid?> CaseOfAsync(Disposal d, CancellationToken ct) => d.RecordType switch
    {
        DisposalRecordType.Case => d.RecordId,
        DisposalRecordType.Victim => await db.Victims.Where(v => v.Id == d.RecordId).Select(v => (Guid?)v.CaseId).SingleOrDefaultAsync(ct),
        DisposalRecordType.Assessment => await db.Assessments.Where(a => a.Id == d.RecordId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(ct),
        DisposalRecordType.Document => await db.Documents.Where(x => x.Id == d.RecordId).Select(x => (Guid?)x.CaseId).SingleOrDefaultAsync(ct),
        DisposalRecordType.Attachment => await db.Attachments.Where(a => a.Id == d.RecordId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(ct),
        _ => null,
    };

    /// <summary>A data protection officer may see every record due; a manager only those their case access already lets them see.</summary>
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, Disposal d, CancellationToken ct)
    {
        if (user.IsInRole(Roles.DataProtectionOfficer))
        {
            return true;
        }

        // The audit trail holds everyone's entries, managers' own included: only data protection officers decide on it.
        if (d.RecordType == DisposalRecordType.AuditTrail)
        {
            return false;
        }

        return d.RecordType == DisposalRecordType.Person
            ? await access.VisiblePeople(user).AnyAsync(p => p.Id == d.RecordId, ct)
            : await CaseOfAsync(d, ct) is { } caseId && await access.VisibleCases(user).AnyAsync(c => c.Id == caseId, ct);
    }

    /// <summary>A data protection officer reviews the record and agrees it should go; a second person must then approve.</summary>
    public Task<Outcome<Disposal>> ReviewAsync(ClaimsPrincipal user, long id, int version, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.Disposals.Where(d => d.Id == id), version, async (Disposal d, Dictionary<string, string> errors) =>
        {
            await RefuseUnlessDueAsync(d, ct);
            d.Review(user.UserId(), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        }, StaleMessage, ct, wholeRecordRulesRefuse: true);

    /// <summary>
    /// A second person (another data protection officer or a manager, not the reviewer) approves, and the record is erased
    /// in the same transaction; the destruction record says what went, in counts. Refused, with nothing erased, when the
    /// record is held or no longer due.
    /// </summary>
    public async Task<Outcome<Disposal>> ApproveAsync(ClaimsPrincipal user, long id, int version, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RetentionLock.TakeAsync(db, settings, ct);
        var outcome = await VersionedChange.RunAsync(db, db.Disposals.Where(d => d.Id == id), version, async (Disposal d, Dictionary<string, string> errors) =>
        {
            var item = await RefuseUnlessDueAsync(d, ct);
            if (!await MaySeeAsync(user, d, ct))
            {
                throw new DomainRuleException("This record is not one of your team's, so a data protection officer must approve its disposal");
            }

            d.Approve(user.UserId(), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            d.RecordErased(await eraser.EraseAsync(d, item.TriggerOn, ct));
            audit.Record(AuditAction.Erasure, nameof(Disposal), d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                purpose: $"Retention schedule: {Disposal.Describe(d.RecordType).ToLowerInvariant()}, kept for {d.RuleWording}", outcome: d.Erased);
        }, StaleMessage, ct, wholeRecordRulesRefuse: true);
        if (!outcome.IsDone)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return outcome;
        }

        await transaction.CommitAsync(ct);
        await eraser.ReclaimAsync(outcome.Value!.RecordType, ct);
        return outcome;
    }

    private async Task<RetentionDue.Item> RefuseUnlessDueAsync(Disposal d, CancellationToken ct)
    {
        if (d.Status == DisposalStatus.Disposed)
        {
            throw new DomainRuleException("This record has already been disposed of");
        }

        var item = await due.OneAsync(d.RecordType, d.RecordId, clock.LondonToday(), ct)
            ?? throw new DomainRuleException("This record is no longer due for disposal: the schedule changed or the record is gone. The retention job takes it off the list");
        if (item.HeldBy is { } hold)
        {
            throw new DomainRuleException($"A legal hold keeps this record: placed by {hold.PlacedByName} on {London.DateOf(hold.PlacedAt):d MMMM yyyy} ({hold.Reason}). Lift the hold before disposal");
        }

        if (item.OpenRequest)
        {
            throw new DomainRuleException("Someone on this record has a subject-access request still being answered, or has had processing of their data restricted. Records must not be destroyed meanwhile (Data Protection Act 2018 s.173; UK GDPR Art 18)");
        }

        return item;
    }
}

/// <summary>Lists what falls due under the retention schedule, every hour on every node (the list is the same all day).</summary>
public sealed class RetentionListing(Disposals disposals) : IHourlyTask
{
    public static string Name => "retention";

    public Task<int> RunAsync(CancellationToken ct) => disposals.ListDueAsync(ct);
}
