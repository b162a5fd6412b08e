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
            audit.Record(AuditAction.View, "DisproportionalityReport", null, purpose: ReportPages.DisproportionalityPurpose(Period!));
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
        audit.Record(AuditAction.Export, "DisproportionalityReport", null, purpose: ReportPages.DisproportionalityPurpose(Period!));
        await audit.SaveAsync(ct);
        ReportTable[] tables =
        [
            ReportTable.About("Disproportionality", Period!, Scope!, Clock.GetUtcNow().UtcDateTime, ReportPages.DisproportionalityRules),
            .. report.Tables(Capitalised(report.Words.People), "Victims"),
        ];
        return await ReportFile.ForAsync(format, $"disproportionality-{Period!.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}", tables, ct);
    }

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
