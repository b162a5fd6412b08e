using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The restorative justice service report for managers over a period: charts with their tables, every figure opening onto
/// its cases, the evidence the Restorative Justice Council asks for, and the report as CSV or XLSX.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class ServiceModel(ServiceReportSource source, MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock)
    : PeriodReportPage<ServiceReport>(db, cases, audit, clock)
{
    protected override ReportPages.Kind Kind => ReportPages.Service;

    protected override Task<ServiceReport> MakeAsync(CancellationToken ct) => source.ForAsync(User, Scope!, Period!, ct);

    protected override IEnumerable<ReportTable> TablesOf(ServiceReport report) => report.Tables();
}
