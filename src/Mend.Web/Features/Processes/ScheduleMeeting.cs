using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>
/// Plans a process and schedules its meeting. Scheduling is refused, with every reason named, unless
/// everyone taking part has an approved, in-date assessment for that kind of process; the
/// facilitators hold current accreditations (advanced for a sensitive or complex case); the room,
/// the facilitators and the people are not booked elsewhere at the time; and the victim and the
/// young person arrive and leave at least the configured minutes apart.
/// </summary>
public sealed class ScheduleMeeting(MendDb db, CaseAccess access, ProcessReadiness readiness, AssessmentSettings assessmentSettings, ProcessSettings settings, MeetingDiary diary, Staff.StaffRegister register, PanelClearance clearance, TimeProvider clock)
{
    public sealed record PlanInput(ProcessKind? Kind, IReadOnlyList<Guid>? PersonIds);

    public sealed record TimesInput(Guid PersonId, DateTime? ArriveAt, DateTime? LeaveAt);

    public sealed record ScheduleInput(Guid? FacilitatorId, Guid? CoFacilitatorId, int? VenueId, int? RoomId, DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<TimesInput>? Times);

    public IQueryable<RjProcess> Visible(ClaimsPrincipal user) => access.VisibleProcesses(user);

    public async Task<Outcome<RjProcess>> PlanAsync(ClaimsPrincipal user, Guid caseId, PlanInput input, CancellationToken ct)
    {
        var @case = await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return Outcome<RjProcess>.NotFound();
        }

