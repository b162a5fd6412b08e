using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>Managers merge a duplicate record into this one, after finding it and saying why they are the same person.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class MergeModel(CaseAccess access, PersonSearch search, MergePeople merge) : PageModel
{
    public Person Person { get; private set; } = default!;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DuplicateId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<PersonSearch.Row> Found { get; private set; } = [];

    public bool Searched { get; private set; }

    public IEnumerable<SelectListItem> FoundItems => Found.Where(r => !r.Restricted && r.Id != Person.Id).Select(r => new SelectListItem(
        r.Name + (r.DateOfBirth is { } d ? ", born " + d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "") + (r.Postcode is null ? "" : ", " + r.Postcode),
        r.Id.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Name = Person.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await SearchAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Guid.TryParse(DuplicateId, out var duplicateId))
        {
            ModelState.AddModelError(nameof(DuplicateId), "Choose the record to merge into this one");
        }
        else
        {
            var outcome = await merge.HandleAsync(id, duplicateId, Reason, User, ct);
            if (PageOutcome.Apply(outcome, ModelState, PageOutcome.InputName) == PageAnswer.Done)
            {
                TempData["Success"] = $"{outcome.Value!.MergedName}'s record merged into this one: moved {outcome.Value.Moved}";
                return RedirectToPage("/People/View", new { id });
            }
        }

        await SearchAsync(ct);
        return Page();
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Searched = true;
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name to search for");
            return;
        }

        Found = (await search.SearchAsync(new PersonSearch.Criteria(Name, null, null, null), User, 1, ct)).Rows;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await access.VisiblePeople(User).AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
