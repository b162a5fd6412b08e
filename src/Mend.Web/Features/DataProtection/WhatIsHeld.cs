using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Everything Mend holds about one person, gathered across the record for a data protection officer: their details, the
/// cases they are on with the notes, victim's records, assessments, letters and files, who it was given to, and how long
/// each kind is kept. It reads every case the person is on whoever's team it is (the officer's duty reaches all of it);
/// the caller audits the look. Other people Mend knows on those cases are offered as redactions for a subject-access bundle.
/// </summary>
public sealed class WhatIsHeld(MendDb db, FieldEncryption encryption, RetentionDue due)
{
    public sealed record Fact(string Label, string Value);

    public sealed record Entry(string Heading, IReadOnlyList<Fact> Facts, string? Text = null);

    public sealed record Section(string Title, IReadOnlyList<Entry> Entries);

    /// <summary>A file held on one of the person's cases: a letter Mend made (DOCX) or an uploaded file.</summary>
    public sealed record HeldFile(string Name, string ContentType, byte[] Content, string About);

    public sealed record Holding(Person Person, IReadOnlyList<Section> Sections, IReadOnlyList<HeldFile> Files, IReadOnlyList<string> OtherPeople);

    public async Task<Holding?> ForAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().AsSplitQuery().Include(p => p.Aliases).Include(p => p.Addresses).Include(p => p.Flags)
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var sections = new List<Section> { Details(person) };
        var parts = await db.CaseParticipants.AsNoTracking().Where(p => p.PersonId == personId).ToListAsync(ct);
        var caseIds = parts.Select(p => p.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.ReferralReceivedOn).ToListAsync(ct);
        var offences = await (from o in db.Offences.AsNoTracking()
                              where caseIds.Contains(o.CaseId)
                              join t in db.OffenceTypes on o.OffenceTypeId equals t.Id
                              select new { o.CaseId, o.CommittedOn, t.Name, o.Location }).ToListAsync(ct);
        sections.Add(new Section("Cases", cases.Select(c => new Entry($"Case {c.Reference}",
        [
            new("Their part", string.Join(", ", parts.Where(p => p.CaseId == c.Id).Select(p => CaseWords.Describe(p.Role)))),
            new("Status", CaseWords.Describe(c.Status)),
            new("Referral received", c.ReferralReceivedOn.ToGovUkDate()),
            new("Closed", c.ClosedAt is { } closed ? London.DateOf(closed).ToGovUkDate() : "Not closed"),
            new("Offences", string.Join("; ", offences.Where(o => o.CaseId == c.Id).Select(o => $"{o.Name} on {o.CommittedOn.ToGovUkDate()}{(o.Location is null ? "" : $" at {o.Location}")}"))),
            new("Referral reason", c.ReferralReason ?? ""),
            new("Closure note", c.ClosureNote ?? ""),
        ])).ToList()));

        var notes = await db.CaseNotes.AsNoTracking().Where(n => caseIds.Contains(n.CaseId)).OrderBy(n => n.OccurredAt).ToListAsync(ct);
        var references = cases.ToDictionary(c => c.Id, c => c.Reference);
        sections.Add(new Section("Case notes", notes.Select(n => new Entry($"{n.OccurredAt.ToLondon()}, case {references[n.CaseId]}",
            [new("Kind", NoteTypes.Describe(n.Type)), new("With", n.WithWhom ?? ""), new("Written by", n.AuthorName)], n.ReadText(encryption))).ToList()));

