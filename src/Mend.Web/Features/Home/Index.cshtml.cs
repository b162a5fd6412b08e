using System.Security.Claims;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Data.MendDb db) : PageModel
{
    public int NewNotifications { get; private set; }

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        NewNotifications = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        DisplayName = User.DisplayNameOf();
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
    }
}
