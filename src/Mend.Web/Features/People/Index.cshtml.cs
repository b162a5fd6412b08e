using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.People;

/// <summary>
/// Find a person. Searches are posted so names and dates of birth never appear in URLs or logs;
/// with JavaScript, htmx shows results as the user types.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(PersonSearch search, AuditTrail audit, MendDb db) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public DateParts DateOfBirth { get; set; } = new();

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    public PersonSearch.Results? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Results = await SearchAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResultsAsync(CancellationToken ct) =>
        Partial("_SearchResults", await SearchAsync(ct));

    private async Task<PersonSearch.Results?> SearchAsync(CancellationToken ct)
    {
        var (born, error) = DateOfBirth.Parse("Date of birth");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), error);
            return null;
        }

        var criteria = new PersonSearch.Criteria(Name, born, Postcode, CaseReference);
        if (criteria.IsEmpty)
        {
            return null;
        }

        if (criteria.Errors() is { Count: > 0 } errors)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            return null;
        }

        var results = await search.SearchAsync(criteria, User, PageNumber, ct);
        // A search is a consultation of personal data (DPA 2018 s.62); the terms themselves are not logged.
        audit.Record(AuditAction.View, "PersonSearch", fields: $"results:{results.Total}", purpose: Person.SearchPurpose);
        await db.SaveChangesAsync(ct);
        return results;
    }
}