        var errors = new Dictionary<string, string>();
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors["kind"] = "Select the kind of process";
        }

        var chosen = (input.PersonIds ?? []).Distinct().ToList();
        var onCase = @case.Participants.Where(p => p.EndedAt is null && chosen.Contains(p.PersonId)).GroupBy(p => p.PersonId).Select(g => g.OrderBy(p => p.Role).First()).ToList();
        if (chosen.Count == 0)
        {
            errors["personIds"] = "Select who will take part";
        }
        else if (onCase.Count != chosen.Count)
        {
            errors["personIds"] = "Select people who are taking part in the case";
        }
        var parents = onCase.Where(p => p.Role == ParticipantRole.ParentOrCarer).Select(p => p.PersonId).ToList();
        var harmedRepresented = parents.Count > 0
            && await db.Victims.AnyAsync(v => v.CaseId == caseId && parents.Contains(v.PersonId) && v.OnBehalfOfPersonId != null, ct);
        if (!errors.ContainsKey("personIds") && input.Kind is { } kind && Enum.IsDefined(kind)
            && ProcessParties.Missing(kind, onCase.Select(p => p.Role).ToList(), harmedRepresented) is { } missing)
        {
            errors["personIds"] = missing;
        }

        if (@case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            errors[""] = "The case is closed, so no process can be planned on it";
        }

        if (errors.Count > 0)
        {
            return Outcome<RjProcess>.Invalid(errors);
        }

        var process = RjProcess.Plan(caseId, input.Kind!.Value, onCase.Select(p => (p.PersonId, p.Role)), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime,
            harmedRepresented);
        db.RjProcesses.Add(process);
        await db.SaveChangesAsync(ct);
        return Outcome<RjProcess>.Done(process);
    }

    /// <summary>Schedules (or moves) the meeting; every invitee hears of it, and anyone no longer needed hears it is off for them.</summary>
    public async Task<Outcome<RjProcess>> ScheduleAsync(ClaimsPrincipal user, Guid processId, int version, ScheduleInput input, CancellationToken ct)
    {
        IReadOnlyList<MeetingDiary.Invitee> after = [], dropped = [];
        var outcome = await VersionedChange.RunAsync(db, Visible(user).Where(p => p.Id == processId), version, async (process, errors) =>
        {
            if (input.StartsAt is not { } starts || input.EndsAt is not { } ends)
            {
                errors[process.IsMeeting ? "startsAt" : ""] = process.IsMeeting
                    ? "Enter the date and the start and end times" : "A shuttle or letter process has no meeting to schedule";
                return;
            }

            var request = new ScheduleRequest(input.FacilitatorId, input.CoFacilitatorId, input.VenueId, input.RoomId, starts, ends,
                (input.Times ?? []).Where(t => t.ArriveAt is not null || t.LeaveAt is not null)
                    .Select(t => new MeetingPlan.PersonTimes(t.PersonId, t.ArriveAt ?? starts, t.LeaveAt ?? ends)).ToList());
            var facts = await FactsAsync(user, process, request, ct);
            foreach (var (field, problem) in SchedulingRules.Problems(process, request, facts))
            {
                errors[field] = problem;
            }

            if (errors.Count > 0)
            {
                return;
            }

            var before = process.Status == ProcessStatus.Scheduled ? await diary.InviteesAsync(process, ct) : [];
            process.Schedule(request, facts);
            after = await diary.InviteesAsync(process, ct);
            dropped = before.Where(b => after.All(a => a.UserId != b.UserId)).ToList();
            diary.Notify(process, after, dropped);
        }, RjProcess.StaleMessage, ct);

        if (outcome.IsDone)
        {
            await diary.SendAsync(outcome.Value!, after, dropped, ct);
        }

        return outcome;
    }

    /// <summary>Loads what the scheduling rules need that the process does not hold (<see cref="SchedulingFacts"/>).</summary>
    private async Task<SchedulingFacts> FactsAsync(ClaimsPrincipal user, RjProcess process, ScheduleRequest request, CancellationToken ct)
    {
        var gate = await readiness.CheckAsync(user, process.CaseId, process.Participants.Select(p => p.PersonId).ToList(), process.AssessedAs, ct);
        var needed = await SensitiveAsync(process.CaseId, ct) ? AccreditationLevel.AdvancedFacilitator : AccreditationLevel.Facilitator;
        var staffIds = new[] { request.FacilitatorId, request.CoFacilitatorId }.OfType<Guid>().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id) && !u.IsDisabled).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var awards = await db.Accreditations.AsNoTracking().Where(a => staffIds.Contains(a.UserId)).ToListAsync(ct);
        var venue = process.NeedsVenue && request.VenueId is { } venueId
            ? await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId && v.IsActive, ct)
            : null;
        var (starts, ends) = (request.StartsAt, request.EndsAt);
        var now = clock.GetUtcNow().UtcDateTime;
        // Other meetings at that time are read only for a meeting that could be scheduled at all (a bounded window).
        var plausible = process.IsMeeting && starts > now && ends > starts && ends - starts <= TimeSpan.FromHours(settings.LongestMeetingHours);
        var overlapping = plausible
            ? await db.RjProcesses.AsNoTracking()
                .Where(p => p.Id != process.Id && p.Status == ProcessStatus.Scheduled && p.StartsAt < ends && p.EndsAt > starts)
                .ToListAsync(ct)
            : [];
        var names = await PersonNames.OfAsync(db, process.Participants.Select(x => x.PersonId), ct);
        var day = Platform.Time.London.DateOf(starts);
        return new SchedulingFacts(now, settings.LongestMeetingHours, settings.StaggerMinutes, gate, needed, staff, awards,
            venue, overlapping, names)
        {
            WithoutDbs = await register.WithoutDbsAsync(staff.Keys.ToList(), day, ct),
            PanelCannotSit = await PanelCannotSitAsync(process.PanelId, day, ct),
        };
    }

    private async Task<IReadOnlyList<(string, IReadOnlyList<string>)>> PanelCannotSitAsync(int? panelId, DateOnly day, CancellationToken ct)
    {
        var panel = panelId is { } id ? await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (panel is null)
        {
            return [];
        }

        var gaps = await clearance.GapsAsync(panel.Members.Select(m => m.UserId).ToList(), day, ct);
        return panel.Members.Where(m => gaps.ContainsKey(m.UserId)).OrderBy(m => m.DisplayName)
            .Select(m => (m.DisplayName, (IReadOnlyList<string>)gaps[m.UserId])).ToList();
    }

    /// <summary>Sensitive or complex: an offence of a sensitive kind or at the gravity threshold, or an assessment a manager had to approve.</summary>
    public async Task<bool> SensitiveAsync(Guid caseId, CancellationToken ct) =>
        await db.Offences.Where(o => o.CaseId == caseId).Join(db.OffenceTypes, o => o.OffenceTypeId, t => t.Id, (_, t) => t)
            .AnyAsync(t => t.IsSensitive || t.GravityScore >= assessmentSettings.ApprovalGravityScore, ct)
        || await db.Assessments.AnyAsync(a => a.CaseId == caseId && a.Status == AssessmentStatus.Approved && a.NeedsManagerApproval, ct);

    private static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
