using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits.Alerts;

/// <summary>One lone-working alert: who is out, where, how to reach them, every step so far; acknowledging it stops the climb.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(LoneWorking visits, MendDb db, Platform.Audit.AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    public VisitAlert Alert { get; private set; } = default!;
    public Visit Visit { get; private set; } = default!;
    public string? WorkerMobile { get; private set; }
    public List<AlertLogEntry> Log { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Viewed(nameof(Visits.Visit), Visit.Id.ToString(), Visit.PersonId is { } p ? [p] : [], VisitsApi.PurposeOfView);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(await visits.AcknowledgeAsync(User, id, Note, ct), ModelState, f => f == "note" ? nameof(Note) : "");
        return await this.AnswerOnSamePageAsync(answer, "Alert acknowledged: nobody else will be told", new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await visits.VisibleAlerts(User).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } alert)
        {
            return false;
        }

        Alert = alert;
        Visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == alert.VisitId, ct);
        WorkerMobile = await db.Users.AsNoTracking().Where(u => u.Id == Visit.WorkerId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
        Log = await db.VisitAlertLog.AsNoTracking().Where(e => e.AlertId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return true;
    }
}
