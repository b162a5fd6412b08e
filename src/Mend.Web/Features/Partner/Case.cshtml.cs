using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Partner;

/// <summary>One case, read-only, showing only what the agreement covering it allows; not found when no agreement in force covers it.</summary>
[Authorize(Policy = Policies.PartnerAccess)]
public sealed class CaseModel(SharingAgreements sharing) : PageModel
{
    public SharingAgreements.PartnerCase Shared { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await sharing.ViewAsync(User, id, ct) is not { } shared)
        {
            return NotFound();
        }

        Shared = shared;
        return Page();
    }
}
