using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Disproportionality for managers over a period: who is referred, offered restorative justice, takes part, is warned and
/// is breached, by ethnic group, sex and age band, as counts that open onto their cases and rates against those referred;
/// the download suppresses counts from 1 to 4.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class DisproportionalityModel(DisproportionalitySource source, MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock)
    : ReportPeriodPage(db, cases, clock)
{
    public DisproportionalityReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ReadFilterAsync(ct))
        {
            Report = await source.ForAsync(User, Scope!, Period!, ct);
            await RecordViewAsync(ReportPages.Disproportionality, Period!, audit, ct);
        }
    }

    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct) =>
        DownloadAsync(format, ReportPages.Disproportionality, async () => (await source.ForAsync(User, Scope!, Period!, ct)).Tables(), audit, ct);
}
