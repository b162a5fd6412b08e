using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The YJB KPI 10 return for a quarter, for managers: each line with the cases behind it, the headline, the case-level
/// extract as CSV, and how each line is counted.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class IndexModel(Kpi10Source source, Kpi6Source disposals, ReportDatabase reports, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Behind(Guid CaseId, string Reference);

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    public ReportQuarter? Chosen { get; private set; }

    public Kpi10Return? Result { get; private set; }

    public IReadOnlyList<Kpi6Line> OutOfCourt { get; private set; } = [];

    /// <summary>For each line, the cases behind it (a victim or child counted on that case).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Behind>> Cases { get; private set; } = new Dictionary<string, IReadOnlyList<Behind>>();

    public bool FromReplica => reports.UsesReplica;

    /// <summary>The last quarter that has ended: the one a return is usually made for.</summary>
    public ReportQuarter LastEnded
    {
        get
        {
            var current = ReportQuarter.Of(Platform.Time.London.DateOf(clock.GetUtcNow().UtcDateTime));
            return current.Number == 1 ? new ReportQuarter(current.Year - 1, 4) : current with { Number = current.Number - 1 };
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (parsed, error) = ReportQuarter.Parse(Quarter ?? LastEnded.Code);
        if (parsed is null)
        {
            ModelState.AddModelError(nameof(Quarter), error!);
            return Page();
        }

        Chosen = parsed;
        Quarter = parsed.Code;
        Result = Kpi10.For(parsed, await source.ForAsync(User, parsed, ct));
        OutOfCourt = Kpi6.For(parsed, await disposals.ForAsync(User, parsed, ct));
        var references = await reports.Db.Cases.AsNoTracking().Where(c => Result.Rows.Select(r => r.Facts.CaseId).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        Cases = Result.Lines.ToDictionary(l => l.Key, l => (IReadOnlyList<Behind>)Result.Rows
            .Where(r => l.Behind.Contains(l.Key == Kpi10.Children ? r.Facts.ChildId : r.Facts.VictimPersonId))
            .Select(r => r.Facts.CaseId).Distinct().Select(id => new Behind(id, references.GetValueOrDefault(id, "")))
            .OrderBy(b => b.Reference).ToList());
        audit.Record(AuditAction.View, "Kpi10", parsed.Code, purpose: $"KPI 10 return, {parsed.Label}");
        audit.Record(AuditAction.View, "Kpi6", parsed.Code, purpose: $"KPI 6 return, {parsed.Label}");
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExtractAsync(CancellationToken ct)
    {
        var (parsed, _) = ReportQuarter.Parse(Quarter);
        if (parsed is null)
        {
            return RedirectToPage();
        }

        var result = Kpi10.For(parsed, await source.ForAsync(User, parsed, ct));
        foreach (var person in result.Rows.Select(r => r.Facts.VictimPersonId).Distinct())
        {
            audit.Record(AuditAction.Export, "Kpi10", parsed.Code, subjectPersonId: person, purpose: $"KPI 10 case-level extract, {parsed.Label}");
        }

        await audit.SaveAsync(ct);
        return File(Kpi10Csv.Write(result), "text/csv", $"kpi10-{parsed.Code}.csv");
    }
}
