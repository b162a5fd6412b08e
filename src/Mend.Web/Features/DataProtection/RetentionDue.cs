using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Works out which records the retention schedule says have reached the end of their period on a given day, and which
/// of those a legal hold keeps. The same answer serves the daily retention job, the data protection officer's list and
/// the dry run (<c>Mend.Web retention --as-of YYYY-MM-DD --dry-run</c>).
/// <list type="bullet">
/// <item>A case that has closed (or a referral that was declined) falls due when every rule for what it holds has run:
/// its own rule, and the victims', assessments' and letters-and-files' rules for the parts it has. Nothing goes before
/// its own rule says so; disposing of a case disposes of everything on it.</item>
/// <item>A victim's record, an assessment, a letter or report, or a file on a closed case whose own period ends earlier
/// than the case's falls due on its own.</item>
/// <item>A person falls due once they take no part in any case Mend still holds, their own period counted from the day
/// their last part ended (or the day they were recorded, if they were never on a case).</item>
/// <item>The audit trail's entries fall due a whole month at a time: everything recorded before the first day of the
/// month in which the rule's period, counted back from the day, falls.</item>
/// </list>
/// </summary>
public sealed class RetentionDue(MendDb db)
{
    /// <summary>
    /// A record due for disposal review; <see cref="HeldBy"/> is the legal hold keeping it, if any, and
    /// <see cref="OpenRequest"/> says a subject-access request about someone on it is still being answered (destroying
    /// data then could keep it from them, an offence under the Data Protection Act 2018 s.173), or someone on it has had
    /// processing restricted, which keeps their data (UK GDPR Art 18(1)(b), (c)).
    /// </summary>
    public sealed record Item(RetentionRecordKind Kind, DisposalRecordType RecordType, Guid RecordId, RetentionRule Rule, DateOnly TriggerOn, DateOnly DueOn, Guid? CaseId, LegalHold? HeldBy,
        bool OpenRequest = false)
    {
        public bool IsKept => HeldBy is not null || OpenRequest;
    }

    private sealed record ClosedCase(Guid Id, DateOnly EndedOn, DateOnly? YoungPersonBornOn);

    /// <summary>Every record due on or before <paramref name="asOf"/>, oldest due first; held records included, with their hold.</summary>
    public Task<List<Item>> OnAsync(DateOnly asOf, CancellationToken ct) => OnAsync(asOf, null, null, ct);

