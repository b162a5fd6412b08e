using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>
/// Merges a duplicate person record into the one to keep, in one transaction: every case and offence
/// link moves to the kept record, its names, warnings, addresses and missing details are taken in,
/// the duplicate is marked as merged (kept, never deleted, so the merge can be reviewed), and the
/// combination is recorded in the audit trail for both records (DPA 2018 s.62).
/// </summary>
public sealed class MergePeople(MendDb db, CaseAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The merge made; or invalid on "reason" or "duplicateId".</summary>
    public async Task<Outcome<PersonMerge>> HandleAsync(Guid keepId, Guid duplicateId, string? reasonText, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = reasonText?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Outcome<PersonMerge>.Invalid("reason", "Enter why these records are the same person");
        }

        if (reason.Length > 1000)
        {
            return Outcome<PersonMerge>.Invalid("reason", "Reason must be 1000 characters or fewer");
        }

        if (keepId == duplicateId)
        {
            return Outcome<PersonMerge>.Invalid("duplicateId", "Choose a different record: a record cannot be merged with itself");
        }

        var people = await access.VisiblePeople(user).AsSplitQuery().IncludeSearchIndex()
            .Where(p => p.Id == keepId || p.Id == duplicateId).ToListAsync(ct);
        var keep = people.SingleOrDefault(p => p.Id == keepId);
        var duplicate = people.SingleOrDefault(p => p.Id == duplicateId);
        if (keep is null || duplicate is null)
        {
            return Outcome<PersonMerge>.Invalid("duplicateId", "Choose records you can see that have not already been merged");
        }

        if (keep.Kind != duplicate.Kind)
        {
            return Outcome<PersonMerge>.Invalid("duplicateId", "A person cannot be merged with an organisation");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (new[] { keep, duplicate }.FirstOrDefault(p => p.IsRestrictedAt(now)) is { } restricted)
        {
            return Outcome<PersonMerge>.Invalid("duplicateId", $"Processing of {restricted.DisplayName}'s data is restricted, so the records cannot be merged. A data protection officer can allow it for a lawful reason");
        }

        List<string> taken;
        try
        {
            taken = keep.Absorb(duplicate, London.DateOf(now), user.UserId(), user.DisplayNameOf(), now).ToList();
        }
        catch (Platform.DomainRuleException ex)
        {
            return Outcome<PersonMerge>.Invalid("duplicateId", ex.Message);
        }

        var participations = await db.CaseParticipants.Where(p => p.PersonId == duplicateId || p.PersonId == keepId).ToListAsync(ct);
        var moved = 0;
        foreach (var participation in participations.Where(p => p.PersonId == duplicateId))
        {
            if (participations.Any(p => p.PersonId == keepId && p.CaseId == participation.CaseId && p.Role == participation.Role && p.EndedAt is null))
            {
                participation.End(now);
            }

            participation.MoveTo(keepId);
            moved++;
        }

        var victimLinks = await db.OffenceVictims.Where(v => v.PersonId == duplicateId).ToListAsync(ct);
        foreach (var link in victimLinks)
        {
            link.MoveTo(keepId);
        }

        // Assessments follow the person; where both records were assessed on the same case, the kept
        // record's assessments stand and the moved ones become history after them.
        var assessments = await db.Assessments.Where(a => a.PersonId == duplicateId || a.PersonId == keepId).ToListAsync(ct);
        foreach (var group in assessments.Where(a => a.PersonId == duplicateId).GroupBy(a => a.CaseId))
        {
            var keptOnCase = assessments.Where(a => a.PersonId == keepId && a.CaseId == group.Key).ToList();
            var next = keptOnCase.Count == 0 ? 0 : keptOnCase.Max(a => a.Number);
            foreach (var assessment in group.OrderBy(a => a.Number))
            {
                assessment.MoveTo(keepId, keptOnCase.Count == 0 ? assessment.Number : ++next);
                if (keptOnCase.Count > 0)
                {
                    assessment.Supersede(now);
                }
            }
        }

        // A victim journey follows the person, unless the kept record already has one on that case: then both stay, and the merge says so.
        var journeys = await db.Victims.Where(v => v.PersonId == duplicateId || v.PersonId == keepId).ToListAsync(ct);
        var journeysMoved = 0;
        foreach (var journey in journeys.Where(v => v.PersonId == duplicateId && journeys.All(k => k.PersonId != keepId || k.CaseId != v.CaseId)))
        {
            journey.MoveTo(keepId);
            journeysMoved++;
        }

        if (journeysMoved > 0)
        {
            taken.Add($"{journeysMoved} victim journey{(journeysMoved == 1 ? "" : "s")}");
        }

        // Restorative processes follow the person too, with their preparation sessions and feedback.
        var processes = await db.RjProcesses.Where(p => p.Participants.Any(x => x.PersonId == duplicateId)).ToListAsync(ct);
        foreach (var process in processes)
        {
            process.MovePerson(duplicateId, keepId);
            process.Touch(now);
            db.Entry(process).Property(p => p.ChangedAt).IsModified = true;
        }

        if (processes.Count > 0)
        {
            taken.Add($"{processes.Count} restorative process{(processes.Count == 1 ? "" : "es")}");
        }

        // Safeguarding referrals follow the person, so an open follow-up is never lost with the record merged away.
        var referrals = await db.SafeguardingReferrals.Where(r => r.PersonId == duplicateId).ToListAsync(ct);
        foreach (var referral in referrals)
        {
            referral.MoveTo(keepId);
        }

        if (referrals.Count > 0)
        {
            taken.Add($"{referrals.Count} safeguarding referral{(referrals.Count == 1 ? "" : "s")}");
        }

        if (moved > 0)
        {
            taken.Insert(0, $"{moved} case link{(moved == 1 ? "" : "s")}");
        }

        if (victimLinks.Count > 0)
        {
            taken.Insert(moved > 0 ? 1 : 0, $"{victimLinks.Count} offence link{(victimLinks.Count == 1 ? "" : "s")}");
        }

        duplicate.MarkMergedInto(keepId);
        var merge = PersonMerge.Record(keepId, duplicateId, duplicate.DisplayName, reason, taken.Count == 0 ? "nothing" : string.Join(", ", taken),
            user.UserId(), user.DisplayNameOf(), now);
        db.PersonMerges.Add(merge);
        audit.Record(AuditAction.Merge, nameof(Person), keepId.ToString(), subjectPersonId: keepId, purpose: reason, fields: "MergedFrom:" + duplicateId);
        audit.Record(AuditAction.Merge, nameof(Person), duplicateId.ToString(), subjectPersonId: duplicateId, purpose: reason, fields: "MergedInto:" + keepId);
        await db.SaveChangesAsync(ct);
        return Outcome<PersonMerge>.Done(merge);
    }
}
