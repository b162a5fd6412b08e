using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Notifications;

/// <summary>The user's own notifications, newest first; opening the page shows which are new, and marks them read.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(MendDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Text, string Link, DateTime CreatedAt, bool IsNew);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var latest = await db.Notifications.Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
        Rows = latest.Select(n => new Row(n.Text, n.Link, n.CreatedAt, n.ReadAt is null)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var unread in latest.Where(n => n.ReadAt is null))
        {
            unread.MarkRead(now);
        }

        await db.SaveChangesAsync(ct);
    }
}
