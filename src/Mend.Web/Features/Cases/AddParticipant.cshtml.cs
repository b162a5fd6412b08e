using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Adds someone already on Mend to the case (search first; add the person if they are new).</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AddParticipantModel(MendDb db, CaseAccess access, PersonSearch search, TimeProvider clock) : PageModel
{
    public string Reference { get; private set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<PersonSearch.Row> Found { get; private set; } = [];

    public IEnumerable<SelectListItem> FoundItems =>
        Found.Where(r => !r.Restricted).Select(r => new SelectListItem(
            r.Name + (r.DateOfBirth is { } d ? ", born " + d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "") + (r.Postcode is null ? "" : ", " + r.Postcode),
            r.Id.ToString()));

    public static IEnumerable<SelectListItem> RoleItems =>
        Enum.GetValues<ParticipantRole>().Where(r => r != ParticipantRole.YoungPerson).Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name to search for");
            return Page();
        }

        Found = (await search.SearchAsync(new PersonSearch.Criteria(Name, null, null, null), User, 1, ct)).Rows;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        Reference = @case.Reference;
        var personId = Guid.TryParse(PersonId, out var pid) && await access.VisiblePeople(User).AnyAsync(p => p.Id == pid, ct) ? pid : (Guid?)null;
        if (personId is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose the person to add");
        }

        if (!Enum.TryParse<ParticipantRole>(Role, out var role) || !Enum.IsDefined(role) || role == ParticipantRole.YoungPerson)
        {
            ModelState.AddModelError(nameof(Role), "Select the person's part in the case");
        }
        else if (personId is { } p && @case.Participants.Any(x => x.PersonId == p && x.Role == role && x.EndedAt is null))
        {
            ModelState.AddModelError(nameof(Role), "This person is already on the case in that part");
        }

        if (!ModelState.IsValid)
        {
            if (!string.IsNullOrWhiteSpace(Name))
            {
                Found = (await search.SearchAsync(new PersonSearch.Criteria(Name, null, null, null), User, 1, ct)).Rows;
            }

            return Page();
        }

        @case.AddParticipant(personId!.Value, role, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{CaseWords.Describe(role)} added to the case";
        return RedirectToPage("/Cases/View", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var reference = await access.VisibleCases(User).Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        Reference = reference ?? "";
        return reference is not null;
    }
}