        var victims = await db.Victims.AsNoTracking().AsSplitQuery().Include(v => v.Contacts).Include(v => v.Choices).Include(v => v.Views).Include(v => v.Records)
            .Where(v => v.PersonId == personId || v.OnBehalfOfPersonId == personId).ToListAsync(ct);
        sections.Add(new Section("Victim's records", victims.SelectMany(v => v.Choices.Select(c => new Entry($"Choice on {c.On.ToGovUkDate()}, case {references.GetValueOrDefault(v.CaseId)}",
                [new("Choice", c.Kind.ToString()), new("Agreed", c.Agreed ? "Yes" : "No")], c.Note))
            .Concat(v.Contacts.Select(c => new Entry($"Contact on {c.At.ToLondon()}", [new("Method", c.Method.ToString()), new("Outcome", c.Outcome.ToString()), new("Next step", c.NextStep ?? "")])))
            .Concat(v.Views.Select(w => new Entry($"Views recorded on {w.On.ToGovUkDate()}", [new("Wants to attend", w.WantsToAttend ? "Yes" : "No")], encryption.Decrypt(w.ViewsCiphertext))))
            .Concat(v.Records.Select(r => new Entry($"{r.Kind} on {r.On.ToGovUkDate()}", [new("To", r.To ?? ""), new("Response", r.Response?.ToString() ?? "")],
                r.DetailCiphertext is { } detail ? encryption.Decrypt(detail) : null))))
            .ToList()));

        var orders = await db.Orders.AsNoTracking().Where(o => caseIds.Contains(o.CaseId)).OrderBy(o => o.DecidedOn).ToListAsync(ct);
        var youngPersonOn = parts.Where(p => p.Role == ParticipantRole.YoungPerson).Select(p => p.CaseId).ToHashSet();
        sections.Add(new Section("Orders and decisions", orders.Where(o => youngPersonOn.Contains(o.CaseId)).Select(o => new Entry($"{o.Kind} decided on {o.DecidedOn.ToGovUkDate()}",
        [
            new("Case", references[o.CaseId]),
            new("Starts", o.StartsOn?.ToGovUkDate() ?? ""),
            new("Ends", o.EndsOn?.ToGovUkDate() ?? ""),
            new("Ended", o.EndedOn is { } ended ? $"{ended.ToGovUkDate()} ({o.EndReason})" : ""),
        ])).ToList()));

        var processes = await (from pp in db.Set<Processes.ProcessParticipant>().AsNoTracking()
                               where pp.PersonId == personId
                               join process in db.RjProcesses.AsNoTracking() on pp.RjProcessId equals process.Id
                               select process).Distinct().ToListAsync(ct);
        var feedback = await db.ParticipantFeedback.AsNoTracking().Where(f => f.PersonId == personId && f.CompletedAt != null).ToListAsync(ct);
        sections.Add(new Section("Restorative processes", processes.Select(p => new Entry($"{p.Kind}, case {references.GetValueOrDefault(p.CaseId)}",
            [new("Status", p.Status.ToString()), new("When", p.StartsAt?.ToLondon() ?? "Not arranged")], p.RecordCiphertext is { } record ? encryption.Decrypt(record) : null))
            .Concat(feedback.Select(f => new Entry($"Your feedback, {f.CompletedAt!.Value.ToLondon()}",
                [new("Satisfaction (1 to 5)", f.Satisfaction?.ToString(CultureInfo.InvariantCulture) ?? ""), new("Felt safe", f.FeltSafe is { } safe ? (safe ? "Yes" : "No") : "")],
                f.CommentsCiphertext is { } comments ? encryption.Decrypt(comments) : null))).ToList()));

        var assessments = await db.Assessments.AsNoTracking().Where(a => a.PersonId == personId).OrderBy(a => a.StartedAt).ToListAsync(ct);
        sections.Add(new Section("Assessments", assessments.Select(a => new Entry($"Assessment {a.Number}, started {a.StartedAt.ToLondon()}",
        [
            new("Status", a.Status.ToString()),
            new("Assessed by", a.AssessorName),
            new("Overall risk", a.OverallRisk is { } risk ? CaseWords.Describe(risk) : ""),
            new("Recommendation", a.Recommendation?.ToString() ?? ""),
        ], a.RecommendationReasonsCiphertext is { } reasons ? encryption.Decrypt(reasons) : null)).ToList()));

        var meetings = await db.ProfessionalMeetings.AsNoTracking().Where(m => caseIds.Contains(m.CaseId)).OrderBy(m => m.HeldOn).ToListAsync(ct);
        sections.Add(new Section("Professionals' meetings about their cases", meetings.Select(m => new Entry($"{Meetings.MeetingWords.Describe(m.Kind)}, {m.HeldOn.ToGovUkDate()}",
            [new("Agencies present", m.AgenciesPresent), new("Actions", string.Join("; ", m.Actions.Select(a => $"{a.What} ({a.OwnerName}, due {a.DueOn.ToGovUkDate()})")))],
            m.ReadDecisions(encryption))).ToList()));

