using System.Linq.Expressions;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Everything the case page shows, read in a few queries, with the notes decrypted and the timeline built.</summary>
public sealed class CaseFile
{
    /// <summary>Why a case is read, in the audit trail, from its page and its API alike.</summary>
    public const string Purpose = "Case work";

    public sealed record ParticipantView(long Id, Guid PersonId, string Name, ParticipantRole Role, int? Age, IReadOnlyList<PersonFlag> Flags);

    public sealed record OffenceView(long Id, string Type, int GravityScore, bool IsSensitive, DateOnly CommittedOn, string? Location, string? Description, IReadOnlyList<string> Victims);

    public sealed record NoteView(long Id, NoteType Type, DateTime OccurredAt, bool TimeRecorded, string? WithWhom, string Text, string AuthorName, DateTime RecordedAt, long? AmendsNoteId, string? AmendmentReason, bool IsAmended);

    public sealed record TimelineEntry(DateTime At, string Kind, string Title, string? Detail, string? By, bool TimeKnown = true, long? NoteId = null, bool Corrected = false)
    {
        /// <summary>"5 January 2026 at 2:30pm", or just the day when no time was recorded.</summary>
        public string When => TimeKnown ? At.ToLondon() : At.ToLondonTime().ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    public required Case Case { get; init; }
    public required IReadOnlyList<ParticipantView> Participants { get; init; }
    public required IReadOnlyList<OffenceView> Offences { get; init; }
    public required IReadOnlyList<NoteView> Notes { get; init; }

    /// <summary>Assessment decisions and restorative-process milestones, already worded for the timeline.</summary>
    public IReadOnlyList<TimelineEntry> Work { get; init; } = [];

    /// <summary>Every order on the case, newest decision first, with its collections (for the timeline and the open orders' compliance).</summary>
    public IReadOnlyList<Features.Orders.Order> Orders { get; init; } = [];

    /// <summary>The case's visits still to come or under way, soonest first (at most 20), for the page; none for the API's read.</summary>
    public IReadOnlyList<Features.Visits.Visit> Visits { get; init; } = [];

    /// <summary>
    /// The case <paramref name="viewer"/> can see with its people and offences, and, unless <paramref name="summaryOnly"/> (the API's read, which
    /// returns no more), its notes, orders and timeline; null when there is no such case or the viewer cannot see it. On PostgreSQL the case
    /// is read by a compiled query (the access rule's values its parameters), so the query is not built, compared and cached again on every
    /// request (issue 21).
    /// </summary>
    internal static async Task<CaseFile?> LoadAsync(CaseAccess.Viewer viewer, MendDb db, FieldEncryption encryption, Guid id, DateOnly today, CancellationToken ct,
        bool summaryOnly = false)
    {
        if (!db.Database.IsNpgsql())
        {
            return await LoadAsync(CaseAccess.VisibleCases(db, viewer), db, encryption, id, today, summaryOnly, Reads.HeldQueries, ct);
        }

        // The case's other records are one statement whatever it holds (decision 0020): asking first which kinds it holds took
        // 24 more EXISTS sub-selects, and twenty more relation locks in PostgreSQL's shared lock table, on every page, while
        // nearly every case opened holds notes at least (issue 21).
        var (userId, teamId, manager, viewedOn, since) = viewer;
        var @case = await CaseWithPeople(db, userId, teamId, manager, viewedOn, since, id, ct);
        return @case is null ? null
            : await CompleteAsync(new Found(@case, summaryOnly ? Holds.Nothing : Holds.Everything), db, encryption, id, today, summaryOnly, Reads.OneStatement, ct);
    }

    /// <summary>How the records on a case besides its people and offences are read (<see cref="CaseRecords"/>); the tests compare them.</summary>
    internal enum Reads
    {
        /// <summary>A query for each kind of record the case holds (SQLite, where a query is a call, not a round trip).</summary>
        HeldQueries,

        /// <summary>Every query, whatever the case holds, orders with every collection as auto-included: the reference.</summary>
        EveryQuery,

