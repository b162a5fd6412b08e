using Mend.Web.Data;
using Mend.Web.Platform.Auth;
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

    public static IEnumerable<SelectListItem> RiskItems =>
        Enum.GetValues<RiskLevel>().Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

    public static IEnumerable<SelectListItem> RestrictionItems =>
        [new("No: the case's team can see it", "no"), new("Yes: only the people named below, the allocated worker and the team's managers", "yes")];

    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];

    public static IEnumerable<SelectListItem> ClosureItems =>
        Enum.GetValues<ClosureReason>().Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

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
        if (!User.IsInRole(Roles.Manager))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var worker = Guid.TryParse(WorkerId, out var workerId) ? Workers.FirstOrDefault(w => w.Value == workerId.ToString()) : null;
        if (worker is null)
        {
            ModelState.AddModelError(nameof(WorkerId), "Select a practitioner or manager from the case's team");
        }
        else if (Case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            ModelState.AddModelError(nameof(WorkerId), "A closed or declined case cannot be allocated");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Case.Allocate(Guid.Parse(worker!.Value), worker.Text, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync($"Case allocated to {worker.Text}", ct);
    }

    public async Task<IActionResult> OnPostRiskAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (review, dateError) = RiskReviewOn.Parse("Review date");
        RiskLevel? level = Enum.TryParse<RiskLevel>(Risk, out var parsed) ? parsed : null;
        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(RiskReviewOn), dateError);
        }

        foreach (var (field, message) in CaseRules.CheckRisk(level, review, clock.LondonToday()))
        {
            if (field != nameof(RiskReviewOn) || dateError is null)
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Case.SetRisk(level!.Value, review, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync($"Risk level set to {CaseWords.Describe(level.Value).ToLowerInvariant()}", ct);
    }

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Manager))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var named = NamedPeople.Select(n => Guid.TryParse(n, out var g) ? g : Guid.Empty).Distinct().ToList();
        var chosen = Staff.Where(s => named.Contains(Guid.Parse(s.Value))).ToList();
        if (Restricted is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Restricted), "Select whether the case is restricted");
        }
        else if (chosen.Count != named.Count)
        {
            ModelState.AddModelError(nameof(NamedPeople), "Select people from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Restricted == "yes")
        {
            Case.Restrict(chosen.Select(s => (Guid.Parse(s.Value), s.Text)), User.DisplayNameOf(), now);
        }
        else
        {
            Case.Unrestrict(now);
        }

        return await SaveAsync(Restricted == "yes" ? "The case is restricted to the people named" : "The case is no longer restricted", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Enum.TryParse<ClosureReason>(ClosureReason, out var reason) || !Enum.IsDefined(reason))
        {
            ModelState.AddModelError(nameof(ClosureReason), "Select why the case is closing");
        }
        else if (reason == Cases.ClosureReason.Other && string.IsNullOrWhiteSpace(ClosureNote))
        {
            ModelState.AddModelError(nameof(ClosureNote), "Say why the case is closing");
        }

        if (ClosureNote?.Trim().Length > 2000)
        {
            ModelState.AddModelError(nameof(ClosureNote), "Closing note must be 2000 characters or fewer");
        }

        if (Case.Status != CaseStatus.Open)
        {
            ModelState.AddModelError(nameof(ClosureReason), "Only an open case can be closed");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Case.Close(reason, string.IsNullOrWhiteSpace(ClosureNote) ? null : ClosureNote.Trim(), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync("Case closed", ct);
    }

    private async Task<IActionResult> SaveAsync(string success, CancellationToken ct)
    {
        var id = Case.Id;
        if (!await db.SaveAtVersionAsync(Case, Version, ct))
        {
            await LoadAsync(id, ct);
            Version = Case.Version;
            ModelState.AddModelError("", "Someone else changed this case while you were looking at it. The page now shows the latest; check it and try again");
            return Page();
        }

        TempData["Success"] = success;
        return RedirectToPage("/Cases/View", new { id = Case.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).Include(c => c.Allocations).Include(c => c.AccessGrants).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
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
