using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>Changes a person's details; a stale version is refused and the user sees the record as it is now.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class EditModel(MendDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await access.VisiblePeople(User).AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Input = PersonForm.From(PersonInput.From(person));
        Version = person.Version;
        Name = person.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var person = await access.VisiblePeople(User).AsSplitQuery().IncludeSearchIndex().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Name = person.DisplayName;
        var today = clock.LondonToday();
        var details = Input.Validate(today, ModelState, nameof(Input));
        if (details is null)
        {
            return Page();
        }

        if (Version != person.Version)
        {
            return Conflict(person);
        }

        try
        {
            person.RequireNotRestricted(clock.GetUtcNow().UtcDateTime, "changed");
        }
        catch (Platform.DomainRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        person.Update(details, today);
        if (!await db.SaveAtVersionAsync(person, Version, ct))
        {
            return Conflict(await db.People.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == id, ct));
        }

        TempData["Success"] = "Details saved";
        return RedirectToPage("/People/View", new { id });
    }

    /// <summary>Shows what is saved now, so the user can make their change again over it.</summary>
    private PageResult Conflict(Person current)
    {
        ModelState.Clear();
        Input = PersonForm.From(PersonInput.From(current));
        Version = current.Version;
        ModelState.AddModelError("", Conflicts.Message("this record"));
        return Page();
    }
}
