using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Holds;

/// <summary>One legal hold, and lifting it with a reason.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class ViewModel(LegalHolds holds) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? LiftReason { get; set; }

    public LegalHolds.Row Row { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(await holds.LiftAsync(User, id, Version, LiftReason, ct), ModelState, field => field == "reason" ? nameof(LiftReason) : field);
        return await this.AnswerOnSamePageAsync(answer, "Hold lifted: the records it kept follow the retention schedule again", new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await holds.RowAsync(id, ct) is not { } row)
        {
            return false;
        }

        Row = row;
        Version = row.Hold.Version;
        return true;
    }
}
