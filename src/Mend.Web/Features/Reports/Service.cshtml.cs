using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The restorative justice service report for managers over a period: charts with their tables, every figure opening onto
/// its cases, the evidence the Restorative Justice Council asks for, and the report as CSV or XLSX.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class ServiceModel(ServiceReportSource source, MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock)
    : ReportPeriodPage(db, cases, clock)
{
    public ServiceReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ReadFilterAsync(ct))
        {
            Report = await source.ForAsync(User, Scope!, Period!, ct);
            await RecordViewAsync(ReportPages.Service, Period!, audit, ct);
        }
    }

    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct) =>
        DownloadAsync(format, ReportPages.Service, async () => (await source.ForAsync(User, Scope!, Period!, ct)).Tables(), audit, ct);
}
