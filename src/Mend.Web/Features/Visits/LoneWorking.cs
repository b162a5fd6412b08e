using System.Security.Claims;
using System.Text.RegularExpressions;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>
/// Visits from plan to check-out, shared by the pages and the API: who may see and change which, the risks a plan shows,
/// clashes in the worker's diary, and the changes themselves (each through <see cref="VersionedChange"/>). A duress
/// check-out answers exactly as a normal one and raises a red alert in the same save.
/// </summary>
public sealed partial class LoneWorking(MendDb db, CaseAccess access, LoneWorkingSettings settings, EscalationSignal signal, TimeProvider clock)
{
    public static readonly string StaleMessage = Conflicts.Message("this visit");

    /// <summary>A plan as typed or sent; times in UTC.</summary>
    public sealed record PlanInput(Guid? CaseId, Guid? PersonId, int? VenueId, VisitPlace? Place, string? Address, DateTime? StartsAt, DateTime? EndsAt,
        Guid? BuddyId, Guid? SecondWorkerId, string? Travel, string? Purpose);

    /// <summary>One thing to know before going: about whom ("Jay Doe", "Someone known at this address", the venue), what, and how serious (red or orange).</summary>
    public sealed record Risk(string About, string What, string? Note, string Colour);

    public sealed record Risks(IReadOnlyList<Risk> Items, bool NotAlone, IReadOnlyList<string> VenueNotes);

    /// <summary>Something else in the worker's diary at the same time.</summary>
    public sealed record Clash(string What, DateTime StartsAt, DateTime EndsAt, string? Link);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Visits the user goes on, goes with, is buddy for, or on a case they can see; a manager also sees their team's
    /// workers' visits, and the duty manager on shift sees every visit (they answer for all of them).
    /// </summary>
    public IQueryable<Visit> Visible(ClaimsPrincipal user)
    {
        var me = user.UserId();
        var cases = access.VisibleCases(user).Select(c => c.Id);
        var mine = db.Visits.Where(v => v.WorkerId == me || v.SecondWorkerId == me || v.BuddyId == me || (v.CaseId != null && cases.Contains(v.CaseId.Value)));
        if (!user.IsInRole(Roles.Manager))
        {
            return mine;
        }

        var now = Now;
        var team = user.TeamIdOf();
        var teamWorkers = db.Users.Where(u => team != null && u.TeamId == team).Select(u => u.Id);
        return db.Visits.Where(v => db.DutyShifts.Any(d => d.UserId == me && d.StartsAt <= now && d.EndsAt > now) || teamWorkers.Contains(v.WorkerId)
            || v.WorkerId == me || v.SecondWorkerId == me || v.BuddyId == me || (v.CaseId != null && cases.Contains(v.CaseId.Value)));
    }

    /// <summary>The user's own visits: the only ones they may check in, extend, check out or cancel.</summary>
    public IQueryable<Visit> Mine(ClaimsPrincipal user)
    {
        var me = user.UserId();
        return db.Visits.Where(v => v.WorkerId == me);
    }

