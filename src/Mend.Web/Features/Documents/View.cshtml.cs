using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>
/// One letter or report: a preview, the DOCX and PDF to download, and while it is a draft, uploading a version edited in
/// Word and recording how it was sent (which freezes it).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, ProduceDocuments produce, AuditTrail audit, DocumentSettings settings, TimeProvider clock) : PageModel
{
    public sealed class SendForm
    {
        public string? Method { get; set; }

        /// <summary>Who it went to, up to 300 characters.</summary>
        public string? Recipient { get; set; }
        public DateParts SentOn { get; set; } = new();
    }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public SendForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Document Document { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public string TemplateName { get; private set; } = "";

    public IReadOnlyList<string> Preview { get; private set; } = [];

    public bool PdfAvailable => produce.PdfAvailable;

    public int MaxUploadMegabytes => settings.MaxUploadMegabytes;

    public IEnumerable<SelectListItem> MethodItems =>
        (Document.Purpose == DocumentPurpose.Letter ? [SendMethod.Post, SendMethod.Email, SendMethod.ByHand] : Enum.GetValues<SendMethod>())
        .Select(m => new SelectListItem(Document.Describe(m), m.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.SentOn = DateParts.From(Platform.Time.London.DateOf(clock.GetUtcNow().UtcDateTime));
        Input.Recipient = Document.Subject == DocumentSubject.Victim && Document.Title.Split(": ", 2) is [_, var name] ? name : null;
        audit.Viewed(nameof(Documents.Document), id.ToString(), await produce.PeopleInAsync(Document, ct), Documents.Document.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, string? format, CancellationToken ct)
    {
        var document = await produce.Visible(User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return NotFound();
        }

        if (await produce.RestrictedInAsync(document, clock.GetUtcNow().UtcDateTime, ct) is not null)
        {
            TempData["Problem"] = "Processing of the data of someone in this document is restricted, so it cannot be downloaded. Your data protection officer can allow it for a lawful reason.";
            return RedirectToPage(new { id });
        }

        var pdf = format == "pdf" ? await produce.PdfOfAsync(document, ct) : null;
        if (pdf?.Failure is not null)
        {
            TempData["Problem"] = pdf.Message;
            return RedirectToPage(new { id });
        }

        foreach (var person in await produce.PeopleInAsync(document, ct))
        {
            audit.Record(AuditAction.Export, nameof(Documents.Document), id.ToString(), subjectPersonId: person, purpose: $"Downloaded as {(pdf is null ? "DOCX" : "PDF")}");
        }

        await db.SaveChangesAsync(ct);
        return pdf is null
            ? File(document.Content, DocumentsApi.DocxType, DocumentsApi.FileName(document, "docx"))
            : File(pdf.Pdf!, "application/pdf", DocumentsApi.FileName(document, "pdf"));
    }

    public async Task<IActionResult> OnPostReplaceAsync(Guid id, CancellationToken ct)
    {
        byte[] content = [];
        if (Upload is not null)
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var outcome = await produce.ReplaceAsync(User, id, Version, Upload?.FileName, content, ct);
        return await AnswerAsync(id, PageOutcome.Apply(outcome, ModelState, field => field == "file" ? nameof(Upload) : ""), "Edited version uploaded", ct);
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var (sentOn, dateError) = Input.SentOn.Parse("Date it was sent");
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.SentOn", dateError);
            return await AnswerAsync(id, PageAnswer.ShowAgain, "", ct);
        }

        var method = Enum.TryParse<SendMethod>(Input.Method, out var m) && Enum.IsDefined(m) ? m : (SendMethod?)null;
        var outcome = await produce.SendAsync(User, id, Version, new ProduceDocuments.SendInput(method, Input.Recipient, sentOn), ct);
        return await AnswerAsync(id, PageOutcome.Apply(outcome, ModelState), "Recorded as sent. The document can no longer be changed.", ct);
    }

    private Task<IActionResult> AnswerAsync(Guid id, PageAnswer answer, string success, CancellationToken ct) =>
        this.AnswerOnSamePageAsync(answer, success, new { id }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var document = await produce.Visible(User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return false;
        }

        Document = document;
        Version = document.Version;
        CaseReference = await db.Cases.Where(c => c.Id == document.CaseId).Select(c => c.Reference).SingleAsync(ct);
        TemplateName = await db.DocumentTemplates.Where(t => t.Id == document.TemplateId).Select(t => t.Name).SingleAsync(ct);
        Preview = WordTemplate.Paragraphs(document.Content);
        return true;
    }
}
