using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>Raise and remove the warnings shown on every page about a person; the history is kept.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class FlagsModel(MendDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = default!;

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DateParts ReviewOn { get; set; } = new();

    [BindProperty]
    public string? RemovalReason { get; set; }

    public IEnumerable<SelectListItem> TypeItems =>
        FlagTypes.All.Select(t => new SelectListItem(FlagTypes.Describe(t), t.ToString(), false, Person.Flags.Any(f => f.Type == t && f.IsActive)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct, tracked: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (reviewOn, dateError) = ReviewOn.Parse("Review date");
        if (!Enum.TryParse<FlagType>(Type, out var type) || !Enum.IsDefined(type))
        {
            ModelState.AddModelError(nameof(Type), "Select the kind of warning");
        }
        else if (Person.Flags.Any(f => f.Type == type && f.IsActive))
        {
            ModelState.AddModelError(nameof(Type), $"{FlagTypes.Describe(type)} is already shown for this person");
        }

        if (Note?.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(Note), "Details must be 1000 characters or fewer");
        }

        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(ReviewOn), dateError);
        }
        else if (reviewOn is { } day && day <= London.DateOf(now))
        {
            ModelState.AddModelError(nameof(ReviewOn), "Review date must be in the future");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Person.RaiseFlag(type, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), reviewOn, User.UserId(), User.DisplayNameOf(), now);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Warning added: {FlagTypes.Describe(type)}";
        return RedirectToPage("/People/View", new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, long flagId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }

        var flag = Person.Flags.SingleOrDefault(f => f.Id == flagId && f.IsActive);
        if (flag is null)
        {
            return NotFound();
        }

        var reason = RemovalReason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(RemovalReason), string.IsNullOrEmpty(reason) ? "Enter why the warning no longer applies" : "Reason must be 1000 characters or fewer");
            return Page();
        }

        flag.Remove(reason, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Warning removed: {FlagTypes.Describe(flag.Type)}";
        return RedirectToPage("/People/View", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool tracked)
    {
        var query = access.VisiblePeople(User).AsSplitQuery();
        var person = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