        /// <summary>All in one statement (PostgreSQL; decision 0020): the case page reads it whatever the case holds; through the query built on each call (tests), only when it holds anything.</summary>
        OneStatement,
    }

    // On PostgreSQL one round trip for the case, its people with their warnings, its offences with their types and its
    // allocations: a case has a handful of each, so the joined rows stay few; then one for all its other records. SQLite
    // materialises the offences-and-victims join for every case before joining it (tens of milliseconds at 20,000 cases), so
    // there the parts are read separately. The people's other names and addresses are not shown here, so they are not read.
    // On SQLite what the case holds decides which of the other reads run: most cases hold few kinds of work, and a query that
    // finds nothing costs as much as one that finds something (issue 21). Each part is written once and used both in the
    // compiled queries and in the query built on each call.

    /// <summary>The case with its people (and their current warnings), its offences (with their victims and types) and its allocations.</summary>
    private static readonly Expression<Func<IQueryable<Case>, IQueryable<Case>>> PeopleAndOffences = cases => cases.AsNoTracking().IgnoreAutoIncludes()
        .Include(c => c.Participants).ThenInclude(p => p.Person!).ThenInclude(p => p.Flags.Where(f => f.RemovedAt == null))
        .Include(c => c.Offences).ThenInclude(o => o.Victims)
        .Include(c => c.Offences).ThenInclude(o => o.Type)
        .Include(c => c.Allocations);

    /// <summary>The case with which kinds of record it holds.</summary>
    private static readonly Expression<Func<MendDb, Case, Found>> Holdings = (db, c) => new Found(c, new Holds(
                db.CaseNotes.Any(n => n.CaseId == c.Id),
                db.Orders.Any(o => o.CaseId == c.Id),
                new Features.Orders.OrderParts(
                    db.Orders.Any(o => o.CaseId == c.Id && o.Requirements.Any()), db.Orders.Any(o => o.CaseId == c.Id && o.Contacts.Any()),
                    db.Orders.Any(o => o.CaseId == c.Id && o.Warnings.Any()), db.Orders.Any(o => o.CaseId == c.Id && o.Breaches.Any()),
                    db.Orders.Any(o => o.CaseId == c.Id && o.Panels.Any()), db.Orders.Any(o => o.CaseId == c.Id && o.Reparation.Any()),
                    db.Orders.Any(o => o.CaseId == c.Id && o.Plan.Any()), db.Orders.Any(o => o.CaseId == c.Id && o.Reviews.Any())),
                db.Assessments.Any(a => a.CaseId == c.Id),
                db.RjProcesses.Any(p => p.CaseId == c.Id),
                db.Documents.Any(d => d.CaseId == c.Id),
                db.ProfessionalMeetings.Any(m => m.CaseId == c.Id),
                db.SafeguardingReferrals.Any(r => r.CaseId == c.Id),
                db.Visits.Any(v => v.CaseId == c.Id && (v.Status == Features.Visits.VisitStatus.Planned || v.Status == Features.Visits.VisitStatus.InProgress))));

    /// <summary><see cref="PeopleAndOffences"/> applied to a query built on each call.</summary>
    private static readonly Func<IQueryable<Case>, IQueryable<Case>> ApplyPeopleAndOffences = PeopleAndOffences.Compile();

    /// <summary>Stands for <see cref="PeopleAndOffences"/> in a query; it cannot be called.</summary>
    private static IQueryable<Case> WithPeopleAndOffences(IQueryable<Case> cases) => throw new InvalidOperationException("Inline the query first.");

    /// <summary>Stands for <see cref="Holdings"/> in a query; it cannot be called.</summary>
    private static Found WithHoldings(MendDb db, Case c) => throw new InvalidOperationException("Inline the query first.");

    private static readonly QueryParts.Part[] Parts =
    [
        QueryParts.For(typeof(CaseFile), nameof(WithPeopleAndOffences), PeopleAndOffences),
        QueryParts.For(typeof(CaseFile), nameof(WithHoldings), Holdings),
        CaseAccess.RulePart,
    ];