    /// <summary>
    /// What the plan must show: warnings on the person visited (or everyone on the case when nobody is chosen), on anyone
    /// Mend knows at the address (by postcode and first line, unnamed unless their case is one the user sees), and the
    /// venue's safety notes. A "do not visit alone" or "risk to staff" warning, or a venue where staff may not be alone,
    /// means a second worker.
    /// </summary>
    public async Task<Risks> RisksAsync(ClaimsPrincipal user, Guid? caseId, Guid? personId, int? venueId, string? address, CancellationToken ct)
    {
        var items = new List<Risk>();
        var seen = new HashSet<long>();
        var people = new List<Guid>();
        if (caseId is { } id)
        {
            people = personId is { } p
                ? [p]
                : await db.CaseParticipants.Where(x => x.CaseId == id).Select(x => x.PersonId).ToListAsync(ct);
        }

        var named = await access.VisiblePeople(user).Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        foreach (var flag in await db.PersonFlags.AsNoTracking().Where(f => people.Contains(f.PersonId) && f.RemovedAt == null).ToListAsync(ct))
        {
            seen.Add(flag.Id);
            items.Add(new(named.GetValueOrDefault(flag.PersonId, "Someone on the case"), FlagTypes.Describe(flag.Type), flag.Note, FlagTypes.Colour(flag.Type)));
        }

        if (PostcodeIn(address) is { } postcode)
        {
            var atAddress = await db.PersonAddresses.AsNoTracking().Where(a => a.PostcodeKey == postcode && a.To == null)
                .Select(a => new { a.PersonId, a.Line1 }).ToListAsync(ct);
            var ids = atAddress.Where(a => address!.Contains(a.Line1, StringComparison.OrdinalIgnoreCase)).Select(a => a.PersonId).Distinct().ToList();
            var visible = await access.VisiblePeople(user).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
            foreach (var flag in await db.PersonFlags.AsNoTracking().Where(f => ids.Contains(f.PersonId) && f.RemovedAt == null).ToListAsync(ct))
            {
                if (seen.Add(flag.Id))
                {
                    items.Add(new(visible.TryGetValue(flag.PersonId, out var name) ? $"{name} (at this address)" : "Someone known at this address",
                        FlagTypes.Describe(flag.Type), flag.Note, FlagTypes.Colour(flag.Type)));
                }
            }
        }

        var notes = new List<string>();
        var venueAlone = true;
        if (venueId is { } v && await db.Venues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == v, ct) is { } venue)
        {
            venueAlone = venue.StaffMayBeAlone;
            if (!venue.StaffMayBeAlone)
            {
                notes.Add($"{venue.Name}: staff may not be alone here");
            }

            notes.AddRange(new[] { ("Exits", venue.Exits), ("Escorts", venue.EscortRules), ("Access", venue.Accessibility) }
                .Where(n => !string.IsNullOrWhiteSpace(n.Item2)).Select(n => $"{n.Item1}: {n.Item2}"));
        }

