using System.Globalization;
using Mend.Web.Features.Reports;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.DisposalReview;

/// <summary>Destruction records: what was disposed of under the retention schedule, when, under which rule and by whom; 50 a page, or all as CSV.</summary>
[Authorize(Policy = Policies.ApproveDisposal)]
public sealed class DestroyedModel(Disposals disposals, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public List<Disposal> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Total = await disposals.Destroyed().CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await disposals.Destroyed().Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await disposals.Destroyed().ToListAsync(ct);
        await audit.RecordNowAsync(AuditAction.Export, nameof(Disposal), purpose: "Destruction records", outcome: $"{rows.Count} records as CSV", cancellationToken: ct);
        var table = new ReportTable("Destruction records",
            ["Destruction record", "Record", "Kind of record", "Record id (no longer resolves)", "Kept for", "Period started", "Due", "Reviewed by", "Reviewed at", "Approved by", "Erased at", "What was erased"],
            rows.Select(d => (IReadOnlyList<object?>)[
                d.Id, Disposal.Describe(d.RecordType), RetentionSchedule.Describe(d.Kind), d.RecordId.ToString(), d.RuleWording,
                d.TriggerOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.ReviewedByName, d.ReviewedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), d.ApprovedByName,
                d.DisposedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), d.Erased]).ToList());
        return File(ReportExport.Csv([table]), "text/csv", "destruction-records.csv");
    }
}