    private static readonly Func<MendDb, Guid, Guid?, bool, DateOnly, DateTime, Guid, CancellationToken, Task<Case?>> CaseWithPeople =
        EF.CompileAsyncQuery(QueryParts.Inline<Func<MendDb, Guid, Guid?, bool, DateOnly, DateTime, Guid, CancellationToken, Case?>>((db, userId, teamId, manager, today, since, id, ct) =>
            WithPeopleAndOffences(db.Cases.Where(c => CaseAccess.Sees(db, c, userId, teamId, manager, today, since))).AsSingleQuery()
                .Where(c => c.Id == id).SingleOrDefault(), Parts));

    /// <summary>As the public overload, reading the case from <paramref name="visibleCases"/> by a query built on this call, and the case's
    /// records the way <paramref name="reads"/> says.</summary>
    internal static async Task<CaseFile?> LoadAsync(IQueryable<Case> visibleCases, MendDb db, FieldEncryption encryption, Guid id, DateOnly today, bool summaryOnly,
        Reads reads, CancellationToken ct)
    {
        var shaped = ApplyPeopleAndOffences(visibleCases);
        shaped = (db.Database.IsNpgsql() ? shaped.AsSingleQuery() : shaped.AsSplitQuery()).Where(c => c.Id == id);
        var found = summaryOnly
            ? await shaped.SingleOrDefaultAsync(ct) is { } only ? new Found(only, Holds.Nothing) : null
            : await shaped.Select(QueryParts.Inline<Func<Case, Found>>(c => WithHoldings(db, c), Parts)).SingleOrDefaultAsync(ct);
        return found is null ? null : await CompleteAsync(found, db, encryption, id, today, summaryOnly, reads, ct);
    }

    /// <summary>The case file from the case as read, with its other records read the way <paramref name="reads"/> says.</summary>
    private static async Task<CaseFile> CompleteAsync(Found found, MendDb db, FieldEncryption encryption, Guid id, DateOnly today, bool summaryOnly, Reads reads,
        CancellationToken ct)
    {
        var (@case, holds) = (found.Case, reads == Reads.EveryQuery && !summaryOnly ? Holds.Everything : found.Holds);
        var people = @case.Participants.Select(p => p.Person!).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var records = summaryOnly || !holds.Any ? new CaseRecords()
            : reads == Reads.OneStatement ? await CaseRecords.ReadAsOneAsync(db, id, ct)
            : await CaseRecords.QueryAsync(db, id, holds, readAll: reads == Reads.EveryQuery, ct);
        var amended = records.Notes.Where(n => n.AmendsNoteId is not null).Select(n => n.AmendsNoteId!.Value).ToHashSet();
        var names = people.ToDictionary(p => p.Key, p => p.Value.DisplayName);

        return new CaseFile
        {
            Case = @case,
            Participants = @case.Participants.Where(p => p.EndedAt is null).OrderBy(p => p.Role).ThenBy(p => p.AddedAt)
                .Select(p => new ParticipantView(p.Id, p.PersonId, people[p.PersonId].DisplayName, p.Role, people[p.PersonId].AgeOn(today),
                    people[p.PersonId].Flags.Where(f => f.IsActive).ToList()))
                .ToList(),
            Offences = @case.Offences.OrderBy(o => o.CommittedOn)
                .Select(o => new OffenceView(o.Id, o.Type!.Name, o.Type.GravityScore, o.Type.IsSensitive,
                    o.CommittedOn, o.Location, o.Description, o.Victims.Select(v => people.TryGetValue(v.PersonId, out var p) ? p.DisplayName : "Unknown").ToList()))
                .ToList(),
            Notes = records.Notes.Select(n => new NoteView(n.Id, n.Type, n.OccurredAt, n.TimeRecorded, n.WithWhom, n.ReadText(encryption), n.AuthorName, n.RecordedAt,
                n.AmendsNoteId, n.AmendmentReason, amended.Contains(n.Id))).ToList(),
            Work = WorkOf(records, names),
            Orders = records.Orders,
            Visits = records.Visits,
        };
    }

