using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>Each participant's feedback after the process: recorded here, or asked for with a single-use link.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class FeedbackModel(MendDb db, ScheduleMeeting schedule, RecordProcess record, ProcessSettings settings, FieldEncryption encryption, AuditTrail audit, TimeProvider clock) : PageModel
{
    public RjProcess Process { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public string? Link { get; private set; }

    public int LinkDays => settings.FeedbackLinkDays;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? PersonId { get; set; }
    [BindProperty] public string? LinkPersonId { get; set; }
    [BindProperty] public string? Satisfaction { get; set; }
    [BindProperty] public string? FeltSafe { get; set; }
    [BindProperty] public string? FeltListenedTo { get; set; }
    [BindProperty] public string? WouldRecommend { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public IEnumerable<SelectListItem> PeopleItems => Process.Participants
        .Where(p => !Process.Feedback.Any(f => f.PersonId == p.PersonId && f.IsComplete))
        .Select(p => new SelectListItem($"{Names[p.PersonId]} ({Cases.CaseWords.Describe(p.Role).ToLowerInvariant()})", p.PersonId.ToString()));

    public string Comment(ParticipantFeedback feedback) => feedback.CommentsCiphertext is null ? "" : encryption.Decrypt(feedback.CommentsCiphertext);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var f in Process.Feedback.Where(f => f.IsComplete))
        {
            audit.Record(AuditAction.View, nameof(ParticipantFeedback), f.Id.ToString(), subjectPersonId: f.PersonId, purpose: "Feedback after a restorative process");
        }

        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
        var result = await record.FeedbackAsync(User, id, Version, new(ParsedPerson, int.TryParse(Satisfaction, out var score) ? score : null,
            YesOrNo(FeltSafe), YesOrNo(FeltListenedTo), YesOrNo(WouldRecommend), Comments), ct);
        return await AfterAsync(id, result, "Feedback recorded", ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        var result = await record.FeedbackLinkAsync(User, id, Version, new(Guid.TryParse(LinkPersonId, out var person) ? person : null), ct);
        if (result.IsDone && await LoadAsync(id, ct))
        {
            Link = $"{Request.Scheme}://{Request.Host}{result.Value!.Link}";
            ModelState.Clear();
            LinkPersonId = null;
            return Page();
        }

        return await AfterAsync(id, result, "", ct, personField: nameof(LinkPersonId));
    }

    private Guid? ParsedPerson => Guid.TryParse(PersonId, out var person) ? person : null;

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, string success, CancellationToken ct, string personField = nameof(PersonId))
    {
        switch (PageOutcome.Apply(outcome, ModelState, field => field == "personId" ? personField : PageOutcome.InputName(field)))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = success;
                return RedirectToPage(new { id });
            default:
                ModelState.Remove(nameof(Version));
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
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
        Names = await PersonNames.OfAsync(db, process.Participants.Select(p => p.PersonId).ToList(), ct);
        return true;
    }
}
