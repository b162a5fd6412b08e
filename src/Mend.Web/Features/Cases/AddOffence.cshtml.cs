using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Adds an offence to the case and says which of the case's victims it harmed.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AddOffenceModel(MendDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    public string Reference { get; private set; } = "";

    [BindProperty]
    public string? OffenceTypeId { get; set; }

    [BindProperty]
    public DateParts CommittedOn { get; set; } = new();

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> Victims { get; set; } = [];

    public IReadOnlyList<SelectListItem> OffenceTypes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> VictimItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var (date, dateError) = CommittedOn.Parse("Date of the offence");
        var today = clock.LondonToday();
        if (!int.TryParse(OffenceTypeId, out var typeId) || !await db.OffenceTypes.AnyAsync(t => t.Id == typeId && t.IsActive, ct))
        {
            ModelState.AddModelError(nameof(OffenceTypeId), "Select the offence from the list");
        }

        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(CommittedOn), dateError);
        }
        else if (date is null)
        {
            ModelState.AddModelError(nameof(CommittedOn), "Enter the date of the offence");
        }
        else if (date > today)
        {
            ModelState.AddModelError(nameof(CommittedOn), "Date of the offence must be today or in the past");
        }
        else if (date > @case.ReferralReceivedOn)
        {
            ModelState.AddModelError(nameof(CommittedOn), "Date of the offence must be on or before the date the referral was received");
        }

        if (Location?.Trim().Length > 300)
        {
            ModelState.AddModelError(nameof(Location), "Where it happened must be 300 characters or fewer");
        }

        if (Description?.Trim().Length > 4000)
        {
            ModelState.AddModelError(nameof(Description), "What happened must be 4000 characters or fewer");
        }

        var victimIds = Victims.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).ToList();
        if (victimIds.Any(v => !VictimItems.Any(i => Guid.Parse(i.Value) == v)))
        {
            ModelState.AddModelError(nameof(Victims), "Select victims from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        @case.AddOffence(new OffenceDetails(typeId, date!.Value, TextInput.Clean(Location), TextInput.Clean(Description), victimIds), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Offence added";
        return RedirectToPage("/Cases/View", new { id });
    }


    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).Include(c => c.Participants).Include(c => c.Offences).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return null;
        }

        Reference = @case.Reference;
        OffenceTypes = await OffenceChoices.LoadAsync(db, ct);
        var victimIds = @case.Participants.Where(p => p.Role == ParticipantRole.Victim && p.EndedAt == null).Select(p => p.PersonId).ToList();
        VictimItems = (await db.People.AsNoTracking().Where(p => victimIds.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.OrganisationName ?? ((p.GivenName ?? "") + " " + (p.FamilyName ?? "")) })
            .ToListAsync(ct))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .ToList();
        return @case;
    }
}