    /// <summary>The one record as it stands on <paramref name="asOf"/>: due (with any hold), or null when it is not due or no longer exists.</summary>
    public async Task<Item?> OneAsync(DisposalRecordType type, Guid recordId, DateOnly asOf, CancellationToken ct)
    {
        if (type == DisposalRecordType.AuditTrail)
        {
            var rule = await db.RetentionRules.AsNoTracking().SingleAsync(r => r.Kind == RetentionRecordKind.AuditTrail, ct);
            // A batch listed last month is still due this month: everything before its own day, which is no later than now's.
            var day = AuditBatchDay(recordId);
            if (await AuditBatchAsync(rule, asOf, ct, day) is not { } batch)
            {
                return null;
            }

            return batch with
            {
                HeldBy = await db.LegalHolds.AsNoTracking().Where(h => h.LiftedAt == null).FirstOrDefaultAsync(ct),
                OpenRequest = await db.SubjectAccessRequests.IgnoreAutoIncludes().AnyAsync(r => r.Status != AccessRequestStatus.Released && r.Status != AccessRequestStatus.Closed, ct),
            };
        }

        Guid? caseId = type switch
        {
            DisposalRecordType.Case => recordId,
            DisposalRecordType.Victim => await db.Victims.Where(v => v.Id == recordId).Select(v => (Guid?)v.CaseId).SingleOrDefaultAsync(ct),
            DisposalRecordType.Assessment => await db.Assessments.Where(a => a.Id == recordId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(ct),
            DisposalRecordType.Document => await db.Documents.Where(d => d.Id == recordId).Select(d => (Guid?)d.CaseId).SingleOrDefaultAsync(ct),
            DisposalRecordType.Attachment => await db.Attachments.Where(a => a.Id == recordId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(ct),
            _ => null,
        };
        if (type != DisposalRecordType.Person && caseId is null)
        {
            return null;
        }

        var items = await OnAsync(asOf, caseId, type == DisposalRecordType.Person ? recordId : null, ct);
        return items.FirstOrDefault(i => i.RecordType == type && i.RecordId == recordId);
    }

    /// <param name="onlyCase">Looks at this case and what is on it only (no people).</param>
    /// <param name="onlyPerson">Looks at this person only (no cases).</param>
    private async Task<List<Item>> OnAsync(DateOnly asOf, Guid? onlyCase, Guid? onlyPerson, CancellationToken ct)
    {
        var rules = await db.RetentionRules.AsNoTracking().ToDictionaryAsync(r => r.Kind, ct);
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.LiftedAt == null).ToListAsync(ct);
        // A person whose processing is restricted asked, in effect, for their data to be kept (UK GDPR Art 18(1)(b), (c)):
        // nothing about them is disposed of while the restriction lasts; counted with the open requests.
        var restricted = await db.People.AsNoTracking().Where(p => p.RestrictedSince != null).Select(p => p.Id).ToListAsync(ct);
        var asking = (await db.SubjectAccessRequests.AsNoTracking().IgnoreAutoIncludes().Where(r => r.Status != AccessRequestStatus.Released && r.Status != AccessRequestStatus.Closed).Select(r => r.PersonId).ToListAsync(ct))
            .ToHashSet();
        var keptFor = asking.Concat(restricted).ToHashSet();
        var closed = onlyPerson is null ? await ClosedCasesAsync(onlyCase, ct) : [];
        var items = new List<Item>();
        var scopedVictims = db.Victims.AsNoTracking().Where(v => closed.Count > 0 && (onlyCase == null || v.CaseId == onlyCase));
        var scopedAssessments = db.Assessments.AsNoTracking().Where(a => closed.Count > 0 && (onlyCase == null || a.CaseId == onlyCase));
        var scopedDocuments = db.Documents.AsNoTracking().Where(d => closed.Count > 0 && (onlyCase == null || d.CaseId == onlyCase));
        var scopedAttachments = db.Attachments.AsNoTracking().Where(a => closed.Count > 0 && (onlyCase == null || a.CaseId == onlyCase));

        var withVictims = await CaseIdsAsync(scopedVictims.Select(v => v.CaseId), ct);
        var withAssessments = await CaseIdsAsync(scopedAssessments.Select(a => a.CaseId), ct);
        var withFiles = await CaseIdsAsync(scopedDocuments.Select(d => d.CaseId).Concat(scopedAttachments.Select(a => a.CaseId)), ct);
        var caseDue = new Dictionary<Guid, DateOnly>();
        foreach (var c in closed.Values)
        {
            var due = rules[RetentionRecordKind.YoungPersonCase].DueOn(c.EndedOn, c.YoungPersonBornOn);
            due = Later(due, withVictims.Contains(c.Id) ? rules[RetentionRecordKind.VictimRecord].DueOn(c.EndedOn, null) : null);
            due = Later(due, withAssessments.Contains(c.Id) ? rules[RetentionRecordKind.Assessment].DueOn(c.EndedOn, c.YoungPersonBornOn) : null);
            due = Later(due, withFiles.Contains(c.Id) ? rules[RetentionRecordKind.DocumentOrFile].DueOn(c.EndedOn, c.YoungPersonBornOn) : null);
            caseDue[c.Id] = due;
            if (due <= asOf)
            {
                items.Add(new Item(RetentionRecordKind.YoungPersonCase, DisposalRecordType.Case, c.Id, rules[RetentionRecordKind.YoungPersonCase], c.EndedOn, due, c.Id, null));
            }
        }

        // Parts of a closed case whose own period ends before the case's: listed on their own.
        bool GoesWithCase(Guid caseId) => caseDue.TryGetValue(caseId, out var due) && due <= asOf;
        var victims = await scopedVictims.Select(v => new { v.Id, v.CaseId }).ToListAsync(ct);
        foreach (var v in victims.Where(v => closed.ContainsKey(v.CaseId) && !GoesWithCase(v.CaseId)))
        {
            Add(RetentionRecordKind.VictimRecord, DisposalRecordType.Victim, v.Id, closed[v.CaseId], bornOn: null);
        }

        var assessments = await (from a in scopedAssessments
                                 join p in db.People on a.PersonId equals p.Id
                                 select new { a.Id, a.CaseId, p.DateOfBirth }).ToListAsync(ct);
        foreach (var a in assessments.Where(a => closed.ContainsKey(a.CaseId) && !GoesWithCase(a.CaseId)))
        {
            Add(RetentionRecordKind.Assessment, DisposalRecordType.Assessment, a.Id, closed[a.CaseId], a.DateOfBirth);
        }

        var files = await scopedDocuments.Select(d => new { d.Id, d.CaseId, Type = DisposalRecordType.Document })
            .Concat(scopedAttachments.Select(a => new { a.Id, a.CaseId, Type = DisposalRecordType.Attachment })).ToListAsync(ct);
        foreach (var f in files.Where(f => closed.ContainsKey(f.CaseId) && !GoesWithCase(f.CaseId)))
        {
            Add(RetentionRecordKind.DocumentOrFile, f.Type, f.Id, closed[f.CaseId], closed[f.CaseId].YoungPersonBornOn);
        }

        var people = await db.People.AsNoTracking()
            .Where(p => onlyCase == null && (onlyPerson == null || p.Id == onlyPerson))
            .Where(p => !db.CaseParticipants.Any(cp => cp.PersonId == p.Id) && !db.Victims.Any(v => v.PersonId == p.Id || v.OnBehalfOfPersonId == p.Id)
                && !db.Assessments.Any(a => a.PersonId == p.Id) && !db.OffenceVictims.Any(o => o.PersonId == p.Id)
                && !db.Set<Processes.ProcessParticipant>().Any(pp => pp.PersonId == p.Id) && !db.ParticipantFeedback.Any(f => f.PersonId == p.Id))
            .Select(p => new { p.Id, p.LastPartEndedOn, p.CreatedAt }).ToListAsync(ct);
        var personRule = rules[RetentionRecordKind.PersonWithNoOpenPart];
        foreach (var p in people)
        {
            var trigger = p.LastPartEndedOn ?? London.DateOf(p.CreatedAt);
            var due = personRule.DueOn(trigger, null);
            if (due <= asOf)
            {
                items.Add(new Item(RetentionRecordKind.PersonWithNoOpenPart, DisposalRecordType.Person, p.Id, personRule, trigger, due, null, null));
            }
        }

        if (onlyCase is null && onlyPerson is null && await AuditBatchAsync(rules[RetentionRecordKind.AuditTrail], asOf, ct) is { } audit)
        {
            items.Add(audit);
        }

        var peopleOnCases = await PeopleOnCasesAsync(items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).Distinct().ToList(), ct);
        return items.Select(i => i with
        {
            HeldBy = HoldOn(i, holds, peopleOnCases),
            OpenRequest = i.CaseId is { } c ? peopleOnCases[c].Any(keptFor.Contains) : i.RecordType == DisposalRecordType.AuditTrail ? asking.Count > 0 : keptFor.Contains(i.RecordId),
        }).OrderBy(i => i.DueOn).ThenBy(i => i.RecordType).ToList();

        void Add(RetentionRecordKind kind, DisposalRecordType type, Guid id, ClosedCase c, DateOnly? bornOn)
        {
            var due = rules[kind].DueOn(c.EndedOn, bornOn);
            if (due <= asOf)
            {
                items.Add(new Item(kind, type, id, rules[kind], c.EndedOn, due, c.Id, null));
            }
        }
    }

