using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Agreements;

/// <summary>Makes an information-sharing agreement, or changes one not yet ended: parties, purpose, basis, data, scope and dates.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class EditModel(SharingAgreements agreements, MendDb db) : PageModel
{
    public sealed class AgreementForm
    {
        public string? PartnerAgencyId { get; set; }
        public string? PartnerName { get; set; }
        public string? Purpose { get; set; }
        public string? LawfulBasis { get; set; }
        public List<SharedData> Data { get; set; } = [];
        public DateParts StartsOn { get; set; } = new();
        public DateParts EndsOn { get; set; } = new();
        public DateParts ReviewOn { get; set; } = new();
        public List<Guid> TeamIds { get; set; } = [];
        public string? CaseReferences { get; set; }
    }

    [BindProperty]
    public AgreementForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Guid? Id { get; private set; }

    public List<SelectListItem> Teams { get; private set; } = [];

    public List<SelectListItem> Partners { get; private set; } = [];

    public static IEnumerable<SelectListItem> DataItems =>
        Enum.GetValues<SharedData>().Where(d => d != SharedData.None).Select(d => new SelectListItem(SharingAgreement.Describe(d), d.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await agreements.OneAsync(existing, ct) is not { } a || a.EndedAt is not null)
            {
                return NotFound();
            }

            var named = a.Scope.Where(s => s.CaseId != null).Select(s => s.CaseId!.Value).ToList();
            Input = new AgreementForm
            {
                PartnerAgencyId = a.PartnerAgencyId?.ToString(),
                PartnerName = a.PartnerAgencyId is null ? a.PartnerName : null,
                Purpose = a.Purpose,
                LawfulBasis = a.LawfulBasis,
                Data = Enum.GetValues<SharedData>().Where(d => d != SharedData.None && a.Data.HasFlag(d)).ToList(),
                StartsOn = DateParts.From(a.StartsOn),
                EndsOn = DateParts.From(a.EndsOn),
                ReviewOn = DateParts.From(a.ReviewOn),
                TeamIds = a.Scope.Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).ToList(),
                CaseReferences = string.Join(", ", await db.Cases.Where(c => named.Contains(c.Id)).Select(c => c.Reference).ToListAsync(ct)),
            };
            Version = a.Version;
        }

        await LoadTeamsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;

        // Every missing answer is said at once; the agreement itself then checks how the answers fit together.
        foreach (var (name, value, missing) in new[]
        {
            ("PartnerName", string.IsNullOrEmpty(Input.PartnerAgencyId) ? Input.PartnerName : "from the directory", "Choose the partner from the directory, or enter its name"),
            ("Purpose", Input.Purpose, "Enter what the sharing is for"),
            ("LawfulBasis", Input.LawfulBasis, "Enter the lawful basis for sharing"),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError($"Input.{name}", missing);
            }
        }

        var dates = new Dictionary<string, DateOnly?>();
        foreach (var (name, parts, label, missing) in new[]
        {
            ("StartsOn", Input.StartsOn, "The start date", "Enter the date the agreement starts"),
            ("EndsOn", Input.EndsOn, "The end date", "Enter the date the agreement ends"),
            ("ReviewOn", Input.ReviewOn, "The review date", "Enter the date the agreement is to be reviewed"),
        })
        {
            var (date, error) = parts.Parse(label);
            if (error is not null || parts.IsEmpty)
            {
                ModelState.AddModelError($"Input.{name}", error ?? missing);
            }

            dates[name] = date;
        }

        if (ModelState.IsValid)
        {
            var input = new SharingAgreements.Input(Input.PartnerName, Input.Purpose, Input.LawfulBasis, Input.Data.Aggregate(SharedData.None, (all, d) => all | d),
                dates["StartsOn"], dates["EndsOn"], dates["ReviewOn"], Input.TeamIds, Input.CaseReferences, int.TryParse(Input.PartnerAgencyId, out var agency) ? agency : null);
            var outcome = id is { } existing ? await agreements.ChangeAsync(User, existing, Version, input, ct) : await agreements.MakeAsync(User, input, ct);
            if (outcome.Kind == Platform.Changes.OutcomeKind.Stale && id is { } current)
            {
                // Someone else saved first: show their terms and version, with the message, for the change to be made again.
                ModelState.Clear();
                var shown = await OnGetAsync(current, ct);
                ModelState.AddModelError("", outcome.Message ?? SharingAgreements.StaleMessage);
                return shown;
            }

            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = $"Agreement with {outcome.Value!.PartnerName} saved";
                return RedirectToPage("/DataProtection/Agreements/View", new { id = outcome.Value.Id });
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        await LoadTeamsAsync(ct);
        return Page();
    }

    private async Task LoadTeamsAsync(CancellationToken ct)
    {
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(), Input.TeamIds.Contains(t.Id))).ToList();
        Partners = [new("Not in the directory: type its name below", ""), .. (await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
    }
}