    private sealed record Found(Case Case, Holds Holds);

    /// <summary>Which kinds of record the case holds (and which of its orders' collections hold rows), read with the case on SQLite, so that only their reads run.</summary>
    internal sealed record Holds(bool Notes, bool Orders, Features.Orders.OrderParts OrderParts, bool Assessments, bool Processes, bool Documents, bool Meetings,
        bool Referrals, bool Visits)
    {
        private static readonly Features.Orders.OrderParts NoParts = new(false, false, false, false, false, false, false, false);
        private static readonly Features.Orders.OrderParts AllParts = new(true, true, true, true, true, true, true, true);
        public static readonly Holds Nothing = new(false, false, NoParts, false, false, false, false, false, false);
        public static readonly Holds Everything = new(true, true, AllParts, true, true, true, true, true, true);

        public bool Any => Notes || Orders || Assessments || Processes || Documents || Meetings || Referrals || Visits;
    }

    /// <summary>What happened in assessments, restorative processes, orders, documents, meetings and safeguarding referrals on the case, as timeline entries.</summary>
    private static List<TimelineEntry> WorkOf(CaseRecords records, IReadOnlyDictionary<Guid, string> names)
    {
        string Name(Guid id) => names.TryGetValue(id, out var n) ? n : "Someone";
        var entries = new List<TimelineEntry>();
        foreach (var a in records.Assessments)
        {
            entries.Add(new(a.StartedAt, "assessments", $"Assessment of {Name(a.PersonId)} started (version {a.Number})", null, a.AssessorName));
            if (a.DecidedAt is { } decided)
            {
                var what = a.Status == Assessments.AssessmentStatus.Returned ? "returned" : "approved";
                entries.Add(new(decided, "assessments", $"Assessment of {Name(a.PersonId)} {what} (version {a.Number})", null, a.DecidedByName));
            }
            else if (a.SubmittedAt is { } submitted)
            {
                entries.Add(new(submitted, "assessments", $"Assessment of {Name(a.PersonId)} sent for approval (version {a.Number})", null, a.SubmittedByName));
            }
        }

        foreach (var p in records.Processes)
        {
            var kind = Processes.ProcessWords.Describe(p.Kind);
            entries.Add(new(p.CreatedAt, "processes", $"{kind} planned", string.Join(", ", p.Participants.Select(x => Name(x.PersonId))), p.CreatedByName));
            if (p.StartsAt is { } starts)
            {
                entries.Add(new(starts, "processes", $"{kind} meeting", $"Facilitated by {p.FacilitatorName}", null));
            }

            if (p.RecordedAt is { } recorded)
            {
                entries.Add(new(recorded, "processes", $"{kind} recorded", $"{p.Agreement.Count} agreement item(s); {p.Agreement.Count(i => i.Status == Processes.AgreementStatus.Done)} done", p.RecordedByName));
            }

            foreach (var item in p.Agreement.Where(i => i.SettledOn is not null))
            {
                entries.Add(new(item.SettledOn!.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "processes",
                    $"Agreement item {(item.Status == Processes.AgreementStatus.Done ? "done" : "not done")}: {item.What}", item.Note, null));
            }

            if (p.MinutesAt is { } minutes)
            {
                entries.Add(new(minutes, "processes", $"{kind}: panel minutes written", $"Chaired by {p.ChairName}", p.MinutesByName));
            }

            foreach (var f in p.Feedback.Where(f => f.IsComplete))
            {
                entries.Add(new(f.CompletedAt!.Value, "processes", $"Feedback from {Name(f.PersonId)}", f.ByParticipant ? "Answered through a feedback link" : "Recorded by the practitioner", null));
            }

            if (p.ConcludedAt is { } concluded)
            {
                entries.Add(new(concluded, "processes", $"{kind}: {Processes.ProcessWords.Describe(p.Status).ToLowerInvariant()}",
                    (p.WithdrawnBy is null ? "" : $"Withdrawn by {p.WithdrawnBy}. ") + p.OutcomeReason, null));
            }
        }

        foreach (var o in records.Orders)
        {
            entries.AddRange(Features.Orders.OrderTimeline.For(o));
        }

        foreach (var d in records.Documents)
        {
            entries.Add(new(d.CreatedAt, "documents", $"Made: {d.Title}", d.Edited ? "Replaced later by a version edited in Word" : null, d.CreatedByName));
            if (d.SentAt is { } sent)
            {
                entries.Add(new(sent, "documents", $"Sent: {d.Title}", $"{Documents.Document.Describe(d.Method!.Value)} to {d.Recipient}, {d.SentOn?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", d.SentByName));
            }
        }

        foreach (var m in records.Meetings)
        {
            entries.Add(new(m.HeldOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "meetings", Meetings.MeetingWords.Describe(m.Kind),
                $"With {m.AgenciesPresent}; {m.Actions.Count} action(s), {m.Actions.Count(a => a.IsDone)} done", m.RecordedByName, TimeKnown: false));
        }

        foreach (var r in records.Referrals)
        {
            entries.Add(new(r.CreatedAt, "safeguarding", $"Safeguarding referral about {Name(r.PersonId)} to {r.AgencyName}", null, r.ReferredByName));
            if (r.Response is { } response)
            {
                entries.Add(new(r.RespondedOn!.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "safeguarding",
                    $"Safeguarding response from {r.AgencyName}", Safeguarding.SafeguardingWords.Describe(response), r.ResponseRecordedByName, TimeKnown: false));
            }
        }

        return entries;
    }

