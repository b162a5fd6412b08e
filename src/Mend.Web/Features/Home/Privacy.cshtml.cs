using Mend.Web.Data;
using Mend.Web.Features.DataProtection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Home;

/// <summary>The privacy notice, open to everyone; how long records are kept is read from the retention rules themselves.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(MendDb db) : PageModel
{
    public IReadOnlyList<RetentionRule> Schedule { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Schedule = await db.RetentionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
}
