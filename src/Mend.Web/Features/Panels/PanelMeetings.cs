using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Panels;

/// <summary>
/// Panel meetings as panel members see them: only their own panels' meetings, with the least case
/// information a panel needs (first names, roles, the young person's age, the offences by type, times and place),
/// and the minutes the chair writes.
/// </summary>
public sealed class PanelMeetings(MendDb db, Staff.PanelClearance clearance, CaseAccess access, FieldEncryption encryption, AuditTrail audit, TimeProvider clock)
{
    public sealed record Person(Guid PersonId, string FirstName, int? Age, ParticipantRole Role, DateTime? ArriveAt, DateTime? LeaveAt);

    public sealed record Brief(RjProcess Process, Panel Panel, string CaseReference, ReferralSource Source, string Place, IReadOnlyList<string> PlaceSafety,
        IReadOnlyList<Person> People, IReadOnlyList<string> Offences, string? Minutes, bool CanWriteMinutes);

    public sealed record Listed(Guid ProcessId, ProcessKind Kind, ProcessStatus Status, DateTime? StartsAt, string PanelName, string CaseReference, bool MinutesWritten);

    /// <summary>Panel processes on the panels the user may sit on today (<see cref="Staff.PanelClearance"/>), and, for case workers, panel processes on cases they can see.</summary>
    public IQueryable<RjProcess> Visible(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        // A volunteer whose panel training or DBS check has lapsed, or who is no longer staff, sees none of their panels' meetings.
        var panels = clearance.PanelsSatOnBy(userId, clock.LondonToday());
        if (!user.IsInRole(Roles.Practitioner) && !user.IsInRole(Roles.Manager))
        {
            return db.RjProcesses.Where(p => p.PanelId != null && panels.Contains(p.PanelId.Value));
        }

        var cases = access.VisibleCases(user);
        return db.RjProcesses.Where(p => p.PanelId != null && (panels.Contains(p.PanelId.Value) || cases.Any(c => c.Id == p.CaseId)));
    }

