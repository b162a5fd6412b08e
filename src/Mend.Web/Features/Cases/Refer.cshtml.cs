using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

[Authorize(Policy = Policies.CaseWork)]
public sealed class ReferModel(ReferCase referCase, CaseAccess access, MendDb db, CaseSettings settings) : PageModel
{
    public sealed class InputModel
    {
        public string? Source { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public string? ReferrerName { get; set; }
        public string? ReferrerOrganisation { get; set; }
        public string? Reason { get; set; }
        public string? Jurisdiction { get; set; }
        public string? OffenceTypeId { get; set; }
        public DateParts OffenceDate { get; set; } = new();
        public string? OffenceLocation { get; set; }
        public string? OffenceDescription { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid YoungPersonId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string YoungPersonName { get; private set; } = "";

    public IReadOnlyList<SelectListItem> OffenceTypes { get; private set; } = [];

    public static IEnumerable<SelectListItem> SourceItems =>
        Enum.GetValues<ReferralSource>().Select(s => new SelectListItem(CaseWords.Describe(s), s.ToString()));

    public static IEnumerable<SelectListItem> JurisdictionItems =>
        Enum.GetValues<Jurisdiction>().Select(j => new SelectListItem(CaseWords.Describe(j), j.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.Jurisdiction = settings.Jurisdiction.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var (received, receivedError) = Input.ReceivedOn.Parse("Date received");
        var (offenceDate, offenceDateError) = Input.OffenceDate.Parse("Date of the offence");
        var request = new ReferCase.Request
        {
            YoungPersonId = YoungPersonId,
            Source = Enum.TryParse<ReferralSource>(Input.Source, out var source) ? source : null,
            ReceivedOn = received,
            ReferrerName = Input.ReferrerName,
            ReferrerOrganisation = Input.ReferrerOrganisation,
            Reason = Input.Reason,
            Jurisdiction = Enum.TryParse<Jurisdiction>(Input.Jurisdiction, out var jurisdiction) ? jurisdiction : null,
            OffenceTypeId = int.TryParse(Input.OffenceTypeId, out var typeId) ? typeId : null,
            OffenceDate = offenceDate,
            OffenceLocation = Input.OffenceLocation,
            OffenceDescription = Input.OffenceDescription,
        };
        var result = await referCase.HandleAsync(request, User, ct);
        if (receivedError is not null)
        {
            ModelState.AddModelError("Input.ReceivedOn", receivedError);
        }

        if (offenceDateError is not null)
        {
            ModelState.AddModelError("Input.OffenceDate", offenceDateError);
        }

        foreach (var (field, message) in result.Errors.Where(e => !(e.Key == "ReceivedOn" && receivedError is not null) && !(e.Key == "OffenceDate" && offenceDateError is not null)))
        {
            ModelState.AddModelError(field == nameof(ReferCase.Request.YoungPersonId) ? "" : $"Input.{field}", message);
        }

        if (!result.IsDone)
        {
            return Page();
        }

        TempData["Success"] = $"Referral recorded as case {result.Value!.Reference}";
        return RedirectToPage("/Cases/View", new { id = result.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await access.VisiblePeople(User).AsNoTracking().Where(p => p.Id == YoungPersonId)
            .Select(p => new { p.GivenName, p.FamilyName }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }

        YoungPersonName = PersonNames.FullName(person.GivenName, person.FamilyName);
        OffenceTypes = await OffenceChoices.LoadAsync(db, ct);
        return true;
    }
}
