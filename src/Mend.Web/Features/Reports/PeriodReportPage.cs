using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Reports;

/// <summary>
/// A report page over a period with its download: GET shows the report (recording the view), GET ?handler=Export&amp;format=
/// csv or xlsx downloads its tables (recording the export). A page names its kind, how it makes the report and its tables.
/// </summary>
public abstract class PeriodReportPage<TReport>(MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock) : ReportPeriodPage(db, cases, clock)
    where TReport : class
{
    public TReport? Report { get; private set; }

    protected abstract ReportPages.Kind Kind { get; }

    protected abstract Task<TReport> MakeAsync(CancellationToken ct);

    protected abstract IEnumerable<ReportTable> TablesOf(TReport report);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ReadFilterAsync(ct))
        {
            Report = await MakeAsync(ct);
            await RecordViewAsync(Kind, Period!, audit, ct);
        }
    }

    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct) => DownloadAsync(format, Kind, async () => TablesOf(await MakeAsync(ct)), audit, ct);
}
