using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Holds;

/// <summary>A data protection officer places a legal hold on a case (by reference) or, from a person's page, on that person.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class PlaceModel(LegalHolds holds, MendDb db) : PageModel
{
    public sealed class HoldForm
    {
        public string? CaseReference { get; set; }
        public string? Reason { get; set; }
        public DateParts ReviewOn { get; set; } = new();
    }

    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public HoldForm Input { get; set; } = new();

    public string? PersonName { get; private set; }

    /// <param name="caseReference">Fills in the case, when the officer comes from a record due for disposal.</param>
    public async Task<IActionResult> OnGetAsync(string? caseReference, CancellationToken ct)
    {
        Input.CaseReference = caseReference is { Length: <= 30 } ? caseReference : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (reviewOn, dateError) = Input.ReviewOn.Parse("The review date");
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.ReviewOn", dateError);
        }

        if (Input.CaseReference is { Length: > 30 })
        {
            ModelState.AddModelError("Input.CaseReference", "The case reference must be 30 characters or fewer");
        }

        if (ModelState.IsValid)
        {
            var outcome = await holds.PlaceAsync(User, new LegalHolds.PlaceInput(PersonId is null ? Input.CaseReference : null, PersonId, Input.Reason, reviewOn), ct);
            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = "Legal hold placed: nothing it covers will be disposed of until it is lifted";
                return RedirectToPage("/DataProtection/Holds/View", new { id = outcome.Value!.Id });
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (PersonId is { } id)
        {
            PersonName = (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct))?.DisplayName;
            return PersonName is not null;
        }

        return true;
    }
}
