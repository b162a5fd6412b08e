using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>For managers: who opened a case of their team, or a restricted person, by breaking the glass, and why.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class BrokenGlassModel(MendDb db, TimeProvider clock) : PageModel
{
    public const int Days = 90;

    public sealed record Row(DateTime At, string UserName, string Reason, Guid? CaseId, string? CaseReference, Guid? PersonId);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var teamId = User.TeamIdOf();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Days);
        Rows = await db.BreakGlass.AsNoTracking()
            .Where(b => b.At >= since)
            .Where(b => b.PersonId != null || db.Cases.Any(c => c.Id == b.CaseId && c.TeamId == teamId))
            .OrderByDescending(b => b.At)
            .Take(500)
            .Select(b => new Row(b.At, b.UserName, b.Reason, b.CaseId, db.Cases.Where(c => c.Id == b.CaseId).Select(c => c.Reference).FirstOrDefault(), b.PersonId))
            .ToListAsync(ct);
    }
}
