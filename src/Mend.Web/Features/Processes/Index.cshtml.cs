using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>A case's restorative processes, and planning a new one.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(MendDb db, CaseAccess access, ScheduleMeeting schedule) : PageModel
{
    public Case Case { get; private set; } = default!;

    public IReadOnlyList<RjProcess> Processes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PeopleItems { get; private set; } = [];

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public List<string> People { get; set; } = [];

    public static IEnumerable<SelectListItem> KindItems => Enum.GetValues<ProcessKind>().Select(k => new SelectListItem(ProcessWords.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct) => await LoadAsync(caseId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var input = new ScheduleMeeting.PlanInput(Enum.TryParse<ProcessKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null,
            People.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).ToList());
        var outcome = await schedule.PlanAsync(User, caseId, input, ct);
        switch (PageOutcome.Apply(outcome, ModelState, field => field switch { "kind" => nameof(Kind), "personIds" => nameof(People), _ => "" }))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = $"{ProcessWords.Describe(outcome.Value!.Kind)} planned";
                return RedirectToPage("/Processes/View", new { id = outcome.Value.Id });
            default:
                await LoadAsync(caseId, ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        Processes = await db.RjProcesses.AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var current = @case.Participants.Where(p => p.EndedAt is null).GroupBy(p => p.PersonId).Select(g => g.OrderBy(p => p.Role).First()).ToList();
        var ids = current.Select(p => p.PersonId).ToList();
        var names = await PersonNames.OfAsync(db, ids, ct);
        PeopleItems = current.Select(p => new SelectListItem($"{names[p.PersonId]} ({CaseWords.Describe(p.Role).ToLowerInvariant()})", p.PersonId.ToString())).ToList();
        return true;
    }
}
