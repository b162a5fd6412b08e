using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>A print run: its letters, each on its case, and the whole run as one PDF to print.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class RunModel(MendDb db, ProduceDocuments produce, PrintRuns runs, AuditTrail audit) : PageModel
{
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    public bool PdfAvailable => produce.PdfAvailable;

    public async Task<IActionResult> OnGetAsync(Guid runId, CancellationToken ct)
    {
        Documents = await LoadAsync(runId, ct);
        foreach (var document in Documents)
        {
            audit.Viewed(nameof(Document), document.Id.ToString(), document.PersonId is { } person ? [person] : [], Document.ViewPurpose);
        }

        await db.SaveChangesAsync(ct);
        return Documents.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid runId, CancellationToken ct)
    {
        var documents = await LoadAsync(runId, ct);
        if (documents.Count == 0)
        {
            return NotFound();
        }

        var result = await runs.PdfAsync(documents, ct);
        if (result.Failure is not null)
        {
            TempData["Problem"] = result.Message;
            return RedirectToPage(new { runId });
        }

        foreach (var document in documents)
        {
            audit.Record(AuditAction.Print, nameof(Document), document.Id.ToString(), subjectPersonId: document.PersonId, purpose: "Print run downloaded as PDF");
        }

        await db.SaveChangesAsync(ct);
        return File(result.Pdf!, "application/pdf", $"Print run {documents[0].CreatedAt:yyyy-MM-dd HHmm}.pdf");
    }

    private async Task<IReadOnlyList<Document>> LoadAsync(Guid runId, CancellationToken ct) =>
        await produce.Visible(User).AsNoTracking().Where(d => d.PrintRunId == runId).OrderBy(d => d.Title).ToListAsync(ct);
}
