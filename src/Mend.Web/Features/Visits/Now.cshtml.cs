using Mend.Web.Data;
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
/// Checking in and out from a phone: made for a small screen, large controls, no JavaScript. Shows the worker's live visit
/// (finish safely with the code, or extend) or today's planned ones (check in). A duress check-out answers exactly as a
/// normal one.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NowModel(LoneWorking visits, MendDb db, TimeProvider clock) : PageModel
{
    public const string CheckedOut = "You have checked out. Thank you";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? ExtendBy { get; set; }

    [BindProperty]
    public string? Until { get; set; }

    public Visit? Live { get; private set; }
    public VisitAlert? Prompt { get; private set; }
    /// <summary>Planned visits to check in to: today's and those starting within <see cref="Ahead"/>, soonest first, at most 20.</summary>
    public List<Visit> Today { get; private set; } = [];

    /// <summary>How far ahead of now planned visits are offered for check-in, past midnight if need be.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(3);

    /// <summary>A planned visit's times, with its day when that is not today (UK time).</summary>
    public string When(Visit v) =>
        (London.DateOf(v.StartsAt) == London.DateOf(clock.GetUtcNow().UtcDateTime) ? "" : v.StartsAt.ToLondonShortDay() + ", ")
        + $"{v.StartsAt.ToLondonClock()} to {v.ExpectedEndAt.ToLondonClock()}";
    public IEnumerable<SelectListItem> ExtendItems => new[] { 15, 30, 60, 120 }.Select(m => new SelectListItem(m < 60 ? $"{m} minutes" : m == 60 ? "1 hour" : "2 hours", m.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) =>
        await this.AnswerOnSamePageAsync(PageOutcome.Apply(await visits.CheckInAsync(User, id, Version, ct), ModelState, _ => ""),
            "Checked in. Check out here when you leave", new { }, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostCheckOutAsync(Guid id, CancellationToken ct) =>
        await this.AnswerOnSamePageAsync(PageOutcome.Apply(await visits.CheckOutAsync(User, id, Version, Code, ct), ModelState, f => f == "code" ? nameof(Code) : ""),
            CheckedOut, new { }, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        DateTime? end = null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.IsNullOrWhiteSpace(Until))
        {
            var (utc, error) = London.ToUtc(London.DateOf(now), Until);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Until), error);
            }
            else
            {
                end = utc < now ? utc!.Value.AddDays(1) : utc; // "01:00" typed late in the evening means tomorrow
            }
        }
        else if (int.TryParse(ExtendBy, out var minutes) && minutes is 15 or 30 or 60 or 120)
        {
            end = (await db.Visits.AsNoTracking().Where(v => v.Id == id).Select(v => (DateTime?)v.ExpectedEndAt).SingleOrDefaultAsync(ct) is { } current && current > now ? current : now)
                .AddMinutes(minutes);
        }
        else
        {
            ModelState.AddModelError(nameof(ExtendBy), "Choose how much longer you need, or enter the time you expect to finish");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await this.AnswerOnSamePageAsync(PageOutcome.Apply(await visits.ExtendAsync(User, id, Version, end, ct), ModelState, f => f == "expectedEndAt" ? nameof(Until) : ""),
            $"Extended: check out by {end!.Value.ToLondonClock()}", new { }, async () => await LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = visits.Mine(User).AsNoTracking();
        Live = await mine.Where(v => v.Status == VisitStatus.InProgress).OrderBy(v => v.CheckedInAt).FirstOrDefaultAsync(ct);
        if (Live is not null)
        {
            Version = Live.Version;
            var liveId = Live.Id;
            Prompt = await db.VisitAlerts.AsNoTracking().Where(a => a.VisitId == liveId && a.Kind == AlertKind.Overdue && a.EndedAt == null).FirstOrDefaultAsync(ct);
        }

        // Today's, and those starting within the next few hours: a worker on a late shift checks in after midnight. Not
        // further ahead: one mis-tap at night would start tomorrow morning's visit now and alert the buddy overnight.
        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        var from = London.StartOfDayUtc(today);
        var midnight = London.StartOfDayUtc(today.AddDays(1));
        var to = midnight > now.Add(Ahead) ? midnight : now.Add(Ahead);
        Today = await mine.Where(v => v.Status == VisitStatus.Planned && v.StartsAt < to && v.ExpectedEndAt >= from).OrderBy(v => v.StartsAt).Take(20).ToListAsync(ct);
        return true;
    }
}