    /// <summary>Meetings from a week ago onwards, soonest first, and those not yet scheduled.</summary>
    public async Task<IReadOnlyList<Listed>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        return await Visible(user).AsNoTracking()
            .Where(p => p.StartsAt == null || p.StartsAt >= since || p.MinutesAt == null && p.Status == ProcessStatus.Scheduled)
            .Where(p => p.Status != ProcessStatus.Withdrawn && p.Status != ProcessStatus.NotSuitable)
            .OrderBy(p => p.StartsAt == null).ThenBy(p => p.StartsAt)
            .Select(p => new Listed(p.Id, p.Kind, p.Status, p.StartsAt, db.Panels.Where(x => x.Id == p.PanelId).Select(x => x.Name).Single(),
                db.Cases.Where(c => c.Id == p.CaseId).Select(c => c.Reference).Single(), p.MinutesAt != null))
            .Take(200)
            .ToListAsync(ct);
    }

    /// <summary>The brief for one meeting, or null if the user cannot see it. Each view is audited for each person named.</summary>
    public async Task<Brief?> BriefAsync(ClaimsPrincipal user, Guid processId, CancellationToken ct)
    {
        var process = await Visible(user).AsNoTracking().SingleOrDefaultAsync(p => p.Id == processId, ct);
        if (process is null)
        {
            return null;
        }

        var panel = await db.Panels.AsNoTracking().SingleAsync(p => p.Id == process.PanelId, ct);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == process.CaseId).Select(c => new { c.Reference, c.ReferralSource }).SingleAsync(ct);
        var ids = process.Participants.Select(p => p.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.OrganisationName, p.DateOfBirth, p.StatedAge }).ToDictionaryAsync(p => p.Id, ct);
        var today = clock.LondonToday();
        int? Age(DateOnly? born, int? stated) => born is { } b ? today.Year - b.Year - (today < b.AddYears(today.Year - b.Year) ? 1 : 0) : stated;
        var listed = process.Participants.OrderBy(p => p.Role).Select(p => new Person(p.PersonId,
            people.TryGetValue(p.PersonId, out var x) ? x.GivenName ?? x.FamilyName ?? x.OrganisationName ?? "Unknown" : "Unknown",
            p.Role == ParticipantRole.YoungPerson && people.TryGetValue(p.PersonId, out var y) ? Age(y.DateOfBirth, y.StatedAge) : null, p.Role, p.ArriveAt, p.LeaveAt)).ToList();
        var offences = await db.Offences.AsNoTracking().Where(o => o.CaseId == process.CaseId)
            .Join(db.OffenceTypes, o => o.OffenceTypeId, t => t.Id, (o, t) => new { t.Name, o.CommittedOn }).OrderBy(o => o.CommittedOn).ToListAsync(ct);
        var venue = process.VenueId is { } venueId ? await db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, ct) : null;
        var place = venue is null ? (process.StartsAt is null ? "Not yet arranged" : "Video call")
            : $"{venue.Rooms.FirstOrDefault(r => r.Id == process.RoomId)?.Name}, {venue.Name}{(venue.Address is null ? "" : ", " + venue.Address)}";
        IReadOnlyList<string> safety = venue is null ? [] : new[]
        {
            venue.SeparateWaitingRooms ? "Separate waiting rooms" : "No separate waiting rooms", venue.Exits is null ? null : "Exits: " + venue.Exits, venue.EscortRules,
            venue.StaffMayBeAlone ? null : "Staff and volunteers must not be alone here",
        }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();

        foreach (var p in listed)
        {
            audit.Record(AuditAction.View, "PanelMeeting", process.Id.ToString(), subjectPersonId: p.PersonId, purpose: "Panel meeting brief");
        }

        await db.SaveChangesAsync(ct);
        return new Brief(process, panel, @case.Reference, @case.ReferralSource, place, safety, listed,
            offences.Select(o => $"{o.Name} ({o.CommittedOn:d MMMM yyyy})").ToList(),
            process.MinutesCiphertext is null ? null : encryption.Decrypt(process.MinutesCiphertext), CanWriteMinutes(user, panel));
    }

    /// <summary>Writes (or rewrites) the minutes: the panel's chair, or a case worker who can see the case.</summary>
    public async Task<Outcome<RjProcess>> MinutesAsync(ClaimsPrincipal user, Guid processId, int version, string? minutes, CancellationToken ct)
    {
        var panelId = await Visible(user).Where(p => p.Id == processId).Select(p => p.PanelId).SingleOrDefaultAsync(ct);
        if (panelId is null)
        {
            return Outcome<RjProcess>.NotFound();
        }

        var panel = await db.Panels.AsNoTracking().SingleAsync(p => p.Id == panelId, ct);
        if (!CanWriteMinutes(user, panel))
        {
            return Outcome<RjProcess>.Forbidden("Only the panel's chair or a case worker writes the minutes");
        }

        return await VersionedChange.RunAsync(db, Visible(user).Where(p => p.Id == processId), version, (process, errors) =>
        {
            if (string.IsNullOrWhiteSpace(minutes))
            {
                errors["minutes"] = "Enter the minutes";
            }
            else if (minutes.Length > 20000)
            {
                errors["minutes"] = "The minutes must be 20,000 characters or fewer";
            }
            else
            {
                process.RecordMinutes(encryption.Encrypt(minutes.Trim()), panel.Chair?.DisplayName ?? user.DisplayNameOf(), user.DisplayNameOf(),
                    clock.GetUtcNow().UtcDateTime);
            }
        }, RjProcess.StaleMessage, ct);
    }

    private static bool CanWriteMinutes(ClaimsPrincipal user, Panel panel) =>
        panel.Chair?.UserId == user.UserId() || user.IsInRole(Roles.Practitioner) || user.IsInRole(Roles.Manager);
}
