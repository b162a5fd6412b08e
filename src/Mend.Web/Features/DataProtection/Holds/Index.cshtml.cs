using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Holds;

/// <summary>Legal holds in place, soonest review first; lifted holds too when asked.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(LegalHolds holds) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Lifted { get; set; }

    public List<LegalHolds.Row> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync([FromServices] TimeProvider clock, CancellationToken ct)
    {
        Today = Platform.Time.London.LondonToday(clock);
        Rows = await holds.AllAsync(Lifted, ct);
    }
}
