using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Panels;

/// <summary>The panel meetings the user takes part in: for volunteers, only their own panels'.</summary>
[Authorize(Policy = Policies.PanelWork)]
public sealed class IndexModel(PanelMeetings meetings) : PageModel
{
    public IReadOnlyList<PanelMeetings.Listed> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Meetings = await meetings.ListAsync(User, ct);
}
