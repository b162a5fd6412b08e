using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// A report page over a period: the from and to dates (the financial year so far when not given), the team (all the
/// cases the manager may see, or the team they manage) and the jurisdiction (the service's own unless chosen), each
/// checked with its error on its field.
/// </summary>
public abstract class ReportPeriodPage(MendDb db, CaseSettings cases, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> JurisdictionItems { get; } =
    [
        new("England and Wales", nameof(Cases.Jurisdiction.EnglandAndWales)),
        new("Jersey", nameof(Cases.Jurisdiction.Jersey)),
    ];

    public ReportPeriod? Period { get; private set; }

    protected MendDb Db => db;

    protected TimeProvider Clock => clock;

    public ReportScope? Scope { get; private set; }

    /// <summary>The filter as a query string, for links that must show the same report (drill-down, exports).</summary>
    public string FilterQuery => Period is null || Scope is null
        ? ""
        : $"From.Day={Period.From.Day}&From.Month={Period.From.Month}&From.Year={Period.From.Year}&To.Day={Period.To.Day}&To.Month={Period.To.Month}"
          + $"&To.Year={Period.To.Year}&Jurisdiction={Scope.Jurisdiction}" + (Scope.TeamId is { } t ? $"&Team={t}" : "");

    /// <summary>
    /// The report's tables as a CSV or XLSX download, after the first sheet saying what it is (<see cref="ReportTable.About"/>);
    /// the download is recorded in the audit trail. Back to the page when the filter or format is wrong.
    /// </summary>
    protected async Task<IActionResult> DownloadAsync(string? format, ReportPages.Kind kind, Func<Task<IEnumerable<ReportTable>>> tables, AuditTrail audit,
        CancellationToken ct)
    {
        if (!await ReadFilterAsync(ct) || format is not ("csv" or "xlsx"))
        {
            return RedirectToPage();
        }

        ReportTable[] all = [ReportTable.About(kind.Title, Period!, Scope!, clock.GetUtcNow().UtcDateTime, kind.Rules), .. await tables()];
        audit.Record(AuditAction.Export, kind.Entity, null, purpose: kind.Purpose(Period!));
        await audit.SaveAsync(ct);
        return await ReportFile.ForAsync(format, $"{kind.File}-{Period!.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}", all, ct);
    }

    /// <summary>Records that the report was viewed (the page holds no personal data; opening its cases is audited apart).</summary>
    protected static async Task RecordViewAsync(ReportPages.Kind kind, ReportPeriod period, AuditTrail audit, CancellationToken ct)
    {
        audit.Record(AuditAction.View, kind.Entity, null, purpose: kind.Purpose(period));
        await audit.SaveAsync(ct);
    }

    /// <summary>Where a figure of this page's report opens onto its cases, with the same filter.</summary>
    public string BehindHref(string report, Figure figure) => $"/Reports/Behind?Report={report}&Figure={Uri.EscapeDataString(figure.Key)}&{FilterQuery}";

    /// <summary>Reads and checks the filter, adding an error to each wrong field; true when the report can be made.</summary>
    protected async Task<bool> ReadFilterAsync(CancellationToken ct)
    {
        TeamItems = await ReportScope.TeamItemsAsync(db, User, ct);

        var today = Platform.Time.London.DateOf(clock.GetUtcNow().UtcDateTime);
        var (from, fromError) = From.IsEmpty ? ((ReportQuarter.Of(today) with { Number = 1 }).Starts, null) : From.Parse("The first day");
        var (to, toError) = To.IsEmpty ? (today, null) : To.Parse("The last day");
        if (fromError is not null)
        {
            ModelState.AddModelError(nameof(From), fromError);
        }

        if (toError is not null)
        {
            ModelState.AddModelError(nameof(To), toError);
        }

        var (scope, scopeErrors) = ReportScope.Choose(User, ReportScope.TeamFrom(Team), Jurisdiction, cases.Jurisdiction);
        foreach (var (field, message) in scopeErrors)
        {
            ModelState.AddModelError(field == "team" ? nameof(Team) : nameof(Jurisdiction), message);
        }

        if (fromError is null && toError is null)
        {
            var (period, errors) = ReportPeriod.Check(from, to);
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field == "from" ? nameof(From) : nameof(To), message);
            }

            Period = period;
        }

        if (!ModelState.IsValid)
        {
            Period = null;
            return false;
        }

        Scope = scope;
        From = DateParts.From(Period!.From);
        To = DateParts.From(Period.To);
        Jurisdiction = scope!.Jurisdiction.ToString();
        return true;
    }
}
