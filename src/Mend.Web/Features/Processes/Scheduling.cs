using System.Globalization;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Processes;

/// <summary>What the worker asks for: who facilitates, where, when, and when each person arrives and leaves.</summary>
public sealed record ScheduleRequest(Guid? FacilitatorId, Guid? CoFacilitatorId, int? VenueId, int? RoomId, DateTime StartsAt, DateTime EndsAt,
    IReadOnlyList<MeetingPlan.PersonTimes> Times);

/// <summary>
/// What the scheduling rules need that the process does not hold, loaded by <see cref="ScheduleMeeting"/>: the time now,
/// the service's settings, the assessment gate's answer, the accreditation level the case needs, the chosen staff (active
/// users, by id) and their accreditations, the chosen venue if it is in use, the other meetings at that time, and names.
/// </summary>
public sealed record SchedulingFacts(
    DateTime Now,
    int LongestMeetingHours,
    int StaggerMinutes,
    Assessments.ProcessReadiness.Answer? Readiness,
    AccreditationLevel Needed,
    IReadOnlyDictionary<Guid, string> Staff,
    IReadOnlyList<Accreditation> Awards,
    Venues.Venue? Venue,
    IReadOnlyList<RjProcess> Overlapping,
    IReadOnlyDictionary<Guid, string> Names)
{
    /// <summary>Facilitators whose DBS check is not current on the meeting's day, when the service requires one (Mend:Staff:FacilitatorsNeedDbs).</summary>
    public IReadOnlySet<Guid> WithoutDbs { get; init; } = new HashSet<Guid>();

    /// <summary>Members of the chosen panel who may not sit on the meeting's day (<see cref="PanelClearance"/>): name, and what they lack.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Gaps)> PanelCannotSit { get; init; } = [];
}

/// <summary>
/// The rules for scheduling a meeting, field by field (the API's names), over a process, a request and its facts: the
/// meeting in the future and at most the longest allowed; a panel chosen where one meets; everyone assessed; accredited
/// facilitators (advanced for sensitive cases); a room in use; arrivals within two hours before and departures within two
/// hours after; the victim and the young person arriving and leaving at least the stagger apart; and, when all that
/// holds, nothing double-booked. <see cref="RjProcess.Schedule"/> refuses any of them.
/// </summary>
public static class SchedulingRules
{
    public static Dictionary<string, string> Problems(RjProcess process, ScheduleRequest request, SchedulingFacts facts)
    {
        var errors = new Dictionary<string, string>();
        if (!process.IsMeeting)
        {
            errors[""] = "A shuttle or letter process has no meeting to schedule";
            return errors;
        }

        var (starts, ends) = (request.StartsAt, request.EndsAt);
        if (starts <= facts.Now)
        {
            errors["startsAt"] = "The meeting must be in the future";
        }

        if (ends <= starts)
        {
            errors["endsAt"] = "The meeting must end after it starts";
        }
        else if (ends - starts > TimeSpan.FromHours(facts.LongestMeetingHours))
        {
            errors["endsAt"] = $"A meeting may last at most {facts.LongestMeetingHours} hours";
        }

        if (process.NeedsPanel && process.PanelId is null)
        {
            errors["panelId"] = "Choose the panel that will meet before scheduling";
        }
        else if (process.PanelId is not null && facts.PanelCannotSit.Count > 0)
        {
            errors["panelId"] = string.Join("; ", facts.PanelCannotSit.Select(m => $"{m.Name} cannot sit on the panel on {Date(London.DateOf(starts))}: {string.Join(", and ", m.Gaps)}"))
                + ". Update their register, or take them off the panel, first";
        }

        if (facts.Readiness is { Ready: false } answer)
        {
            errors["participants"] = "Not everyone is ready: " + string.Join("; ", answer.Missing);
        }

        Facilitators(request, facts, London.DateOf(starts), errors);
        if (process.NeedsVenue && (facts.Venue is null || facts.Venue.Id != request.VenueId || facts.Venue.Rooms.All(r => r.Id != request.RoomId || !r.IsOpen)))
        {
            errors["roomId"] = "Select a room at a venue in use";
        }

        var times = TimesFor(process, request);
        Arrivals(process, times, starts, ends, facts, errors);
        if (errors.Count == 0)
        {
            DoubleBookings(process, request, facts, errors);
        }

        return errors;
    }

    /// <summary>Each person's arrival and departure: as asked, or the meeting's own start and end.</summary>
    public static List<MeetingPlan.PersonTimes> TimesFor(RjProcess process, ScheduleRequest request) =>
        process.Participants.Select(p =>
        {
            var given = request.Times.FirstOrDefault(t => t.PersonId == p.PersonId);
            return new MeetingPlan.PersonTimes(p.PersonId, given?.ArriveAt ?? request.StartsAt, given?.LeaveAt ?? request.EndsAt);
        }).ToList();

