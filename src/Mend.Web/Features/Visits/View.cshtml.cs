using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>One visit: the plan, the risks before going, clashes in the diary, checking in and cancelling, and its alerts with their log.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(LoneWorking visits, MendDb db, AuditTrail audit) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    public Visit Visit { get; private set; } = default!;
    public LoneWorking.Risks Risks { get; private set; } = new([], false, []);
    public List<LoneWorking.Clash> Clashes { get; private set; } = [];
    public string? CaseReference { get; private set; }
    public string? VenueName { get; private set; }
    public List<(VisitAlert Alert, List<AlertLogEntry> Log)> Alerts { get; } = [];
    public bool IsMine => Visit.WorkerId == User.UserId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Viewed(nameof(Visits.Visit), id.ToString(), Visit.PersonId is { } p ? [p] : [], VisitsApi.PurposeOfView);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) =>
        await this.AnswerOnSamePageAsync(PageOutcome.Apply(await visits.CheckInAsync(User, id, Version, ct), ModelState),
            "Checked in. Check out when you leave, or extend if you need longer", new { id }, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await this.AnswerOnSamePageAsync(PageOutcome.Apply(await visits.CancelAsync(User, id, Version, ct), ModelState),
            "Visit cancelled", new { id }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await visits.Visible(User).AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is not { } visit)
        {
            return false;
        }

        Visit = visit;
        Version = visit.Version;
        CaseReference = visit.CaseId is { } c ? await db.Cases.AsNoTracking().Where(x => x.Id == c).Select(x => x.Reference).SingleOrDefaultAsync(ct) : null;
        VenueName = visit.VenueId is { } v ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        Risks = await visits.RisksAsync(User, visit.CaseId, visit.PersonId, visit.VenueId, visit.Address, ct);
        if (visit.IsOpen)
        {
            Clashes = await visits.ClashesAsync(visit.WorkerId, visit.StartsAt, visit.ExpectedEndAt, visit.Id, ct);
        }

        var alerts = await visits.VisibleAlerts(User).AsNoTracking().Where(a => a.VisitId == id).OrderBy(a => a.RaisedAt).ToListAsync(ct);
        var ids = alerts.Select(a => a.Id).ToList();
        var log = await db.VisitAlertLog.AsNoTracking().Where(e => ids.Contains(e.AlertId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        Alerts.Clear();
        Alerts.AddRange(alerts.Select(a => (a, log.Where(e => e.AlertId == a.Id).ToList())));
        return true;
    }
}
