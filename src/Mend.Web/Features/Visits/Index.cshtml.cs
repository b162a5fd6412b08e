using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Visits;

/// <summary>
/// A worker's diary, a day or a week at a time: visits, the restorative meetings they facilitate and the order
/// appointments on their cases, with clashes marked. A manager can look at anyone's.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(LoneWorking visits, Data.MendDb db, Platform.Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Day(DateOnly Date, List<(LoneWorking.DiaryEntry Entry, bool Clash)> Entries);

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>"day" or "week".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Worker { get; set; }

    public bool Week => string.Equals(Show, "week", StringComparison.OrdinalIgnoreCase);
    public DateOnly First { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Day> Days { get; } = [];
    public string WorkerName { get; private set; } = "";
    public bool IsMine { get; private set; }
    public List<SelectListItem> WorkerItems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.LondonToday();
        var day = Date ?? Today;
        First = Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var count = Week ? 7 : 1;
        var me = User.UserId();
        var workerId = User.IsInRole(Roles.Manager) && Worker is { } chosen ? chosen : me;
        IsMine = workerId == me;
        if (User.IsInRole(Roles.Manager))
        {
            // Their own team's diaries; the duty manager on shift, anyone's.
            var staff = await visits.DiariesAsync(User, ct);
            if (staff.All(s => s.Id != workerId) && !IsMine)
            {
                return NotFound();
            }

            WorkerItems.AddRange(staff.Select(s => new SelectListItem(s.Id == me ? $"{s.Name} (you)" : s.Name, s.Id.ToString(), s.Id == workerId)));
            WorkerName = staff.FirstOrDefault(s => s.Id == workerId)?.Name ?? "";
        }

        var entries = await visits.DiaryAsync(workerId, London.StartOfDayUtc(First), London.StartOfDayUtc(First.AddDays(count)), ct);
        for (var i = 0; i < count; i++)
        {
            var date = First.AddDays(i);
            var (from, to) = (London.StartOfDayUtc(date), London.StartOfDayUtc(date.AddDays(1)));
            var onDay = entries.Where(e => e.StartsAt < to && e.EndsAt > from).ToList();
            Days.Add(new(date, onDay.Select(e => (e, onDay.Any(o => o != e && o.StartsAt < e.EndsAt && o.EndsAt > e.StartsAt))).ToList()));
        }

        if (!IsMine)
        {
            // A manager reading a colleague's diary sees where they go: audited as a view of each visit.
            foreach (var visitId in entries.Where(e => e.VisitId is not null).Select(e => e.VisitId!.Value).Distinct())
            {
                audit.Viewed(nameof(Visit), visitId.ToString(), [], VisitsApi.PurposeOfView);
            }

            await db.SaveChangesAsync(ct);
        }

        return Page();
    }

    public string Link(DateOnly date, bool? week = null) =>
        $"/Visits?date={date:yyyy-MM-dd}&show={((week ?? Week) ? "week" : "day")}" + (Worker is { } w && !IsMine ? $"&worker={w}" : "");
}