    private static void Facilitators(ScheduleRequest request, SchedulingFacts facts, DateOnly day, Dictionary<string, string> errors)
    {
        if (request.FacilitatorId is not { } facilitatorId || !facts.Staff.TryGetValue(facilitatorId, out var facilitator))
        {
            errors["facilitatorId"] = "Select the facilitator";
        }
        else
        {
            var missing = new List<string>();
            if (!facts.Awards.Any(a => a.UserId == facilitatorId && a.IsCurrentOn(day) && a.Covers(facts.Needed)))
            {
                missing.Add(facts.Needed == AccreditationLevel.AdvancedFacilitator
                    ? $"does not hold a current advanced facilitator accreditation on {Date(day)}, which this sensitive or complex case needs"
                    : $"does not hold a current RJ facilitator accreditation on {Date(day)}");
            }

            if (facts.WithoutDbs.Contains(facilitatorId))
            {
                missing.Add($"has no DBS check current on {Date(day)} (record their new check on the staff register)");
            }

            if (missing.Count > 0)
            {
                errors["facilitatorId"] = $"{facilitator} {string.Join(", and ", missing)}";
            }
        }

        if (request.CoFacilitatorId is { } coId)
        {
            if (!facts.Staff.TryGetValue(coId, out var co) || coId == request.FacilitatorId)
            {
                errors["coFacilitatorId"] = "Select a different person as co-facilitator, or none";
            }
            else
            {
                var missing = new List<string>();
                if (!facts.Awards.Any(a => a.UserId == coId && a.IsCurrentOn(day)))
                {
                    missing.Add($"does not hold a current RJ facilitator accreditation on {Date(day)}");
                }

                if (facts.WithoutDbs.Contains(coId))
                {
                    missing.Add($"has no DBS check current on {Date(day)} (record their new check on the staff register)");
                }

                if (missing.Count > 0)
                {
                    errors["coFacilitatorId"] = $"{co} {string.Join(", and ", missing)}";
                }
            }
        }
    }

    private static void Arrivals(RjProcess process, List<MeetingPlan.PersonTimes> times, DateTime starts, DateTime ends, SchedulingFacts facts,
        Dictionary<string, string> errors)
    {
        string Name(Guid id) => facts.Names.GetValueOrDefault(id, "Someone");
        foreach (var t in times)
        {
            if (t.ArriveAt > starts || t.ArriveAt < starts.AddHours(-2) || t.LeaveAt < ends || t.LeaveAt > ends.AddHours(2))
            {
                errors["times"] = $"{Name(t.PersonId)} must arrive in the two hours before the start and leave in the two hours after the end";
            }
        }

        var stagger = TimeSpan.FromMinutes(facts.StaggerMinutes);
        var victims = process.Participants.Where(p => p.Role == ParticipantRole.Victim).Select(p => times.Single(t => t.PersonId == p.PersonId)).ToList();
        var young = process.Participants.Where(p => p.Role == ParticipantRole.YoungPerson).Select(p => times.Single(t => t.PersonId == p.PersonId)).ToList();
        foreach (var v in victims)
        {
            foreach (var y in young)
            {
                if ((v.ArriveAt - y.ArriveAt).Duration() < stagger || (v.LeaveAt - y.LeaveAt).Duration() < stagger)
                {
                    errors["times"] = $"{Name(v.PersonId)} and {Name(y.PersonId)} must arrive and leave at least {facts.StaggerMinutes} minutes apart";
                }
            }
        }
    }

    private static void DoubleBookings(RjProcess process, ScheduleRequest request, SchedulingFacts facts, Dictionary<string, string> errors)
    {
        var overlapping = facts.Overlapping.Where(p => p.Id != process.Id && p.Status == ProcessStatus.Scheduled
            && p.StartsAt < request.EndsAt && p.EndsAt > request.StartsAt).ToList();
        if (facts.Venue is { } venue && process.NeedsVenue && overlapping.Any(p => p.RoomId == request.RoomId))
        {
            errors["roomId"] = $"{venue.Rooms.Single(r => r.Id == request.RoomId).Name} at {venue.Name} is already booked at that time";
        }

        foreach (var id in new[] { request.FacilitatorId, request.CoFacilitatorId }.OfType<Guid>()
                     .Where(id => overlapping.Any(p => p.FacilitatorId == id || p.CoFacilitatorId == id)))
        {
            errors[id == request.FacilitatorId ? "facilitatorId" : "coFacilitatorId"] = $"{facts.Staff[id]} is facilitating another meeting at that time";
        }

        if (process.PanelId is { } panelId && overlapping.Any(p => p.PanelId == panelId))
        {
            errors["panelId"] = "The panel is meeting about another case at that time";
        }

        var busy = overlapping.SelectMany(p => p.Participants.Select(x => x.PersonId)).Intersect(process.Participants.Select(p => p.PersonId)).ToList();
        if (busy.Count > 0)
        {
            errors["participants"] = string.Join("; ", busy.Select(b => $"{facts.Names.GetValueOrDefault(b, "Someone")} is in another meeting at that time"));
        }
    }

    private static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
