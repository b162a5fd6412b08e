using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>Schedules (or changes) the meeting; <see cref="ScheduleMeeting"/> refuses it, naming every reason, unless it is safe.</summary>
public sealed class ScheduleModel(MendDb db, CaseAccess access, AuditTrail audit, ScheduleMeeting schedule) : ProcessTaskPage(db, access, audit)
{
    /// <summary>The form: times as typed, in UK time, on the day given.</summary>
    public sealed class ScheduleForm
    {
        public string? FacilitatorId { get; set; }
        public string? CoFacilitatorId { get; set; }

        /// <summary>"venue:room", as the room list offers it.</summary>
        public string? RoomId { get; set; }
        public DateParts Date { get; set; } = new();
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public List<PersonTimes> Times { get; set; } = [];
    }

    public sealed class PersonTimes
    {
        public string PersonId { get; set; } = "";
        public string? ArriveAt { get; set; }
        public string? LeaveAt { get; set; }
    }

    [BindProperty]
    public ScheduleForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoomItems { get; private set; } = [];

    public bool Sensitive { get; private set; }

    protected override bool Applies(RjProcess process) => ProcessTasks.CanSchedule(process);

    protected override void Prefill()
    {
        if (Process.StartsAt is { } starts && Process.EndsAt is { } ends)
        {
            Input.FacilitatorId = Process.FacilitatorId?.ToString();
            Input.CoFacilitatorId = Process.CoFacilitatorId?.ToString();
            Input.RoomId = Process.VenueId is { } venue ? $"{venue}:{Process.RoomId}" : null;
            Input.Date = DateParts.From(London.DateOf(starts));
            Input.StartsAt = Clock(starts);
            Input.EndsAt = Clock(ends);
        }

        Input.Times = Process.Participants.Select(p => new PersonTimes
        {
            PersonId = p.PersonId.ToString(),
            ArriveAt = p.ArriveAt is { } arrive ? Clock(arrive) : null,
            LeaveAt = p.LeaveAt is { } leave ? Clock(leave) : null,
        }).ToList();
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var staff = await Staff.StaffWithRoles.Of(Db, Roles.Practitioner, Roles.Manager, Roles.Volunteer).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        StaffItems = [new SelectListItem("Choose a person", ""), .. staff.Select(s => new SelectListItem(s.DisplayName, s.Id.ToString()))];
        var venues = await Db.Venues.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Name).ToListAsync(ct);
        RoomItems = [new SelectListItem("Choose a room", ""),
            .. venues.SelectMany(v => v.Rooms.Where(r => r.IsOpen).Select(r => new SelectListItem($"{v.Name}: {r.Name}", $"{v.Id}:{r.Id}")))];
        Sensitive = await schedule.SensitiveAsync(Process.CaseId, ct);
        if (Input.Times.Count != Process.Participants.Count)
        {
            Input.Times = Process.Participants.Select(p => new PersonTimes { PersonId = p.PersonId.ToString() }).ToList();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (date, dateError) = Input.Date.Parse("Date of the meeting");
        if (dateError is not null || date is null)
        {
            ModelState.AddModelError("Input.Date", dateError ?? "Enter the date of the meeting");
        }

        DateTime? At(string? typed, string field)
        {
            if (date is not { } day)
            {
                return null;
            }

            var (utc, error) = London.ToUtc(day, typed);
            if (error is not null)
            {
                ModelState.AddModelError(field, error);
            }

            return utc;
        }

        var starts = At(Input.StartsAt, "Input.StartsAt");
        var ends = At(Input.EndsAt, "Input.EndsAt");
        var times = Input.Times.Select((t, i) => new ScheduleMeeting.TimesInput(Guid.TryParse(t.PersonId, out var p) ? p : Guid.Empty,
            At(t.ArriveAt, $"Input.Times[{i}].ArriveAt"), At(t.LeaveAt, $"Input.Times[{i}].LeaveAt"))).ToList();
        if (ModelState.IsValid && (starts is null || ends is null))
        {
            ModelState.AddModelError(starts is null ? "Input.StartsAt" : "Input.EndsAt", starts is null ? "Enter the start time" : "Enter the end time");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, ct);
        }

        var room = (Input.RoomId ?? "").Split(':');
        var request = new ScheduleMeeting.ScheduleInput(Guid.TryParse(Input.FacilitatorId, out var f) ? f : null,
            Guid.TryParse(Input.CoFacilitatorId, out var c) ? c : null,
            room.Length == 2 && int.TryParse(room[0], out var v) ? v : null, room.Length == 2 && int.TryParse(room[1], out var r) ? r : null,
            starts, ends, times);
        return await AnswerAsync(id, await schedule.ScheduleAsync(User, id, Version, request, ct), "Meeting scheduled", ct, field => field switch
        {
            "facilitatorId" or "coFacilitatorId" or "roomId" or "startsAt" or "endsAt" => "Input." + PageOutcome.InputName(field),
            "times" => "Input.Times[0].ArriveAt",
            _ => "",
        });
    }

    private static string Clock(DateTime utc) => utc.ToLondonTime().ToString("HH:mm", CultureInfo.InvariantCulture);
}