        var referrals = await db.SafeguardingReferrals.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.MadeOn).ToListAsync(ct);
        sections.Add(new Section("Safeguarding referrals", referrals.Select(r => new Entry($"Referral to {r.AgencyName}, {r.MadeOn.ToGovUkDate()}",
        [
            new("Referred by", r.ReferredByName),
            new("Response", r.Response is { } response ? $"{Safeguarding.SafeguardingWords.Describe(response)}, {r.RespondedOn!.Value.ToGovUkDate()}" : "None recorded"),
        ], r.ReadReason(encryption) + (r.ReadResponse(encryption) is { } notes ? "\n\nResponse: " + notes : ""))).ToList()));

        var visits = await db.Visits.AsNoTracking().Where(v => v.PersonId == personId).OrderBy(v => v.StartsAt).ToListAsync(ct);
        sections.Add(new Section("Visits", visits.Select(v => new Entry($"{Visits.VisitPlaces.Describe(v.Place)}, {v.StartsAt.ToLondon()}",
            [new("Where", v.Address), new("Worker", v.WorkerName), new("Status", Visits.VisitWords.Describe(v.Status))])).ToList()));

        var documents = await db.Documents.AsNoTracking().Where(d => caseIds.Contains(d.CaseId) && (d.PersonId == null || d.PersonId == personId)).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var files = documents.Select(d => new HeldFile(Safe(d.Title) + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.Content, $"Letter or report, case {references[d.CaseId]}"))
            .Concat(attachments.Select(a => new HeldFile(a.FileName, a.ContentType, a.Content, $"File on case {references[a.CaseId]}"))).ToList();
        sections.Add(new Section("Letters, reports and files", files.Select(f => new Entry(f.Name, [new("What", f.About)])).ToList()));

        var disclosures = await db.Disclosures.AsNoTracking().Where(d => d.PersonId == personId).OrderBy(d => d.DisclosedOn).ToListAsync(ct);
        sections.Add(new Section("Who it was given to", disclosures.Select(d => new Entry($"{d.DisclosedOn.ToGovUkDate()}: {Disclosure.Describe(d.Kind)}",
            [new("What", d.What), new("To", d.Recipient), new("How", d.Method ?? "")])).ToList()));

        sections.Add(new Section("How long it is kept", await UntilWhenAsync(person, cases, ct)));

        var others = await (from p in db.CaseParticipants.AsNoTracking()
                            where caseIds.Contains(p.CaseId) && p.PersonId != personId
                            join other in db.People.AsNoTracking().Include(o => o.Aliases).Include(o => o.Addresses) on p.PersonId equals other.Id
                            select other).AsSplitQuery().ToListAsync(ct);
        return new Holding(person, sections, files, OtherPeoplesDetails(others, person));
    }

    /// <summary>The other people's details on the person's cases, for redaction suggestions, without reading the rest of the record.</summary>
    public async Task<List<string>?> OtherPeopleAsync(Guid personId, CancellationToken ct)
    {
        if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct) is not { } person)
        {
            return null;
        }

        var caseIds = await db.CaseParticipants.Where(p => p.PersonId == personId).Select(p => p.CaseId).Distinct().ToListAsync(ct);
        var others = await (from p in db.CaseParticipants.AsNoTracking()
                            where caseIds.Contains(p.CaseId) && p.PersonId != personId
                            join other in db.People.AsNoTracking().Include(o => o.Aliases).Include(o => o.Addresses) on p.PersonId equals other.Id
                            select other).AsSplitQuery().ToListAsync(ct);
        return OtherPeoplesDetails(others, person);
    }

    /// <summary>
    /// Until when each part is kept under the retention schedule: each closed case to the day it falls due for disposal
    /// review (the latest of the rules for what it holds), an open case until its rule runs from closure, and the
    /// person's own details while they are on any case, then their own rule. Legal holds are named.
    /// </summary>
    private async Task<List<Entry>> UntilWhenAsync(Person person, List<Case> cases, CancellationToken ct)
    {
        var rules = await db.RetentionRules.AsNoTracking().ToDictionaryAsync(r => r.Kind, ct);
        var entries = new List<Entry>();
        foreach (var c in cases)
        {
            var item = await due.OneAsync(DisposalRecordType.Case, c.Id, DateOnly.MaxValue, ct);
            var until = item is null
                ? $"Until {RetentionSchedule.Describe(rules[RetentionRecordKind.YoungPersonCase])} (the case is still open)"
                : $"Until {item.DueOn.ToGovUkDate()}, then reviewed for disposal";
            var facts = new List<Fact> { new("Kept", until) };
            if (item?.HeldBy is { } hold)
            {
                facts.Add(new("Legal hold", $"{hold.Reason} (review by {hold.ReviewOn.ToGovUkDate()})"));
            }

            entries.Add(new Entry($"Case {c.Reference} and what is on it", facts));
        }

        var own = await due.OneAsync(DisposalRecordType.Person, person.Id, DateOnly.MaxValue, ct);
        entries.Add(new Entry("Their details", [new("Kept", own is null
            ? $"While they are on any case, then {RetentionSchedule.Describe(rules[RetentionRecordKind.PersonWithNoOpenPart])}"
            : $"Until {own.DueOn.ToGovUkDate()}, then reviewed for disposal")]));
        entries.Add(new Entry("The audit trail of who saw and changed their records", [new("Kept", RetentionSchedule.Describe(rules[RetentionRecordKind.AuditTrail]))]));
        return entries;
    }

    /// <summary>
    /// What would identify the other people on the person's cases: their names (whole, and each part of three letters or
    /// more that the person's own name does not share), aliases, contact details and addresses.
    /// </summary>
    private static List<string> OtherPeoplesDetails(IEnumerable<Person> others, Person subject)
    {
        var own = new HashSet<string>(new[] { subject.GivenName, subject.FamilyName }.Where(n => n is not null)!, StringComparer.OrdinalIgnoreCase);
        var details = new List<string>();
        foreach (var other in others.DistinctBy(o => o.Id))
        {
            details.Add(other.DisplayName);
            details.AddRange(new[] { other.GivenName, other.FamilyName, other.OrganisationName, other.Phone, other.Email }
                .Where(n => n is { Length: >= 3 } && !own.Contains(n))!);
            details.AddRange(other.Aliases.Select(a => a.Name));
            details.AddRange(other.Addresses.SelectMany(a => new[] { a.Line1, a.Postcode }).Where(x => x is { Length: >= 3 })!);
        }

        return details.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static Section Details(Person p)
    {
        var facts = new List<Fact>
        {
            new("Name", p.DisplayName),
            new("Other names", string.Join(", ", p.Aliases.Select(a => a.Name))),
            new("Date of birth", p.DateOfBirth?.ToGovUkDate() ?? (p.StatedAge is { } age ? $"Stated age {age}" : "")),
            new("Gender", p.Gender ?? ""),
            new("Ethnic group", p.Ethnicity ?? ""),
            new("Preferred language", p.PreferredLanguage ?? ""),
            new("Communication needs", p.CommunicationNeeds ?? ""),
            new("Phone", p.Phone ?? ""),
            new("E-mail", p.Email ?? ""),
            new("Safe contact notes", p.SafeContactNotes ?? ""),
            new("Recorded on", London.DateOf(p.CreatedAt).ToGovUkDate()),
        };
        facts.AddRange(p.Addresses.Select(a => new Fact("Address", string.Join(", ", new[] { a.Line1, a.Line2, a.Town, a.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x)))
            + (a.From is { } from ? $" (from {from.ToGovUkDate()})" : ""))));
        facts.AddRange(p.Flags.Where(f => f.RemovedAt == null).Select(f => new Fact("Warning", f.Type.ToString())));
        return new Section("Their details", [new Entry("Details", facts.Where(f => f.Value.Length > 0).ToList())]);
    }

    private static string Safe(string title) =>
        new string(title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '-').ToArray()).Trim().Replace(' ', '-').ToLower(CultureInfo.InvariantCulture);
}
