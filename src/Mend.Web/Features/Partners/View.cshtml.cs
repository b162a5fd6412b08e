using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Partners;

/// <summary>One partner: services, address, contacts, its information-sharing agreements and how many activities it is delivering.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(PartnerDirectory directory) : PageModel
{
    public PartnerAgency Partner { get; private set; } = default!;
    public List<PartnerDirectory.AgreementSummary> Agreements { get; private set; } = [];
    public int OpenActivities { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await directory.OneAsync(id, ct) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        Agreements = await directory.AgreementsAsync(id, ct);
        OpenActivities = await directory.OpenActivitiesAsync(id, ct);
        return Page();
    }
}
