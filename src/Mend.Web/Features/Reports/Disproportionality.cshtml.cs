using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Disproportionality for managers over a period: who is referred, offered restorative justice, takes part, is warned and
/// is breached, by ethnic group, sex and age band, as counts that open onto their cases and rates against those referred;
/// the download suppresses small counts.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class DisproportionalityModel(DisproportionalitySource source, MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock)
    : PeriodReportPage<DisproportionalityReport>(db, cases, audit, clock)
{
    protected override ReportPages.Kind Kind => ReportPages.Disproportionality;

    protected override Task<DisproportionalityReport> MakeAsync(CancellationToken ct) => source.ForAsync(User, Scope!, Period!, ct);

    protected override IEnumerable<ReportTable> TablesOf(DisproportionalityReport report) => report.Tables();
}
