using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Staff.Cover;

/// <summary>A manager's list of caseload cover for their team: current, coming and lately ended; ending one early.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class IndexModel(CoverArrangements cover) : PageModel
{
    public List<CaseloadCover> Covers { get; private set; } = [];

    public DateOnly Today => cover.Today;

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Covers = await cover.ListAsync(User, ct);

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        var outcome = await cover.EndAsync(User, id, Version, ct);
        var answer = PageOutcome.Apply(outcome, ModelState, _ => "");
        return await this.AnswerOnSamePageAsync(answer, outcome.Value is { } c ? $"Cover of {c.AbsentName}'s caseload by {c.CoveringName} ended" : "", new { }, async () =>
        {
            Covers = await cover.ListAsync(User, ct);
            return true;
        });
    }
}
