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
            audit.Record(AuditAction.View, "ServiceReport", null, purpose: ReportPages.ServicePurpose(Period!));
            await audit.SaveAsync(ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await ReadFilterAsync(ct) || format is not ("csv" or "xlsx"))
        {
            return RedirectToPage();
        }

        var report = await source.ForAsync(User, Scope!, Period!, ct);
        audit.Record(AuditAction.Export, "ServiceReport", null, purpose: ReportPages.ServicePurpose(Period!));
        await audit.SaveAsync(ct);
        ReportTable[] tables =
            [ReportTable.About("Restorative justice service report", Period!, Scope!, Clock.GetUtcNow().UtcDateTime, ReportPages.ServiceRules), .. report.Tables()];
        return await ReportFile.ForAsync(format, $"service-report-{Period!.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}", tables, ct);
    }
}
