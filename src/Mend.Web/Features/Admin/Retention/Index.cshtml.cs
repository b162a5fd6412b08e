using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Admin.Retention;

/// <summary>The service's retention schedule, for data protection officers to set rule by rule.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(ManageRetention retention) : PageModel
{
    public IReadOnlyList<RetentionRule> Schedule { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Schedule = await retention.ScheduleAsync(ct);
}
