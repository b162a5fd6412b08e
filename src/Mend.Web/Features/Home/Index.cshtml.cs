using System.Security.Claims;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.DisplayNameOf();
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
    }
}