    /// <summary>
    /// The id standing for "audit trail entries recorded before <paramref name="before"/>": the day's digits in an
    /// otherwise empty GUID (00000000-0000-0000-0000-000020270101), so the listing job lists each month once.
    /// </summary>
    public static Guid AuditBatchId(DateOnly before) =>
        Guid.Parse("00000000-0000-0000-0000-" + before.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture).PadLeft(12, '0'));

    /// <summary>The day an audit batch id stands for.</summary>
    public static DateOnly AuditBatchDay(Guid id) =>
        DateOnly.ParseExact(id.ToString()[^8..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The midnight (London) that starts <paramref name="day"/>, in UTC.</summary>
    public static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), London.Zone);

    /// <param name="listed">The day of a batch already listed: still due when no later than this month's, and entries before it remain.</param>
    private async Task<Item?> AuditBatchAsync(RetentionRule rule, DateOnly asOf, CancellationToken ct, DateOnly? listed = null)
    {
        var lastTrigger = asOf.AddYears(-rule.Years).AddMonths(-rule.Months);
        var before = new DateOnly(lastTrigger.Year, lastTrigger.Month, 1);
        if (listed is { } day)
        {
            if (day > before)
            {
                return null;
            }

            before = day;
        }

        var start = StartOf(before);
        var kept = await db.AuditCheckpoints.MaxAsync(c => (long?)c.ThroughSealId, ct) ?? 0;
        var any = await (from seal in db.AuditSeals
                         where seal.Id > kept
                         join e in db.AuditEvents on seal.AuditEventId equals e.Id
                         where e.OccurredAt < start
                         select seal.Id).AnyAsync(ct);
        var trigger = before.AddDays(-1);
        return any ? new Item(RetentionRecordKind.AuditTrail, DisposalRecordType.AuditTrail, AuditBatchId(before), rule, trigger, rule.DueOn(trigger, null), null, null) : null;
    }

    /// <summary>
    /// The hold keeping the record: on its case or anyone on it, or on the person. The audit trail is removed a whole month
    /// of everyone's entries at a time, so any hold in place keeps it: who saw held records may be evidence too.
    /// </summary>
    private static LegalHold? HoldOn(Item item, List<LegalHold> holds, ILookup<Guid, Guid> peopleOnCases) => item.CaseId is { } caseId
        ? holds.FirstOrDefault(h => h.CaseId == caseId || (h.PersonId is { } person && peopleOnCases[caseId].Contains(person)))
        : item.RecordType == DisposalRecordType.AuditTrail ? holds.FirstOrDefault() : holds.FirstOrDefault(h => h.PersonId == item.RecordId);

    private async Task<ILookup<Guid, Guid>> PeopleOnCasesAsync(List<Guid> caseIds, CancellationToken ct)
    {
        var rows = new List<(Guid CaseId, Guid PersonId)>();
        foreach (var chunk in caseIds.Chunk(500))
        {
            var found = await db.CaseParticipants.AsNoTracking().Where(p => chunk.Contains(p.CaseId)).Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct);
            rows.AddRange(found.Select(f => (f.CaseId, f.PersonId)));
        }

        return rows.ToLookup(r => r.CaseId, r => r.PersonId);
    }

    private async Task<Dictionary<Guid, ClosedCase>> ClosedCasesAsync(Guid? onlyCase, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => onlyCase == null || c.Id == onlyCase)
            .Where(c => c.ClosedAt != null || (c.Status == CaseStatus.Declined && c.DecidedAt != null))
            .Select(c => new
            {
                c.Id,
                Ended = c.ClosedAt ?? c.DecidedAt,
                BornOn = (from p in db.CaseParticipants
                          where p.CaseId == c.Id && p.Role == ParticipantRole.YoungPerson
                          join person in db.People on p.PersonId equals person.Id
                          orderby p.Id
                          select person.DateOfBirth).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ClosedCase(r.Id, London.DateOf(r.Ended!.Value), r.BornOn));
    }

    private static async Task<HashSet<Guid>> CaseIdsAsync(IQueryable<Guid> caseIds, CancellationToken ct) =>
        (await caseIds.Distinct().ToListAsync(ct)).ToHashSet();

    private static DateOnly Later(DateOnly a, DateOnly? b) => b is { } other && other > a ? other : a;
}
