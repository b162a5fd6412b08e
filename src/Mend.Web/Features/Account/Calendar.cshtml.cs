using Mend.Web.Data;
using Mend.Web.Features.Processes;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Account;

/// <summary>The user's private calendar feed: make its secret address, replace it, or turn it off.</summary>
[Authorize(Policy = Policies.PanelWork)]
public sealed class CalendarModel(MendDb db, MeetingDiary diary) : PageModel
{
    public CalendarFeed? Feed { get; private set; }

    /// <summary>The full address, shown once after it is made.</summary>
    public string? Address { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var path = await diary.MakeFeedAsync(User.UserId(), ct);
        Address = $"{Request.Scheme}://{Request.Host}{path}";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        await diary.TurnOffFeedAsync(User.UserId(), ct);
        TempData["Success"] = "Your calendar address is turned off. Calendars using it will stop updating";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId, ct);
    }
}
