using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The cases behind one figure of a report, a page at a time: the report is worked out again for the same filter, over the
/// cases the manager may see, and each case listed is recorded in the audit trail as viewed.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class BehindModel(Kpi10Source kpi10, Kpi6Source kpi6, ServiceReportSource service, DisproportionalitySource disproportionality,
    MendDb db, CaseSettings cases, AuditTrail audit, TimeProvider clock) : ReportPeriodPage(db, cases, clock)
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Reference, CaseStatus Status, DateOnly ReferredOn, string? AllocatedTo);

    [BindProperty(SupportsGet = true)]
    public string? Report { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Figure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string ReportName { get; private set; } = "";

    public string FigureName { get; private set; } = "";

    public string BackLink { get; private set; } = "/Reports";

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>This figure's query string, for the pages of the list.</summary>
    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var behind = Report switch
        {
            "kpi10" or "kpi6" => await QuarterFigureAsync(ct),
            "service" or "disproportionality" => await PeriodFigureAsync(ct),
            _ => null,
        };
        if (behind is null)
        {
            return NotFound();
        }

        var ids = behind;
        var visible = new CaseAccess(Db, Clock).VisibleCases(User);
        var found = Db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && visible.Any(v => v.Id == c.Id));
        Total = await found.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await found.OrderBy(c => c.Reference).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.Reference, c.Status, c.ReferralReceivedOn, c.AllocatedWorkerName)).ToListAsync(ct);
        foreach (var row in Rows)
        {
            audit.Record(AuditAction.View, "Case", row.Id.ToString(), purpose: $"Behind a report figure: {FigureName} ({ReportName})");
        }

        await audit.SaveAsync(ct);
        return Page();
    }

    private async Task<IReadOnlyList<Guid>?> QuarterFigureAsync(CancellationToken ct)
    {
        var (quarter, _) = ReportQuarter.Parse(Quarter);
        var team = ReportScope.TeamFrom(Team);
        if (quarter is null || ReportScope.WhyNotTeam(User, team) is not null)
        {
            return null;
        }

        var scope = ReportScope.YouthJustice with { TeamId = team };
        BackLink = $"/Reports?Quarter={quarter.Code}" + (team is null ? "" : $"&Team={team}");
        Query = $"Report={Report}&Figure={Uri.EscapeDataString(Figure ?? "")}&Quarter={quarter.Code}" + (team is null ? "" : $"&Team={team}");
        if (Report == "kpi10")
        {
            var result = Kpi10.For(quarter, await kpi10.ForAsync(User, scope, quarter, ct));
            ReportName = $"YJB KPI 10 (victims), {quarter.Label}";
            FigureName = result.Lines.FirstOrDefault(l => l.Key == Figure)?.Name ?? "";
            return result.CasesBehind(Figure ?? "");
        }

        var line = Kpi6.For(quarter, await kpi6.ForAsync(User, scope, quarter, ct)).FirstOrDefault(l => l.Key == Figure);
        ReportName = $"YJB KPI 6 (out-of-court disposals), {quarter.Label}";
        FigureName = line is null ? "" : $"{line.Name}: children whose disposal ended";
        return line?.Cases;
    }

    private async Task<IReadOnlyList<Guid>?> PeriodFigureAsync(CancellationToken ct)
    {
        if (!await ReadFilterAsync(ct))
        {
            return null;
        }

        var page = Report == "service" ? "/Reports/Service" : "/Reports/Disproportionality";
        BackLink = $"{page}?{FilterQuery}";
        Query = $"Report={Report}&Figure={Uri.EscapeDataString(Figure ?? "")}&{FilterQuery}";
        var figures = Report == "service"
            ? (await service.ForAsync(User, Scope!, Period!, ct)).Figures
            : (await disproportionality.ForAsync(User, Scope!, Period!, ct)).Figures;
        ReportName = (Report == "service" ? "Restorative justice service report, " : "Disproportionality, ") +
                     $"{Period!.From:d MMMM yyyy} to {Period.To:d MMMM yyyy}";
        var figure = figures.FirstOrDefault(f => f.Key == Figure);
        FigureName = figure?.Name ?? "";
        return figure?.Cases;
    }
}
