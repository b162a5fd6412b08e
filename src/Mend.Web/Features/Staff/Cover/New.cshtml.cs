using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff.Cover;

/// <summary>Sets up cover: whose caseload, who covers, the first and last days, and why in a few words.</summary>
[Authorize(Policy = Platform.Auth.Policies.ManageCases)]
public sealed class NewModel(CoverArrangements cover) : PageModel
{
    public sealed class CoverForm
    {
        public string? AbsentUserId { get; set; }
        public string? CoveringUserId { get; set; }
        public DateParts StartsOn { get; set; } = new();
        public DateParts EndsOn { get; set; } = new();
        public string? Reason { get; set; }
    }

    [BindProperty]
    public CoverForm Input { get; set; } = new();

    public List<SelectListItem> Absent { get; private set; } = [];
    public List<SelectListItem> Colleagues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartsOn = DateParts.From(cover.Today);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (starts, startsError) = Input.StartsOn.Parse("The first day");
        var (ends, endsError) = Input.EndsOn.Parse("The last day");
        ModelState.AddErrorIfAny("Input.StartsOn", startsError);

        ModelState.AddErrorIfAny("Input.EndsOn", endsError);

        if (ModelState.IsValid)
        {
            var outcome = await cover.SetAsync(User, new(Guid.TryParse(Input.AbsentUserId, out var a) ? a : null, Guid.TryParse(Input.CoveringUserId, out var c) ? c : null,
                starts, ends, Input.Reason), ct);
            if (PageOutcome.Apply(outcome, ModelState) == PageAnswer.Done)
            {
                TempData["Success"] = $"{outcome.Value!.CoveringName} will cover {outcome.Value.AbsentName}'s caseload from {outcome.Value.StartsOn.ToGovUkDate()} to {outcome.Value.EndsOn.ToGovUkDate()}";
                return Redirect("/Staff/Cover");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Task"] = "Set up caseload cover";
        ViewData["Caption"] = "Caseload cover";
        ViewData["Back"] = "/Staff/Cover";
        var team = await cover.TeamWorkers(User).AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var all = await cover.Colleagues().AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        Absent = [new("Choose a worker", ""), .. team.Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))];
        Colleagues = [new("Choose a colleague", ""), .. all.Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id.ToString()))];
    }
}