        var notAlone = !venueAlone || items.Any(i => i.What == FlagTypes.Describe(FlagType.DoNotVisitAlone) || i.What == FlagTypes.Describe(FlagType.RiskToStaff));
        return new(items, notAlone, notes);
    }

    /// <summary>
    /// Plans a visit for the user. A case the user cannot see is not found; a person not on the case, an unknown venue, or a
    /// buddy or second worker who is not an active member of staff is refused naming its field.
    /// </summary>
    public async Task<Outcome<Visit>> PlanAsync(ClaimsPrincipal user, PlanInput input, CancellationToken ct)
    {
        if (input.CaseId is { } caseId)
        {
            if (!await access.VisibleCases(user).AnyAsync(c => c.Id == caseId, ct))
            {
                return Outcome<Visit>.NotFound();
            }

            if (input.PersonId is { } personId && !await db.CaseParticipants.AnyAsync(p => p.CaseId == caseId && p.PersonId == personId, ct))
            {
                return Outcome<Visit>.Invalid("personId", "Choose someone on the case, or nobody");
            }
        }

        if (input.VenueId is { } venueId && !await db.Venues.AnyAsync(v => v.Id == venueId && v.IsActive, ct))
        {
            return Outcome<Visit>.Invalid("venueId", "Choose a venue from the list, or none");
        }

        var staff = await StaffAsync(ct);
        var buddy = input.BuddyId is { } b ? staff.FirstOrDefault(s => s.Id == b) : null;
        if (input.BuddyId is not null && buddy is null)
        {
            return Outcome<Visit>.Invalid("buddyId", "Choose a buddy from the list of staff");
        }

        var second = input.SecondWorkerId is { } s2 ? staff.FirstOrDefault(s => s.Id == s2) : null;
        if (input.SecondWorkerId is not null && second is null)
        {
            return Outcome<Visit>.Invalid("secondWorkerId", "Choose the second worker from the list of staff");
        }

        var risks = await RisksAsync(user, input.CaseId, input.PersonId, input.VenueId, input.Address, ct);
        try
        {
            var visit = Visit.Make(new Visit.Plan(input.CaseId, input.PersonId, input.VenueId, input.Place, input.Address, input.StartsAt, input.EndsAt,
                input.BuddyId, buddy?.Name, input.SecondWorkerId, second?.Name, input.Travel, input.Purpose), user.UserId(), user.DisplayNameOf(), risks.NotAlone, settings.LongestVisit);
            db.Visits.Add(visit);
            await db.SaveChangesAsync(ct);
            return Outcome<Visit>.Done(visit);
        }
        catch (DomainRuleException ex)
        {
            return Outcome<Visit>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    public sealed record StaffMember(Guid Id, string Name);

    /// <summary>Active staff who can be a buddy or go with a worker: practitioners and managers.</summary>
    public async Task<List<StaffMember>> StaffAsync(CancellationToken ct)
    {
        return await Staff.StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new StaffMember(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Whose diaries a manager may open: their team's staff, or, on duty, all staff.</summary>
    public async Task<List<StaffMember>> DiariesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var now = Now;
        var onDuty = await db.DutyShifts.AnyAsync(d => d.UserId == me && d.StartsAt <= now && d.EndsAt > now, ct);
        var team = user.TeamIdOf();
        var teamIds = await db.Users.Where(u => team != null && u.TeamId == team).Select(u => u.Id).ToListAsync(ct);
        return (await StaffAsync(ct)).Where(s => onDuty || s.Id == me || teamIds.Contains(s.Id)).ToList();
    }

    /// <summary>Checks in; refused while the worker is checked in to another visit (one live visit at a time, so the phone page shows it).</summary>
    public Task<Outcome<Visit>> CheckInAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Mine(user).Where(v => v.Id == id), version, async (Visit visit, Dictionary<string, string> errors) =>
        {
            if (await Mine(user).AnyAsync(v => v.Status == VisitStatus.InProgress && v.Id != id, ct))
            {
                errors[""] = "You are checked in to another visit: check out of it first";
                return;
            }

            visit.CheckIn(Now);
        }, StaleMessage, ct);

    /// <summary>A new expected end; it answers an amber alert on the visit.</summary>
    public Task<Outcome<Visit>> ExtendAsync(ClaimsPrincipal user, Guid id, int version, DateTime? newEnd, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Mine(user).Where(v => v.Id == id), version, async (Visit visit, Dictionary<string, string> _) =>
        {
            visit.Extend(newEnd, Now, settings.LongestVisit);
            await AnswerAlertsAsync(visit, $"{visit.WorkerName} extended the visit to {newEnd!.Value.ToLondonTime():HH:mm}", ct);
        }, StaleMessage, ct);

    /// <summary>
    /// Checks out with a code (<see cref="LoneWorkingSettings.Classify"/>): normal and duress answer alike. The duress code
    /// raises a red alert in its own save first, whatever then happens to the check-out (a visit not yet checked in, one
    /// already finished, a stale page), and wakes the escalation job. A wrong code is refused ("code") and the visit stays live.
    /// </summary>
    public async Task<Outcome<Visit>> CheckOutAsync(ClaimsPrincipal user, Guid id, int version, string? code, CancellationToken ct)
    {
        if (code is { Length: > 50 })
        {
            return Outcome<Visit>.Invalid("code", "That code is not right. Enter your check-out code");
        }

        var kind = settings.Classify(code);
        if (kind == CheckOutCode.Duress)
        {
            await RaiseDuressAsync(user, id, ct);
        }

        var outcome = await VersionedChange.RunAsync(db, Mine(user).Where(v => v.Id == id), version, async (Visit visit, Dictionary<string, string> _) =>
        {
            visit.CheckOut(kind, Now);
            await AnswerAlertsAsync(visit, $"{visit.WorkerName} checked out at {Now.ToLondonTime():HH:mm}", ct);
        }, StaleMessage, ct);
        if (kind == CheckOutCode.Duress)
        {
            signal.Wake();
        }

        return outcome;
    }

    private async Task RaiseDuressAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var visit = await Mine(user).AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null || await db.VisitAlerts.AnyAsync(a => a.VisitId == id && a.Kind == AlertKind.Duress, ct))
        {
            return;
        }

        var alert = VisitAlert.DuressAlert(visit, Now);
        db.VisitAlerts.Add(alert);
        db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Raised, "Duress code used at check-out", Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.VisitAlerts.AnyAsync(a => a.VisitId == id && a.Kind == AlertKind.Duress, ct))
            {
                throw; // not the same code sent twice at once: the request fails, and the worker can send it again
            }
        }

        db.ChangeTracker.Clear();
    }

    public Task<Outcome<Visit>> CancelAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Mine(user).Where(v => v.Id == id), version, async (Visit visit, Dictionary<string, string> _) =>
        {
            visit.Cancel();
            await AnswerAlertsAsync(visit, $"{visit.WorkerName} cancelled the visit", ct);
        }, StaleMessage, ct);

    private async Task AnswerAlertsAsync(Visit visit, string what, CancellationToken ct)
    {
        foreach (var alert in await db.VisitAlerts.Where(a => a.VisitId == visit.Id && a.EndedAt == null && a.Kind == AlertKind.Overdue).ToListAsync(ct))
        {
            alert.AnsweredByWorker(visit.WorkerName, what, Now);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Ended, what, Now));
        }
    }

    /// <summary>
    /// Alerts the user may see and acknowledge: on the visits a manager sees (<see cref="Visible"/>); otherwise on visits
    /// they are buddy for, go with, or go on (amber only). Never a red alert to its worker or second worker: whoever
    /// holds their phone, or stands next to them, must not learn of it.
    /// </summary>
    public IQueryable<VisitAlert> VisibleAlerts(ClaimsPrincipal user)
    {
        var me = user.UserId();
        var notTheirOwnRed = db.VisitAlerts.Where(a => a.Kind == AlertKind.Overdue
            || !db.Visits.Any(v => v.Id == a.VisitId && (v.WorkerId == me || v.SecondWorkerId == me)));
        // Anyone an alert was sent to can open it (and its stand-down), whatever their shift or team now.
        var told = db.VisitAlertLog.Where(e => e.RecipientId == me).Select(e => e.AlertId);
        if (user.IsInRole(Roles.Manager))
        {
            var visible = Visible(user).Select(v => v.Id);
            return notTheirOwnRed.Where(a => visible.Contains(a.VisitId) || told.Contains(a.Id));
        }

        return notTheirOwnRed.Where(a => told.Contains(a.Id) || db.Visits.Any(v => v.Id == a.VisitId && (v.BuddyId == me || v.SecondWorkerId == me || v.WorkerId == me)));
    }

    /// <summary>
    /// Someone has taken the alert on: the climb stops. Not a versioned change from the user's side: whatever step the
    /// alert has reached, an acknowledgement means the same; if the job moved it in between, it is tried once more.
    /// </summary>
    public async Task<Outcome<VisitAlert>> AcknowledgeAsync(ClaimsPrincipal user, long id, string? note, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var alert = await VisibleAlerts(user).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null)
            {
                return Outcome<VisitAlert>.NotFound();
            }

            try
            {
                // Those on the visit answer by checking out or extending: whoever may be holding their phone cannot stop the climb.
                if (await db.Visits.AnyAsync(v => v.Id == alert.VisitId && (v.WorkerId == user.UserId() || v.SecondWorkerId == user.UserId()), ct))
                {
                    throw new DomainRuleException("You are on this visit: check out or extend it, and call your buddy");
                }

                alert.Acknowledge(user.DisplayNameOf(), note, Now);
            }
            catch (DomainRuleException ex)
            {
                db.ChangeTracker.Clear();
                return ex.Field is null ? Outcome<VisitAlert>.Refused(ex.Message) : Outcome<VisitAlert>.Invalid(ex.Field, ex.Message);
            }

            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Ended, alert.Ending!, Now));
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<VisitAlert>.Done(alert);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// What else the worker has on between <paramref name="start"/> and <paramref name="end"/>: their other open visits,
    /// the meetings they facilitate, and the order appointments on cases allocated to them (an hour each).
    /// </summary>
    public async Task<List<Clash>> ClashesAsync(Guid workerId, DateTime start, DateTime end, Guid? except, CancellationToken ct)
    {
        var items = await DiaryAsync(workerId, start.AddHours(-1), end, ct);
        return items.Where(i => i.StartsAt < end && i.EndsAt > start && i.VisitId != except)
            .Select(i => new Clash(i.What, i.StartsAt, i.EndsAt, i.Link)).ToList();
    }

    /// <summary>One entry in a worker's diary. Visits carry their id; other entries link to where they are managed.</summary>
    public sealed record DiaryEntry(string Kind, string What, string? Where, DateTime StartsAt, DateTime EndsAt, string? Link, Guid? VisitId, VisitStatus? Status);

    /// <summary>A worker's diary between two instants: visits (not cancelled), meetings they facilitate, order appointments on their cases.</summary>
    public async Task<List<DiaryEntry>> DiaryAsync(Guid workerId, DateTime from, DateTime to, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking()
            .Where(v => (v.WorkerId == workerId || v.SecondWorkerId == workerId) && v.Status != VisitStatus.Cancelled && v.StartsAt < to && v.ExpectedEndAt > from)
            .ToListAsync(ct);
        var meetings = await db.RjProcesses.AsNoTracking()
            .Where(p => (p.FacilitatorId == workerId || p.CoFacilitatorId == workerId) && p.StartsAt != null && p.StartsAt < to && p.EndsAt > from
                && p.Status == Processes.ProcessStatus.Scheduled)
            .Select(p => new { p.Id, p.StartsAt, p.EndsAt }).ToListAsync(ct);
        var early = from.AddHours(-1);
        var contacts = await db.Set<Orders.OrderContact>().AsNoTracking()
            .Where(c => c.At >= early && c.At < to && c.Attendance == null)
            .Where(c => db.Orders.Any(o => o.Id == c.OrderId && db.Cases.Any(k => k.Id == o.CaseId && k.AllocatedWorkerId == workerId)))
            .Select(c => new { Id = c.OrderId, c.At, c.Purpose })
            .ToListAsync(ct);
        return visits.Select(v => new DiaryEntry("Visit", v.Purpose ?? VisitPlaces.Describe(v.Place), v.Address, v.StartsAt, v.ExpectedEndAt, $"/Visits/{v.Id}", v.Id, v.Status))
            .Concat(meetings.Select(m => new DiaryEntry("Meeting", "Restorative meeting", null, m.StartsAt!.Value, m.EndsAt!.Value, $"/Processes/{m.Id}", null, null)))
            .Concat(contacts.Select(c => new DiaryEntry("Appointment", c.Purpose, null, c.At, c.At.AddHours(1), $"/Orders/{c.Id}", null, null)))
            .Where(e => e.EndsAt > from)
            .OrderBy(e => e.StartsAt).ToList();
    }

    /// <summary>A UK or Jersey postcode in free text, as a search key ("JE24WB"), or null.</summary>
    public static string? PostcodeIn(string? address) =>
        address is not null && Postcode().Match(address) is { Success: true } m ? AddressDetails.PostcodeKeyOf(m.Value) : null;

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
