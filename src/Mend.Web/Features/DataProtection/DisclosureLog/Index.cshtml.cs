using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Reports;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.DisclosureLog;

/// <summary>
/// The service's disclosure log: every time a person's data left the service, newest first, 50 a page, filtered by date
/// and kind; downloadable as CSV. Both are audited, the download as an export.
/// </summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(MendDb db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Disclosure Disclosure, string PersonName);

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DisclosureKind? Kind { get; set; }

    /// <summary>One person's disclosures only (from their "What is held" page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Query => string.Join("&", new[]
    {
        ("From.Day", From.Day), ("From.Month", From.Month), ("From.Year", From.Year), ("To.Day", To.Day), ("To.Month", To.Month), ("To.Year", To.Year), ("Kind", Kind?.ToString()), ("PersonId", PersonId?.ToString()),
    }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2 ?? "")}"));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> KindItems =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("All kinds", "") }
            .Concat(Enum.GetValues<DisclosureKind>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Disclosure.Describe(k), k.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Filtered() is not { } query)
        {
            return Page();
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNumber - 1) * PageSize).Take(PageSize), ct);
        audit.Record(AuditAction.View, nameof(Disclosure), subjectPersonId: PersonId, purpose: "Disclosure log", outcome: $"{Rows.Count} of {Total} disclosures");
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Filtered() is not { } query)
        {
            return Page();
        }

        var rows = await RowsAsync(query.Take(100_000), ct);
        audit.Record(AuditAction.Export, nameof(Disclosure), subjectPersonId: PersonId, purpose: "Disclosure log", outcome: $"{rows.Count} disclosures as CSV");
        await audit.SaveAsync(ct);
        var table = new ReportTable("Disclosure log", ["Date", "Kind", "Person", "What", "Given to", "How", "Recorded by", "Recorded at"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Disclosure.DisclosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Disclosure.Describe(r.Disclosure.Kind),
                r.PersonName, r.Disclosure.What, r.Disclosure.Recipient, r.Disclosure.Method, r.Disclosure.RecordedByName,
                r.Disclosure.RecordedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]).ToList());
        return File(ReportExport.Csv([table]), "text/csv", "disclosure-log.csv");
    }

    /// <summary>The log narrowed by the filter, newest first; null (with errors on the page) when a date is wrong.</summary>
    private IQueryable<Disclosure>? Filtered()
    {
        var (from, fromError) = From.Parse("The from date");
        var (to, toError) = To.Parse("The to date");
        if (fromError is not null)
        {
            ModelState.AddModelError(nameof(From), fromError);
        }

        if (toError is not null)
        {
            ModelState.AddModelError(nameof(To), toError);
        }

        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "The to date must be the same as or after the from date");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var query = db.Disclosures.AsNoTracking();
        query = from is { } start ? query.Where(d => d.DisclosedOn >= start) : query;
        query = to is { } end ? query.Where(d => d.DisclosedOn <= end) : query;
        query = Kind is { } kind ? query.Where(d => d.Kind == kind) : query;
        query = PersonId is { } person ? query.Where(d => d.PersonId == person) : query;
        return query.OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Disclosure> query, CancellationToken ct)
    {
        var rows = await (from d in query
                          join p in db.People on d.PersonId equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          select new { d, Name = p == null ? "" : p.OrganisationName ?? (p.GivenName + " " + p.FamilyName) }).ToListAsync(ct);
        return rows.Select(r => new Row(r.d, r.Name)).ToList();
    }
}
