using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Requests;

/// <summary>Subject-access requests: open ones first, soonest due first, each with its deadline and where it stands.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(SubjectAccess access, RightsRequests rights, Data.MendDb db, TimeProvider clock) : PageModel
{
    public List<SubjectAccess.Row> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public List<RightsRequest> Rights { get; private set; } = [];

    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Platform.Time.London.LondonToday(clock);
        Rows = await access.AllAsync(ct);
        Rights = await rights.ForAsync(null, ct);
        var ids = Rights.Select(r => r.PersonId).Distinct().ToList();
        Names = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.People.Where(p => ids.Contains(p.Id)), p => p.Id, p => p.OrganisationName ?? (p.GivenName + " " + p.FamilyName), ct);
    }
}
