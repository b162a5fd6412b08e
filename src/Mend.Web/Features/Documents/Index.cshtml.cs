using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>The letters and reports made on a case, newest first, drafts and sent.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(MendDb db, CaseAccess access, ProduceDocuments produce, AuditTrail audit) : PageModel
{
    public sealed record Row(Guid Id, string Title, DateTime CreatedAt, string CreatedBy, DocumentStatus Status, DateOnly? SentOn, SendMethod? Method, string? Recipient);

    public Case Case { get; private set; } = default!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return NotFound();
        }

        Case = @case;
        Rows = await produce.Visible(User).AsNoTracking().Where(d => d.CaseId == caseId).OrderByDescending(d => d.CreatedAt)
            .Select(d => new Row(d.Id, d.Title, d.CreatedAt, d.CreatedByName, d.Status, d.SentOn, d.Method, d.Recipient)).ToListAsync(ct);
        var people = await db.Documents.Where(d => d.CaseId == caseId && d.PersonId != null).Select(d => d.PersonId!.Value).Distinct().ToListAsync(ct);
        audit.Viewed(nameof(Case), caseId.ToString(), people, Document.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
