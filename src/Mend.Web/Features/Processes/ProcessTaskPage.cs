using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>
/// The shape of a page that does one task on a process (decision 0010): it loads the process the user may see (404
/// otherwise), binds one nested <c>Input</c> that becomes the operation's request, and answers the operation's
/// <see cref="Outcome{T}"/> through <see cref="PageOutcome"/>: back to the process with a banner when done, or the form
/// again with each error on its field. A task that no longer applies (the process has ended, say) sends the user back
/// to the process page, which says what can be done now.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class ProcessTaskPage(MendDb db, CaseAccess access, AuditTrail audit) : PageModel
{
    public RjProcess Process { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The version of the process the form was read at; a save against another version is refused as stale.</summary>
    [BindProperty]
    public int Version { get; set; }

    public IEnumerable<SelectListItem> PeopleItems => Process.Participants.Select(x => new SelectListItem(Names[x.PersonId], x.PersonId.ToString()));

    protected MendDb Db => db;

    /// <summary>Whether the task can be done on the process as it now is.</summary>
    protected abstract bool Applies(RjProcess process);

    /// <summary>Fills the form from the process on first showing (an edit of what is there).</summary>
    protected virtual void Prefill()
    {
    }

    /// <summary>Loads what the form needs beyond the process (choices of staff, rooms, panels).</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Applies(Process))
        {
            return RedirectToPage("View", new { id });
        }

        Prefill();
        audit.Viewed(nameof(RjProcess), id.ToString(), Process.Participants.Select(p => p.PersonId), RjProcess.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>The page's answer to an operation's outcome; <paramref name="fieldName"/> maps an API field to an input when the names differ.</summary>
    protected async Task<IActionResult> AnswerAsync<T>(Guid id, Outcome<T> outcome, string success, CancellationToken ct, Func<string, string>? fieldName = null)
    {
        switch (PageOutcome.Apply(outcome, ModelState, fieldName ?? (field => "Input." + PageOutcome.InputName(field))))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = success;
                return RedirectToPage("View", new { id });
            default:
                ModelState.Remove(nameof(Version));
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>Shows the form again with the errors already in ModelState (those found reading the input).</summary>
    protected async Task<IActionResult> ShowAgainAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var process = await access.VisibleProcesses(User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (process is null)
        {
            return false;
        }

        Process = process;
        Version = process.Version;
        CaseReference = await db.Cases.Where(c => c.Id == process.CaseId).Select(c => c.Reference).SingleAsync(ct);
        Names = await PersonNames.OfAsync(db, process.Participants.Select(p => p.PersonId).ToList(), ct);
        ViewData["Caption"] = $"{ProcessWords.Describe(process.Kind)}, case {CaseReference}";
        ViewData["Back"] = $"/Processes/{process.Id}";
        ViewData["BackText"] = "Back to the process";
        await LoadChoicesAsync(ct);
        return true;
    }
}
