using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Agreements;

/// <summary>Information-sharing agreements: those not ended first, by partner.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(SharingAgreements agreements, TimeProvider clock) : PageModel
{
    public List<SharingAgreement> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Platform.Time.London.LondonToday(clock);
        Rows = await agreements.AllAsync(ct);
    }
}
