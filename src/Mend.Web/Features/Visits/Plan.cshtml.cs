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

namespace Mend.Web.Features.Visits;

/// <summary>
/// A worker plans a visit before leaving: where, whom, when, a buddy, how they travel; the risks for the people and the
/// address are shown as they plan, and a "do not visit alone" warning needs a second worker.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class PlanModel(LoneWorking visits, CaseAccess access, MendDb db, Platform.Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed class PlanForm
    {
        public string? Place { get; set; }
        public string? PersonId { get; set; }
        public string? VenueId { get; set; }
        public string? Address { get; set; }
        public string? Purpose { get; set; }
        public DateParts Date { get; set; } = new();
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }

        /// <summary>The visit runs past midnight (an evening visit): the end time is on the next day.</summary>
        public bool EndsNextDay { get; set; }
        public string? BuddyId { get; set; }
        public string? SecondWorkerId { get; set; }
        public string? Travel { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? CaseId { get; set; }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public string? CaseReference { get; private set; }
    public LoneWorking.Risks Risks { get; private set; } = new([], false, []);
    public static IEnumerable<SelectListItem> NextDayItems => [new("It ends the next day (after midnight)", "true")];
    public IEnumerable<SelectListItem> PlaceItems => VisitPlaces.All.Select(p => new SelectListItem(VisitPlaces.Describe(p), p.ToString()));
    public List<SelectListItem> PeopleItems { get; } = [];
    public List<SelectListItem> VenueItems { get; } = [];
    public List<SelectListItem> StaffItems { get; } = [];

    /// <param name="personId">Whom, when the worker comes from a person on the case.</param>
    public async Task<IActionResult> OnGetAsync(Guid? personId, CancellationToken ct)
    {
        Input.PersonId = personId?.ToString();
        Input.Date = DateParts.From(clock.LondonToday());
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Only someone on a case the user can see: LoadAsync listed them.
        if (personId is { } p && PeopleItems.Any(i => i.Value == p.ToString()))
        {
            var address = await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == p && a.To == null).OrderByDescending(a => a.From).FirstOrDefaultAsync(ct);
            Input.Address = address is null ? null : string.Join(", ", new[] { address.Line1, address.Line2, address.Town, address.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x)));
            Input.Place = address is null ? null : nameof(VisitPlace.Home);
            Risks = await visits.RisksAsync(User, CaseId, p, null, Input.Address, ct);
            audit.Viewed(nameof(People.Person), p.ToString(), [p], VisitsApi.PurposeOfView);
            await db.SaveChangesAsync(ct);
        }

        return Page();
    }

    /// <summary>Shows the risks for what is typed so far, without planning (the form works without JavaScript).</summary>
    public async Task<IActionResult> OnPostRisksAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (day, dateError) = Input.Date.Parse("The date of the visit");
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.Date", dateError);
        }

        DateTime? start = null, end = null;
        if (day is { } d)
        {
            (start, var startError) = London.ToUtc(d, Input.StartsAt);
            if (startError is not null)
            {
                ModelState.AddModelError("Input.StartsAt", startError);
            }

            (end, var endError) = London.ToUtc(Input.EndsNextDay ? d.AddDays(1) : d, Input.EndsAt);
            if (endError is not null)
            {
                ModelState.AddModelError("Input.EndsAt", endError);
            }
        }

        // Everything missing at once, before the plan's own rules (which name one problem at a time).
        Require(Enum.TryParse<VisitPlace>(Input.Place, out _), "Input.Place", "Choose where the visit is");
        Require(!string.IsNullOrWhiteSpace(Input.Address), "Input.Address", "Enter the address or place of the visit");
        Require(!string.IsNullOrWhiteSpace(Input.StartsAt) || day is null, "Input.StartsAt", "Enter when the visit starts, for example 14:00");
        Require(!string.IsNullOrWhiteSpace(Input.EndsAt) || day is null, "Input.EndsAt", "Enter when you expect to finish, for example 15:00");
        Require(Guid.TryParse(Input.BuddyId, out _), "Input.BuddyId", "Choose a buddy: another worker on duty, who is told first if you do not check out");

        if (ModelState.IsValid)
        {
            var outcome = await visits.PlanAsync(User, new LoneWorking.PlanInput(CaseId, Id(Input.PersonId), int.TryParse(Input.VenueId, out var venue) ? venue : null,
                Enum.TryParse<VisitPlace>(Input.Place, out var place) ? place : null, Input.Address, start, end, Id(Input.BuddyId), Id(Input.SecondWorkerId), Input.Travel, Input.Purpose), ct);
            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = "Visit planned. Read the risks before you go, and check in when you arrive";
                return RedirectToPage("/Visits/View", new { id = outcome.Value!.Id });
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private void Require(bool met, string key, string message)
    {
        if (!met && ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(key, message);
        }
    }

    private static Guid? Id(string? typed) => Guid.TryParse(typed, out var id) ? id : null;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (CaseId is { } caseId)
        {
            var found = await access.VisibleCases(User).AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return false;
            }

            CaseReference = found;
            var people = await db.CaseParticipants.AsNoTracking().Where(p => p.CaseId == caseId)
                .Join(db.People, p => p.PersonId, person => person.Id, (p, person) => new { person.Id, person.GivenName, person.FamilyName, person.OrganisationName, p.Role })
                .ToListAsync(ct);
            PeopleItems.Add(new("Nobody in particular", ""));
            PeopleItems.AddRange(people.Select(p => new SelectListItem($"{p.OrganisationName ?? $"{p.GivenName} {p.FamilyName}".Trim()} ({CaseWords.Describe(p.Role)})", p.Id.ToString())));
        }

        VenueItems.Add(new("Not at a venue Mend knows", ""));
        VenueItems.AddRange(await db.Venues.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Name).Select(v => new SelectListItem(v.Name, v.Id.ToString())).ToListAsync(ct));
        var me = User.UserId();
        StaffItems.Add(new("Choose someone", ""));
        StaffItems.AddRange((await visits.StaffAsync(ct)).Where(s => s.Id != me).Select(s => new SelectListItem(s.Name, s.Id.ToString())));
        if (!PeopleItems.Any(i => i.Value == Input.PersonId))
        {
            Input.PersonId = null; // nobody, or someone not on this case
        }

        Risks = await visits.RisksAsync(User, CaseId, Id(Input.PersonId), int.TryParse(Input.VenueId, out var venue) ? venue : null, Input.Address, ct);
        return true;
    }
}
