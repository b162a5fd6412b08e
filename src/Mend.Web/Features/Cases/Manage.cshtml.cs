using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>Allocating a case (managers) and closing it with a reason.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ManageModel(MendDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    public Case Case { get; private set; } = default!;

    [BindProperty]
    public string? WorkerId { get; set; }

    [BindProperty]
    public string? ClosureReason { get; set; }

    [BindProperty]
    public string? ClosureNote { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Risk { get; set; }

    [BindProperty]
    public DateParts RiskReviewOn { get; set; } = new();

    [BindProperty]
    public string? Restricted { get; set; }

    [BindProperty]
    public List<string> NamedPeople { get; set; } = [];

    /// <summary>Practitioners and managers in any team, who can be named on a restricted case.</summary>
    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Case.Version;
        WorkerId = Case.AllocatedWorkerId?.ToString();
        Risk = Case.RiskLevel.ToString();
        RiskReviewOn = DateParts.From(Case.RiskReviewOn);
        Restricted = Case.IsRestricted ? "yes" : "no";
        NamedPeople = Case.AccessGrants.Select(g => g.UserId.ToString()).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAllocateAsync(Guid id, CancellationToken ct)
    {
        var success = "";
        return await ChangeAsync(id, (@case, errors) =>
        {
            var worker = Guid.TryParse(WorkerId, out var workerId) ? Workers.FirstOrDefault(w => w.Value == workerId.ToString()) : null;
            if (worker is null || @case.Status is CaseStatus.Closed or CaseStatus.Declined)
            {
                errors[nameof(WorkerId)] = worker is null ? "Select a practitioner or manager from the case's team" : "A closed or declined case cannot be allocated";
                return;
            }

            @case.Allocate(workerId, worker.Text, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            success = $"Case allocated to {worker.Text}";
        }, () => success, ct, managersOnly: true);
    }

    public async Task<IActionResult> OnPostRiskAsync(Guid id, CancellationToken ct)
    {
        var (review, dateError) = RiskReviewOn.Parse("Review date");
        RiskLevel? level = Enum.TryParse<RiskLevel>(Risk, out var parsed) ? parsed : null;
        return await ChangeAsync(id, (@case, errors) =>
        {
            foreach (var (field, message) in CaseRules.CheckRisk(level, review, clock.LondonToday()))
            {
                errors[field] = message;
            }

            if (dateError is not null)
            {
                errors[nameof(RiskReviewOn)] = dateError;
            }

            if (errors.Count == 0)
            {
                @case.SetRisk(level!.Value, review, clock.GetUtcNow().UtcDateTime);
            }
        }, () => $"Risk level set to {CaseWords.Describe(level!.Value).ToLowerInvariant()}", ct);
    }

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct) =>
        await ChangeAsync(id, (@case, errors) =>
        {
            var named = NamedPeople.Select(n => Guid.TryParse(n, out var g) ? g : Guid.Empty).Distinct().ToList();
            var chosen = Staff.Where(s => named.Contains(Guid.Parse(s.Value))).ToList();
            if (Restricted is not ("yes" or "no") || chosen.Count != named.Count)
            {
                errors[Restricted is not ("yes" or "no") ? nameof(Restricted) : nameof(NamedPeople)] =
                    Restricted is not ("yes" or "no") ? "Select whether the case is restricted" : "Select people from the list";
                return;
            }

            @case.SetRestriction(Restricted == "yes", chosen.Select(s => (Guid.Parse(s.Value), s.Text)), User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        }, () => Restricted == "yes" ? "The case is restricted to the people named" : "The case is no longer restricted", ct, managersOnly: true);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await ChangeAsync(id, (@case, errors) =>
        {
            var reason = Enum.TryParse<ClosureReason>(ClosureReason, out var r) && Enum.IsDefined(r) ? r : (ClosureReason?)null;
            if (reason is null || @case.Status != CaseStatus.Open)
            {
                errors[nameof(ClosureReason)] = reason is null ? "Select why the case is closing" : "Only an open case can be closed";
            }
            else if (reason == Cases.ClosureReason.Other && string.IsNullOrWhiteSpace(ClosureNote))
            {
                errors[nameof(ClosureNote)] = "Say why the case is closing";
            }

            if (ClosureNote?.Trim().Length > 2000)
            {
                errors[nameof(ClosureNote)] = "Closing note must be 2000 characters or fewer";
            }

            if (errors.Count == 0)
            {
                @case.Close(reason!.Value, string.IsNullOrWhiteSpace(ClosureNote) ? null : ClosureNote.Trim(), clock.GetUtcNow().UtcDateTime);
            }
        }, () => "Case closed", ct);

    /// <summary>A change to the case by the one change routine; the form again with its errors, or back to the case.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Action<Case, Dictionary<string, string>> change, Func<string> success, CancellationToken ct,
        bool managersOnly = false)
    {
        if (managersOnly && !User.IsInRole(Roles.Manager))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await VersionedChange.RunAsync(db, Visible(id), Version, change, Cases.Case.StaleMessage, ct);
        switch (PageOutcome.Apply(outcome, ModelState, PageOutcome.InputName))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = success();
                return RedirectToPage("/Cases/View", new { id });
            default:
                ModelState.Remove(nameof(Version));
                await LoadAsync(id, ct);
                Version = Case.Version;
                return Page();
        }
    }

    private IQueryable<Case> Visible(Guid id) =>
        access.VisibleCases(User).Include(c => c.Allocations).Include(c => c.AccessGrants).AsSplitQuery().Where(c => c.Id == id);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var @case = await Visible(id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        var staff = await Features.Staff.StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.TeamId })
            .ToListAsync(ct);
        Workers = [new SelectListItem("Choose a worker", ""), .. staff.Where(u => u.TeamId == @case.TeamId).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))];
        Staff = staff.Select(u => new SelectListItem(u.DisplayName, u.Id.ToString(), @case.AccessGrants.Any(g => g.UserId == u.Id))).ToList();
        return true;
    }
}
