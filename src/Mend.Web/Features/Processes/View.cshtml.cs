using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>One process, read-only: who takes part, what is ready before the day, the meeting, agreement and outcome, and links to each task.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, CaseAccess access, ScheduleMeeting schedule, MeetingDiary diary, ProcessReadiness readiness, FieldEncryption encryption,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    public RjProcess Process { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public string? Place { get; private set; }

    public bool Sensitive { get; private set; }

    public string? PanelName { get; private set; }

    public IReadOnlyList<Checklist.Item> BeforeTheDay { get; private set; } = [];

    public IReadOnlyList<ProcessTasks.Task> Tasks { get; private set; } = [];

    /// <summary>The decrypted record of the meeting, once recorded.</summary>
    public string? RecordText => Process.RecordCiphertext is null ? null : encryption.Decrypt(Process.RecordCiphertext);

    public bool CanSettle(AgreementItem item) => ProcessTasks.CanSettle(Process, item.Id);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var process = await access.VisibleProcesses(User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (process is null)
        {
            return NotFound();
        }

        Process = process;
        CaseReference = await db.Cases.Where(c => c.Id == process.CaseId).Select(c => c.Reference).SingleAsync(ct);
        var ids = process.Participants.Select(p => p.PersonId).ToList();
        Names = await PersonNames.OfAsync(db, ids, ct);
        var venue = process.VenueId is { } venueId ? await db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, ct) : null;
        if (venue is not null)
        {
            Place = $"{venue.Rooms.FirstOrDefault(r => r.Id == process.RoomId)?.Name}, {venue.Name}" + (venue.SeparateWaitingRooms ? "" : " (no separate waiting rooms)");
        }

        if (process.PanelId is { } panelId)
        {
            var panel = await db.Panels.AsNoTracking().SingleAsync(p => p.Id == panelId, ct);
            PanelName = $"{panel.Name} (chair: {panel.Chair?.DisplayName ?? "none yet"})";
        }

        Sensitive = await schedule.SensitiveAsync(process.CaseId, ct);
        if (ProcessTasks.CanPrepare(process))
        {
            var gate = await readiness.CheckAsync(User, process.CaseId, ids, process.AssessedAs, ct);
            var parents = process.Participants.Where(p => p.Role == ParticipantRole.ParentOrCarer).Select(p => p.PersonId).ToList();
            var harmedRepresented = parents.Count > 0
                && await db.Victims.AnyAsync(v => v.CaseId == process.CaseId && parents.Contains(v.PersonId) && v.OnBehalfOfPersonId != null, ct);
            BeforeTheDay = Checklist.For(process, gate, venue, Names, harmedRepresented);
        }

        Tasks = ProcessTasks.For(process, clock.GetUtcNow().UtcDateTime);
        audit.Viewed(nameof(RjProcess), id.ToString(), ids, RjProcess.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>The scheduled meeting as a calendar file, the same as the API's.</summary>
    public async Task<IActionResult> OnGetIcsAsync(Guid id, CancellationToken ct) =>
        await diary.IcsFileAsync(access.VisibleProcesses(User), id, ct) is { } file ? File(file.Content, MeetingCalendar.ContentType, file.Name) : NotFound();
}
