using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Files on a case: upload (type checked on content), list, and download as an attachment, every download audited.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AttachmentsModel(MendDb db, CaseAccess access, AuditTrail audit, CaseSettings settings, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string FileName, long SizeBytes, string? Description, string UploadedByName, DateTime UploadedAt);

    public string Reference { get; private set; } = "";

    public IReadOnlyList<Row> Files { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public int MaxMegabytes => settings.MaxAttachmentKilobytes / 1024;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file");
            return Page();
        }

        if (Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file is empty");
            return Page();
        }

        var maxBytes = settings.MaxAttachmentKilobytes * 1024L;
        if (Upload.Length > maxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The selected file must be smaller than {MaxMegabytes} MB");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var (file, error) = AttachmentCheck.Check(Upload.FileName, buffer.ToArray(), maxBytes);
        if (TextInput.Clean(Description)?.Length > 500)
        {
            ModelState.AddModelError(nameof(Description), "Description must be 500 characters or fewer");
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Attachments.Add(Attachment.Store(id, file!, TextInput.Clean(Description), User.UserId(), User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{file!.FileName} uploaded";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await access.VisibleCases(User).AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }

        var file = await db.Attachments.AsNoTracking().Where(a => a.Id == fileId && a.CaseId == id)
            .Select(a => new { a.FileName, a.ContentType, a.Content }).SingleOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        audit.Record(AuditAction.Download, nameof(Attachment), fileId.ToString(), purpose: "Case work", fields: "Case:" + id);
        await db.SaveChangesAsync(ct);
        // Always a download (Content-Disposition: attachment), never rendered in the browser.
        return File(file.Content, file.ContentType, AttachmentCheck.SafeName(file.FileName));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var reference = await access.VisibleCases(User).Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return false;
        }

        Reference = reference;
        Files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == id).OrderByDescending(a => a.UploadedAt)
            .Select(a => new Row(a.Id, a.FileName, a.SizeBytes, a.Description, a.UploadedByName, a.UploadedAt))
            .ToListAsync(ct);
        // Names saved before direction controls were stripped on upload are shown without them too.
        Files = Files.Select(f => f with { FileName = AttachmentCheck.SafeName(f.FileName) }).ToList();
        return true;
    }
}
