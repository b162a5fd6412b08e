using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.People;

/// <summary>Adds a person, first showing anyone already on Mend who is probably the same person.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class CreateModel(MendDb db, PersonSearch search, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    /// <summary>Set once the user has seen the likely duplicates and still wants a new record.</summary>
    [BindProperty]
    public bool NotADuplicate { get; set; }

    public IReadOnlyList<PersonSearch.Row> LikelyDuplicates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var details = Input.Validate(London.DateOf(now), ModelState, nameof(Input));
        if (details is null)
        {
            return Page();
        }

        if (!NotADuplicate)
        {
            LikelyDuplicates = await search.LikelyDuplicatesAsync(details, User, ct);
            if (LikelyDuplicates.Count > 0)
            {
                NotADuplicate = true;
                return Page();
            }
        }

        var person = Person.Create(details, now, User.UserId());
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{person.DisplayName} added";
        return RedirectToPage("/People/View", new { id = person.Id });
    }
}