    public IReadOnlyList<FlagView> AllFlags => Participants.SelectMany(p => p.Flags.Select(f => new FlagView(p.Name, f))).ToList();

    public sealed record FlagView(string PersonName, PersonFlag Flag);

    /// <summary>Everything that happened on the case, newest first, optionally only one kind.</summary>
    public IReadOnlyList<TimelineEntry> Timeline(string? kind)
    {
        var entries = new List<TimelineEntry>
        {
            new(Case.CreatedAt, "decisions", "Referral received", $"From {CaseWords.Describe(Case.ReferralSource).ToLowerInvariant()}: {Case.ReferrerName}{(Case.ReferrerOrganisation is null ? "" : ", " + Case.ReferrerOrganisation)}", null),
        };
        if (Case.DecidedAt is { } decided)
        {
            entries.Add(new(decided, "decisions", Case.Status == CaseStatus.Declined ? "Referral declined" : "Referral accepted", Case.DecisionReason, Case.DecidedByName));
        }

        if (Case.ClosedAt is { } closed)
        {
            entries.Add(new(closed, "decisions", "Case closed", CaseWords.Describe(Case.ClosureReason!.Value) + (Case.ClosureNote is null ? "" : ": " + Case.ClosureNote), null));
        }

        entries.AddRange(Case.Allocations.Select(a => new TimelineEntry(a.AllocatedAt, "allocations", $"Allocated to {a.WorkerName}", null, a.AllocatedByName)));
        entries.AddRange(Case.Participants.Where(p => p.Role != ParticipantRole.YoungPerson)
            .Select(p => new TimelineEntry(p.AddedAt, "people", $"{CaseWords.Describe(p.Role)} added", Participants.FirstOrDefault(v => v.Id == p.Id)?.Name, null)));
        entries.AddRange(Notes.Select(n => new TimelineEntry(n.OccurredAt, "notes",
            NoteTypes.Describe(n.Type) + (n.WithWhom is null ? "" : " with " + n.WithWhom) + (n.AmendsNoteId is null ? "" : " (correction)"), n.Text, n.AuthorName, n.TimeRecorded,
            n.Id, n.IsAmended)));
        entries.AddRange(Work);
        return entries.Where(e => kind is null || e.Kind == kind).OrderByDescending(e => e.At).ToList();
    }
}
