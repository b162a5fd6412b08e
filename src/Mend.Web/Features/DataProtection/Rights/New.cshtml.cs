using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Rights;

/// <summary>Records a person's request to correct their data or restrict its processing.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class NewModel(RightsRequests rights, MendDb db) : PageModel
{
    public sealed class RequestForm
    {
        public RightAsked? Right { get; set; }
        public AccessRegime? Regime { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public string? Details { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public static IEnumerable<SelectListItem> RightItems => Enum.GetValues<RightAsked>().Select(r => new SelectListItem(RightsRequest.Describe(r), r.ToString()));

    public static IEnumerable<SelectListItem> RegimeItems => SubjectAccessDeadline.Rules.Select(r => new SelectListItem(r.Name, r.Regime.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (received, error) = Input.ReceivedOn.Parse("The date received");
        if (error is not null)
        {
            ModelState.AddModelError("Input.ReceivedOn", error);
        }

        if (ModelState.IsValid)
        {
            var outcome = await rights.ReceiveAsync(User, PersonId, new RightsRequests.ReceiveInput(Input.Right, Input.Regime, received, Input.Details), ct);
            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = "Request recorded";
                return RedirectToPage("/DataProtection/Rights/View", new { id = outcome.Value!.Id });
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
        PersonName = await db.People.DisplayNameOfAsync(PersonId, ct);
        return PersonName.Length > 0;
    }
}
