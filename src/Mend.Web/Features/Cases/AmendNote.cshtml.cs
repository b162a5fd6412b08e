using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Corrects a note: the correction is a new note with a reason, and the original stays as it was.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AmendNoteModel(MendDb db, CaseAccess access, FieldEncryption encryption, TimeProvider clock) : PageModel
{
    public string Reference { get; private set; } = "";

    public CaseNote Note { get; private set; } = default!;

    public string OriginalText { get; private set; } = "";

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, long noteId, CancellationToken ct)
    {
        if (!await LoadAsync(id, noteId, ct))
        {
            return NotFound();
        }

        Text = OriginalText;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, long noteId, CancellationToken ct)
    {
        if (!await LoadAsync(id, noteId, ct))
        {
            return NotFound();
        }

        var text = TextInput.Clean(Text);
        var reason = TextInput.Clean(Reason);
        if (await db.CaseNotes.AnyAsync(n => n.AmendsNoteId == noteId, ct))
        {
            ModelState.AddModelError(nameof(Text), "This note has already been corrected. Correct the latest version instead");
        }
        else if (text is null)
        {
            ModelState.AddModelError(nameof(Text), "Enter the corrected note");
        }
        else if (text.Length > 20000)
        {
            ModelState.AddModelError(nameof(Text), "Note must be 20,000 characters or fewer");
        }
        else if (text == OriginalText)
        {
            ModelState.AddModelError(nameof(Text), "Change the note, or go back if it does not need correcting");
        }

        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the note is being corrected");
        }
        else if (reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 1000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var amendment = Note.Amend(new NoteDetails(Note.Type, Note.OccurredAt, Note.WithWhom, text!, Note.TimeRecorded), reason!, encryption,
            User.UserId(), User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        db.CaseNotes.Add(amendment);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Note corrected. The original is kept beside the correction";
        return RedirectToPage("/Cases/View", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, long noteId, CancellationToken ct)
    {
        var reference = await access.VisibleCases(User).Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        var note = reference is null ? null : await db.CaseNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId && n.CaseId == id, ct);
        if (note is null)
        {
            return false;
        }

        Reference = reference!;
        Note = note;
        OriginalText = note.ReadText(encryption);
        return true;
    }
}
