using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Documents;

/// <summary>The letters due today on the orders the user can see, made together as one print run.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DueModel(LettersDue due, PrintRuns runs, Data.MendDb db, Platform.Audit.AuditTrail audit) : PageModel
{
    public IReadOnlyList<DueLetter> Letters { get; private set; } = [];

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public bool Posted { get; set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Chosen = Letters.Select(l => l.Key).ToList();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Letters = await due.ForAsync(User, ct);
        foreach (var onCase in Letters.GroupBy(l => l.CaseId))
        {
            audit.Viewed(nameof(Cases.Case), onCase.Key.ToString(), onCase.Where(l => l.ChildId != null).Select(l => l.ChildId!.Value).Distinct(), Document.ViewPurpose);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await runs.MakeAsync(User, new PrintRuns.RunInput(Chosen, Posted), ct);
        if (PageOutcome.Apply(outcome, ModelState, field => field == "letters" ? nameof(Chosen) : "") == PageAnswer.Done)
        {
            TempData["Success"] = Posted ? "Letters made and recorded as posted today. Print the run below." : "Letters made. Print the run below.";
            return RedirectToPage("/Documents/Run", new { runId = outcome.Value });
        }

        await LoadAsync(ct);
        return Page();
    }
}
