using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Partners;

/// <summary>The partner directory for case workers: find an organisation by name or service, and who to contact there.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(PartnerDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    public List<PartnerAgency> Partners { get; private set; } = [];

    public string? QueryError { get; private set; }

    public IEnumerable<SelectListItem> Sectors =>
        [new("Any sector", ""), .. Enum.GetValues<PartnerSector>().Select(s => new SelectListItem(PartnerSectors.Describe(s), s.ToString(), Sector == s.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Q?.Length > PartnerDirectory.MaxQueryLength)
        {
            QueryError = $"Search for {PartnerDirectory.MaxQueryLength} characters or fewer";
            ModelState.AddModelError(nameof(Q), QueryError);
            return;
        }

        Partners = await directory.SearchAsync(Q, Enum.TryParse<PartnerSector>(Sector, out var s) && Enum.IsDefined(s) ? s : null, ct);
    }
}
