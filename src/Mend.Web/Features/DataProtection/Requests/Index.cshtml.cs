using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Requests;

/// <summary>Subject-access requests: open ones first, soonest due first, each with its deadline and where it stands.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(SubjectAccess access, TimeProvider clock) : PageModel
{
    public List<SubjectAccess.Row> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Platform.Time.London.LondonToday(clock);
        Rows = await access.AllAsync(ct);
    }
}
