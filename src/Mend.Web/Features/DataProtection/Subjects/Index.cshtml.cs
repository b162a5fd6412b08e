using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.Subjects;

/// <summary>A data protection officer finds a person, on any case, to see what Mend holds about them. Each search is audited (without its terms).</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class IndexModel(PersonSearch search, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public DateParts DateOfBirth { get; set; } = new();

    [BindProperty]
    public string? CaseReference { get; set; }

    public PersonSearch.Results? Results { get; private set; }

    public void OnGet()
    {
    }

    // A POST, so names and dates of birth never appear in URLs or proxy logs.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (born, dateError) = DateOfBirth.Parse("Date of birth");
        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), dateError);
        }

        var criteria = new PersonSearch.Criteria(Name, born, null, CaseReference);
        if (criteria.IsEmpty && dateError is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name, date of birth or case reference to search for");
        }

        foreach (var (field, message) in criteria.Errors())
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Results = await search.SearchAsync(criteria, User, 1, ct, everyone: true);
        audit.Record(AuditAction.View, "PersonSearch", fields: $"results:{Results.Total}", purpose: "Data protection: finding what is held about a person");
        await audit.SaveAsync(ct);
        return Page();
    }
}
