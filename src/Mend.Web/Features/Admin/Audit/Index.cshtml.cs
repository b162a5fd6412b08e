using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Audit;

/// <summary>The audit viewer for administrators and data protection officers. Filters are posted, never put in the URL.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(MendDb db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;
    public const int MaxExportRows = 100_000;

    [BindProperty]
    public AuditSearch Search { get; set; } = new();

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Purpose { get; set; }

    public IReadOnlyList<AuditApi.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => (Total + PageSize - 1) / PageSize;

    public IEnumerable<SelectListItem> Actions =>
        new[] { new SelectListItem("Any action", "") }.Concat(Enum.GetNames<AuditAction>().Select(a => new SelectListItem(a, a)));

    public IEnumerable<SelectListItem> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(null, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (ok, from, to) = Validate();
        if (!ok)
        {
            await LoadEntityTypesAsync(ct);
            return Page();
        }

        await LoadAsync(from, to, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var (ok, from, to) = Validate();
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError(nameof(Purpose), "Enter why you are exporting the audit entries");
            ok = false;
        }
        else if (Purpose.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(Purpose), "The reason must be 500 characters or fewer");
            ok = false;
        }

        if (!ok)
        {
            await LoadAsync(from, to, ct);
            return Page();
        }

        var rows = await Project(Search.Apply(db.AuditEvents.AsNoTracking(), from, to).OrderBy(e => e.Id).Take(MaxExportRows)).ToListAsync(ct);
        audit.Record(AuditAction.Export, nameof(AuditEvent), purpose: Purpose!.Trim(), outcome: $"{rows.Count} events as CSV: {Search.Describe(from, to)}");
        await db.SaveChangesAsync(ct);

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Escape cells that a spreadsheet would run as formulas (= + - @).
        var csvConfig = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using (var csv = new CsvWriter(text, csvConfig))
        {
            await csv.WriteRecordsAsync(rows, ct);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        return File(bytes, "text/csv", $"mend-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    private (bool Ok, DateOnly? From, DateOnly? To) Validate()
    {
        var errors = Search.Validate(out var from, out var to);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"Search.{field}", message);
        }

        return (errors.Count == 0, from, to);
    }

    private async Task LoadAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await LoadEntityTypesAsync(ct);
        var events = Search.Apply(db.AuditEvents.AsNoTracking(), from, to);
        Total = await events.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, PageCount));
        Rows = await Project(events.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
    }

    private async Task LoadEntityTypesAsync(CancellationToken ct)
    {
        var types = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        EntityTypes = new[] { new SelectListItem("Any record type", "") }.Concat(types.Select(t => new SelectListItem(t, t)));
    }

    private static IQueryable<AuditApi.Row> Project(IQueryable<AuditEvent> events) =>
        events.Select(e => new AuditApi.Row(e.Id, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType,
            e.EntityId, e.Fields, e.SubjectPersonId, e.Purpose, e.Recipient, e.Outcome, e.CorrelationId, e.ApiTokenId));
}
