using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Requests;

/// <summary>Records a subject-access request received for a person: who asked, under which law, when, and when identity was confirmed.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class NewModel(SubjectAccess access, MendDb db) : PageModel
{
    public sealed class RequestForm
    {
        public string? RequestedBy { get; set; }
        public AccessRegime? Regime { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public DateParts IdentityConfirmedOn { get; set; } = new();
    }

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> RegimeItems =>
        SubjectAccessDeadline.Rules.Select(r => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(r.Name, r.Regime.ToString()));

    public static IDictionary<string, string> RegimeHints => SubjectAccessDeadline.Rules.ToDictionary(r => r.Regime.ToString(), r => r.Wording);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (received, receivedError) = Input.ReceivedOn.Parse("The date received");
        var (identity, identityError) = Input.IdentityConfirmedOn.Parse("The date identity was confirmed");
        if (receivedError is not null)
        {
            ModelState.AddModelError("Input.ReceivedOn", receivedError);
        }

        if (identityError is not null)
        {
            ModelState.AddModelError("Input.IdentityConfirmedOn", identityError);
        }

        if (ModelState.IsValid)
        {
            var outcome = await access.ReceiveAsync(User, PersonId, new SubjectAccess.ReceiveInput(Input.RequestedBy, Input.Regime, received, identity), ct);
            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = "Request recorded";
                return RedirectToPage("/DataProtection/Requests/View", new { id = outcome.Value!.Id });
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
