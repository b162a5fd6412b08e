using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>
/// The managers' lone-working board: every open alert (red first), who is out now, where and until when, who is going
/// out today, and the duty-manager rota. The live part refreshes itself every 30 seconds when scripts run.
/// </summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class BoardModel(MendDb db, LoneWorking visits, Platform.Audit.AuditTrail audit, LoneWorkingSettings settings, TimeProvider clock) : PageModel
{
    public sealed class DutyForm
    {
        public string? UserId { get; set; }
        public DateParts StartsOn { get; set; } = new();
        public string? StartsAt { get; set; }
        public DateParts EndsOn { get; set; } = new();
        public string? EndsAt { get; set; }
    }

    /// <summary>An open alert, its visit, and how many of its messages could not be sent.</summary>
    public sealed record AlertRow(VisitAlert Alert, Visit Visit, int NotSent);

    [BindProperty]
    public DutyForm Input { get; set; } = new();

    public List<AlertRow> Alerts { get; private set; } = [];
    public List<Visit> Out { get; private set; } = [];
    public List<Visit> Later { get; private set; } = [];
    public List<DutyShift> Rota { get; private set; } = [];
    public DutyShift? OnDuty { get; private set; }
    public List<SelectListItem> ManagerItems { get; } = [];
    public DateTime Now { get; private set; }
    public bool IsOverdue(Visit v) => v.IsOverdueAt(Now, settings.Grace);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _audited = true;
        var today = clock.LondonToday();
        Input.StartsOn = DateParts.From(today);
        Input.EndsOn = DateParts.From(today.AddDays(1));
        Input.StartsAt = "09:00";
        Input.EndsAt = "09:00";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The live part alone, for htmx to swap in every 30 seconds.</summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_Board", this);
    }

    /// <summary>Takes a duty off the rota (a mistake, or someone off sick); one already over stays as it was.</summary>
    public async Task<IActionResult> OnPostRemoveDutyAsync(long shift, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var duty = await db.DutyShifts.SingleOrDefaultAsync(d => d.Id == shift && d.EndsAt > now, ct);
        if (duty is null)
        {
            TempData["Success"] = "That duty had already ended or been taken off";
            return RedirectToPage();
        }

        if (!duty.EndNow(now))
        {
            db.DutyShifts.Remove(duty);
        }

        await db.SaveChangesAsync(ct); // audited, like every change
        var covered = await db.DutyShifts.AnyAsync(d => d.StartsAt <= now && d.EndsAt > now, ct);
        TempData["Success"] = $"{duty.UserName} taken off the rota" + (covered ? "" : ". Nobody is duty manager now: add someone");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDutyAsync(CancellationToken ct)
    {
        var (startDay, startDayError) = Input.StartsOn.Parse("The start date");
        var (endDay, endDayError) = Input.EndsOn.Parse("The end date");
        ModelState.AddErrorIfAny("Input.StartsOn", startDayError);
        ModelState.AddErrorIfAny("Input.EndsOn", endDayError);
        DateTime? start = null, end = null;
        if (startDay is { } s)
        {
            (start, var error) = London.ToUtc(s, Input.StartsAt);
            ModelState.AddErrorIfAny("Input.StartsAt", error);
        }

        if (endDay is { } e)
        {
            (end, var error) = London.ToUtc(e, Input.EndsAt);
            ModelState.AddErrorIfAny("Input.EndsAt", error);
        }

        var managers = await ManagersAsync(ct);
        var chosen = Guid.TryParse(Input.UserId, out var id) ? managers.FirstOrDefault(m => m.Id == id) : null;
        if (chosen is null)
        {
            ModelState.AddModelError("Input.UserId", "Choose the duty manager");
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.DutyShifts.Add(DutyShift.Make(chosen!.Id, chosen.Name, start, end, User.DisplayNameOf()));
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"{chosen.Name} is duty manager from {start!.Value.ToLondon()} to {end!.Value.ToLondon()}";
                return RedirectToPage();
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError(ex.Field == "startsAt" ? "Input.StartsAt" : "Input.EndsAt", ex.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }


    private async Task<List<LoneWorking.StaffMember>> ManagersAsync(CancellationToken ct)
    {
        return await Staff.StaffWithRoles.Of(db, Roles.Manager).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new LoneWorking.StaffMember(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var open = await visits.VisibleAlerts(User).AsNoTracking().Where(a => a.EndedAt == null).ToListAsync(ct);
        var ids = open.Select(a => a.VisitId).ToList();
        var alertIds = open.Select(a => a.Id).ToList();
        var shown = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var notSent = await db.VisitAlertLog.AsNoTracking().Where(e => alertIds.Contains(e.AlertId) && e.Event == AlertEvent.Failed)
            .GroupBy(e => e.AlertId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Alerts = open.OrderBy(a => a.Kind == AlertKind.Duress ? 0 : 1).ThenByDescending(a => a.Step).ThenBy(a => a.RaisedAt)
            .Select(a => new AlertRow(a, shown[a.VisitId], notSent.GetValueOrDefault(a.Id))).ToList();
        var visible = visits.Visible(User).AsNoTracking();
        Out = await visible.Where(v => v.Status == VisitStatus.InProgress).OrderBy(v => v.ExpectedEndAt).Take(500).ToListAsync(ct);
        var tomorrow = London.StartOfDayUtc(London.DateOf(Now).AddDays(1));
        Later = await visible.Where(v => v.Status == VisitStatus.Planned && v.StartsAt < tomorrow)
            .OrderBy(v => v.StartsAt).Take(500).ToListAsync(ct);
        Rota = await db.DutyShifts.AsNoTracking().Where(d => d.EndsAt > Now).OrderBy(d => d.StartsAt).Take(50).ToListAsync(ct);
        OnDuty = Rota.FirstOrDefault(d => d.StartsAt <= Now);
        ManagerItems.Clear();
        ManagerItems.Add(new("Choose a manager", ""));
        ManagerItems.AddRange((await ManagersAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString())));
        // The page is audited when it is opened; its refresh every 30 seconds shows the same, and is not (it would flood the trail).
        if (_audited)
        {
            foreach (var v in shown.Values.Concat(Out).Concat(Later).DistinctBy(v => v.Id))
            {
                audit.Viewed(nameof(Visit), v.Id.ToString(), v.PersonId is { } p ? [p] : [], VisitsApi.PurposeOfView);
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private bool _audited;

    /// <summary>A planned visit whose start (plus the grace period) has passed without a check-in.</summary>
    public bool NotCheckedIn(Visit v) => v.Status == VisitStatus.Planned && Now > v.StartsAt + settings.Grace;
}
