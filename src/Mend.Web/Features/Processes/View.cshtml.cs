using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>One process: who takes part, its meeting, and scheduling it with the safety checks.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, ScheduleMeeting schedule, MeetingDiary diary, RecordProcess record, ProcessReadiness readiness, Platform.Encryption.FieldEncryption encryption, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed class TimesForm
    {
        public string PersonId { get; set; } = "";
        public string? Arrive { get; set; }
        public string? Leave { get; set; }
    }

    public RjProcess Process { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoomItems { get; private set; } = [];

    public string? Place { get; private set; }

    public bool Sensitive { get; private set; }

    public IReadOnlyList<Checklist.Item> BeforeTheDay { get; private set; } = [];

    [BindProperty] public string? PreparedPersonId { get; set; }
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? PreparationNote { get; set; }
    [BindProperty] public string? SafetyPlan { get; set; }
    [BindProperty] public string? PanelId { get; set; }

    public string? PanelName { get; private set; }

    public IReadOnlyList<SelectListItem> PanelItems { get; private set; } = [];

    public async Task<IActionResult> OnPostPanelAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await record.ChoosePanelAsync(User, id, Version, new(int.TryParse(PanelId, out var panel) ? panel : null), ct), "Panel chosen",
            new() { ["panelId"] = nameof(PanelId) }, ct);

    public string? SafetyPlanText => Process.SafetyPlanCiphertext is null ? null : encryption.Decrypt(Process.SafetyPlanCiphertext);

    public async Task<IActionResult> OnPostPreparationAsync(Guid id, CancellationToken ct)
    {
        var (held, heldError) = HeldOn.Parse("Date of the session");
        var result = await record.PreparationAsync(User, id, Version, new(Guid.TryParse(PreparedPersonId, out var person) ? person : null, held, PreparationNote), ct);
        if (heldError is not null)
        {
            result.Errors["heldOn"] = heldError;
        }

        return await AfterAsync(id, result, "Preparation session recorded", new() { ["personId"] = nameof(PreparedPersonId), ["heldOn"] = nameof(HeldOn), ["note"] = nameof(PreparationNote) }, ct);
    }

    public async Task<IActionResult> OnPostSafetyPlanAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await record.SafetyPlanAsync(User, id, Version, new(SafetyPlan), ct), "Safety plan saved", new() { ["plan"] = nameof(SafetyPlan) }, ct);

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? FacilitatorId { get; set; }
    [BindProperty] public string? CoFacilitatorId { get; set; }
    [BindProperty] public string? Room { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? Starts { get; set; }
    [BindProperty] public string? Ends { get; set; }
    [BindProperty] public List<TimesForm> Times { get; set; } = [];
    [BindProperty] public List<string> Attended { get; set; } = [];
    [BindProperty] public List<string> Spoke { get; set; } = [];
    [BindProperty] public string? MeetingRecord { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    [BindProperty] public string? ItemKind { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public DateParts DueOn { get; set; } = new();
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public long ItemId { get; set; }
    [BindProperty] public string? Done { get; set; }
    [BindProperty] public string? ItemNote { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? WithdrawnBy { get; set; }
    [BindProperty] public string? OutcomeReason { get; set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The decrypted record of the meeting, once recorded.</summary>
    public string? RecordText => Process.RecordCiphertext is null ? null : encryption.Decrypt(Process.RecordCiphertext);

    public IEnumerable<SelectListItem> PeopleItems => Process.Participants.Select(x => new SelectListItem(Names[x.PersonId], x.PersonId.ToString()));

    public static IEnumerable<SelectListItem> ItemKinds =>
    [
        new("Apology", nameof(AgreementItemKind.Apology)), new("Repair the damage", nameof(AgreementItemKind.RepairDamage)),
        new("Hours of reparation", nameof(AgreementItemKind.ReparationHours)), new("Donation", nameof(AgreementItemKind.Donation)),
        new("Commitment about behaviour", nameof(AgreementItemKind.BehaviourCommitment)), new("Something else", nameof(AgreementItemKind.Other)),
    ];

    public static IEnumerable<SelectListItem> Outcomes =>
        new[] { ProcessStatus.Completed, ProcessStatus.PartiallyCompleted, ProcessStatus.Withdrawn, ProcessStatus.NotSuitable }
            .Select(o => new SelectListItem(ProcessWords.Describe(o), o.ToString()));

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await record.MeetingAsync(User, id, Version, new(
            Attended.Select(a => new RecordProcess.AttendanceInput(Guid.TryParse(a, out var g) ? g : Guid.Empty, true, Spoke.Contains(a))).ToList(),
            MeetingRecord, FollowUp), ct), "Meeting recorded", new() { ["record"] = nameof(MeetingRecord), ["followUp"] = nameof(FollowUp) }, ct);

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken ct)
    {
        var (due, dueError) = DueOn.Parse("Due date");
        decimal? hours = decimal.TryParse(Hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : null;
        var result = await record.AddItemAsync(User, id, Version, new(Enum.TryParse<AgreementItemKind>(ItemKind, out var k) && Enum.IsDefined(k) ? k : null, What, Who, due, hours), ct);
        if (dueError is not null)
        {
            result.Errors["dueOn"] = dueError;
        }

        return await AfterAsync(id, result, "Agreement item added", new() { ["kind"] = nameof(ItemKind), ["what"] = nameof(What), ["who"] = nameof(Who), ["dueOn"] = nameof(DueOn), ["hours"] = nameof(Hours) }, ct);
    }

    public async Task<IActionResult> OnPostSettleAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await record.SettleAsync(User, id, Version, new(ItemId, Done switch { "done" => true, "notdone" => false, _ => null }, ItemNote), ct),
            Done == "done" ? "Marked done" : "Marked not done", new() { ["done"] = nameof(Done) }, ct);

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await record.ConcludeAsync(User, id, Version, new(Enum.TryParse<ProcessStatus>(Outcome, out var o) && Enum.IsDefined(o) ? o : null, WithdrawnBy, OutcomeReason), ct),
            "Outcome recorded", new() { ["outcome"] = nameof(Outcome) }, ct);

    private async Task<IActionResult> AfterAsync(Guid id, ScheduleMeeting.Result result, string success, Dictionary<string, string> fields, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(fields.GetValueOrDefault(key, ""), message);
        }

        ModelState.Remove(nameof(Version));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Process.StartsAt is { } starts && Process.EndsAt is { } ends)
        {
            FacilitatorId = Process.FacilitatorId?.ToString();
            CoFacilitatorId = Process.CoFacilitatorId?.ToString();
            Room = Process.VenueId is { } venue ? $"{venue}:{Process.RoomId}" : null;
            Date = DateParts.From(London.DateOf(starts));
            Starts = starts.ToLondonTime().ToString("HH:mm", CultureInfo.InvariantCulture);
            Ends = ends.ToLondonTime().ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        foreach (var p in Process.Participants)
        {
            audit.Record(AuditAction.View, nameof(RjProcess), id.ToString(), subjectPersonId: p.PersonId, purpose: "Restorative process");
        }

        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(Guid id, CancellationToken ct) =>
        await ProcessesApi.IcsAsync(schedule.Visible(User), diary, id, ct) is { } file ? (IActionResult)new ResultAdapter(file) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (date, dateError) = Date.Parse("Date");
        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(Date), dateError);
        }

        DateTime? At(string? time, string field)
        {
            if (date is null || string.IsNullOrWhiteSpace(time))
            {
                return null;
            }

            if (!TimeOnly.TryParseExact(time.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                ModelState.AddModelError(field, "Enter a time like 14:30");
                return null;
            }

            var (utc, error) = London.ToUtc(date.Value, t);
            if (error is not null)
            {
                ModelState.AddModelError(field, error);
            }

            return utc;
        }

        var starts = At(Starts, nameof(Starts));
        var ends = At(Ends, nameof(Ends));
        var times = Times.Select((t, i) => new ScheduleMeeting.TimesInput(Guid.TryParse(t.PersonId, out var p) ? p : Guid.Empty,
            At(t.Arrive, $"Times[{i}].Arrive"), At(t.Leave, $"Times[{i}].Leave"))).ToList();
        var room = (Room ?? "").Split(':');
        var input = new ScheduleMeeting.ScheduleInput(Guid.TryParse(FacilitatorId, out var f) ? f : null, Guid.TryParse(CoFacilitatorId, out var c) ? c : null,
            room.Length == 2 && int.TryParse(room[0], out var v) ? v : null, room.Length == 2 && int.TryParse(room[1], out var r) ? r : null, starts, ends, times);

        if (ModelState.IsValid && (date is null || starts is null || ends is null))
        {
            ModelState.AddModelError(date is null ? nameof(Date) : starts is null ? nameof(Starts) : nameof(Ends),
                date is null ? "Enter the date of the meeting" : starts is null ? "Enter the start time" : "Enter the end time");
        }

        if (ModelState.IsValid)
        {
            var result = await schedule.ScheduleAsync(User, id, Version, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Success"] = "Meeting scheduled";
                return RedirectToPage(new { id });
            }

            foreach (var (key, message) in result.Errors)
            {
                ModelState.AddModelError(key switch
                {
                    "facilitatorId" => nameof(FacilitatorId),
                    "coFacilitatorId" => nameof(CoFacilitatorId),
                    "roomId" => nameof(Room),
                    "panelId" => nameof(PanelId),
                    "startsAt" => nameof(Starts),
                    "endsAt" => nameof(Ends),
                    "times" => "Times[0].Arrive",
                    _ => "",
                }, message);
            }

            if (result.Conflict)
            {
                ModelState.Remove(nameof(Version));
            }
        }

        var keep = Times;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Times = keep.Count == Times.Count ? keep : Times;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var process = await schedule.Visible(User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (process is null)
        {
            return false;
        }

        Process = process;
        Version = process.Version;
        CaseReference = await db.Cases.Where(c => c.Id == process.CaseId).Select(c => c.Reference).SingleAsync(ct);
        var ids = process.Participants.Select(p => p.PersonId).ToList();
        Names = await PersonNames.OfAsync(db, ids, ct);
        var staff = await Staff.StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager, Roles.Volunteer).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        StaffItems = [new SelectListItem("Choose a person", ""), .. staff.Select(s => new SelectListItem(s.DisplayName, s.Id.ToString()))];
        var venues = await db.Venues.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Name).ToListAsync(ct);
        RoomItems = [new SelectListItem("Choose a room", ""), .. venues.SelectMany(v => v.Rooms.Where(r => r.IsOpen).Select(r => new SelectListItem($"{v.Name}: {r.Name}", $"{v.Id}:{r.Id}")))];
        if (process.VenueId is { } venueId)
        {
            var venue = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, ct);
            Place = $"{venue.Rooms.FirstOrDefault(r => r.Id == process.RoomId)?.Name}, {venue.Name}" + (venue.SeparateWaitingRooms ? "" : " (no separate waiting rooms)");
        }

        if (Panels.Panel.For(process.Kind) is { } panelKind)
        {
            var panels = await db.Panels.AsNoTracking().Where(p => p.Kind == panelKind && (p.IsActive || p.Id == process.PanelId)).OrderBy(p => p.Name).ToListAsync(ct);
            PanelName = panels.FirstOrDefault(p => p.Id == process.PanelId) is { } panelChosen ? $"{panelChosen.Name} (chair: {panelChosen.Chair?.DisplayName ?? "none yet"})" : null;
            PanelItems = [new SelectListItem("Choose a panel", ""), .. panels.Where(p => p.IsActive).Select(p => new SelectListItem($"{p.Name} ({p.Members.Count} members)", p.Id.ToString()))];
            PanelId ??= process.PanelId?.ToString();
        }

        Sensitive = await schedule.SensitiveAsync(process.CaseId, ct);
        var gate = await readiness.CheckAsync(User, process.CaseId, ids, process.AssessedAs, ct);
        var venueForChecks = process.VenueId is { } chosen ? await db.Venues.AsNoTracking().SingleAsync(v => v.Id == chosen, ct) : null;
        var parents = process.Participants.Where(p => p.Role == ParticipantRole.ParentOrCarer).Select(p => p.PersonId).ToList();
        var harmedRepresented = parents.Count > 0
            && await db.Victims.AnyAsync(v => v.CaseId == process.CaseId && parents.Contains(v.PersonId) && v.OnBehalfOfPersonId != null, ct);
        BeforeTheDay = Checklist.For(process, gate, venueForChecks, Names, harmedRepresented);
        SafetyPlan ??= SafetyPlanText;
        Times = process.Participants.Select(p => new TimesForm
        {
            PersonId = p.PersonId.ToString(),
            Arrive = p.ArriveAt?.ToLondonTime().ToString("HH:mm", CultureInfo.InvariantCulture),
            Leave = p.LeaveAt?.ToLondonTime().ToString("HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        return true;
    }

    /// <summary>Lets a page handler return a minimal-API result (the shared .ics download).</summary>
    private sealed class ResultAdapter(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
