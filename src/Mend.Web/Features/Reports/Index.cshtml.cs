using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The YJB quarterly returns for managers: KPI 10 (victims) line by line and KPI 6 (out-of-court disposals), for all the
/// cases the manager may see or their team; each count opens onto the cases behind it; the KPI 10 case-level extract as CSV.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class IndexModel(Kpi10Source source, Kpi6Source disposals, ReportDatabase reports, MendDb db, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public ReportQuarter? Chosen { get; private set; }

    public Kpi10Return? Result { get; private set; }

    public IReadOnlyList<Kpi6Line> OutOfCourt { get; private set; } = [];

    public bool FromReplica => reports.UsesReplica;

    /// <summary>The filter as a query string, for the drill-down and extract links.</summary>
    public string FilterQuery => Chosen is null ? "" : $"Quarter={Chosen.Code}" + (string.IsNullOrEmpty(Team) ? "" : $"&Team={Team}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (quarter, scope) = await ReadFilterAsync(ct);
        if (quarter is null || scope is null)
        {
            return Page();
        }

        Result = Kpi10.For(quarter, await source.ForAsync(User, scope, quarter, ct));
        OutOfCourt = Kpi6.For(quarter, await disposals.ForAsync(User, scope, quarter, ct));
        audit.Record(AuditAction.View, "Kpi10", quarter.Code, purpose: $"KPI 10 return, {quarter.Label}");
        audit.Record(AuditAction.View, "Kpi6", quarter.Code, purpose: $"KPI 6 return, {quarter.Label}");
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExtractAsync(CancellationToken ct)
    {
        var (quarter, scope) = await ReadFilterAsync(ct);
        if (quarter is null || scope is null)
        {
            return Page();
        }

        var result = Kpi10.For(quarter, await source.ForAsync(User, scope, quarter, ct));
        Kpi10.RecordExtract(audit, result);
        await audit.SaveAsync(ct);
        return File(Kpi10Csv.Write(result), "text/csv", $"kpi10-{quarter.Code}.csv");
    }

    private async Task<(ReportQuarter? Quarter, ReportScope? Scope)> ReadFilterAsync(CancellationToken ct)
    {
        TeamItems = await ReportScope.TeamItemsAsync(db, User, ct);
        var (parsed, error) = ReportQuarter.Parse(Quarter ?? ReportQuarter.LastEnded(clock).Code);
        if (parsed is null)
        {
            ModelState.AddModelError(nameof(Quarter), error!);
        }

        var team = ReportScope.TeamFrom(Team);
        if (ReportScope.WhyNotTeam(User, team) is { } why)
        {
            ModelState.AddModelError(nameof(Team), why);
        }

        if (!ModelState.IsValid)
        {
            return (null, null);
        }

        Chosen = parsed;
        Quarter = parsed!.Code;
        return (parsed, ReportScope.YouthJustice with { TeamId = team });
    }
}
