using Mend.Web.Data;
using Mend.Web.Features.Panels;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Panels;

/// <summary>One panel: its name and status, its members, and who chairs it.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class EditModel(MendDb db, Staff.PanelClearance clearance, TimeProvider clock) : PageModel
{
    private static readonly string StaleMessage = Conflicts.Message("this panel");

    public Panel Panel { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    /// <summary>Members who may not sit today (volunteers whose panel training or DBS check is missing or lapsed), with what they lack.</summary>
    public IReadOnlyDictionary<Guid, List<string>> CannotSit { get; private set; } = new Dictionary<Guid, List<string>>();

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? MemberId { get; set; }

    public static IEnumerable<SelectListItem> Statuses => [new("Meeting: can be chosen for new processes", "active"), new("Retired: kept for meetings already held", "retired")];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Name = Panel.Name;
        Status = Panel.IsActive ? "active" : "retired";
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => ChangeAsync(id, ct, async panel =>
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), string.IsNullOrEmpty(name) ? "Enter the panel's name" : "The name must be 200 characters or fewer");
        }
        else if (await db.Panels.AnyAsync(p => p.Name == name && p.Id != id, ct))
        {
            ModelState.AddModelError(nameof(Name), "Another panel already has that name");
        }

        if (Status is not ("active" or "retired"))
        {
            ModelState.AddModelError(nameof(Status), "Select whether the panel is meeting or retired");
        }

        if (ModelState.IsValid)
        {
            panel.Rename(name!, Status == "active");
        }

        return "Panel saved";
    });

    public Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct) => ChangeAsync(id, ct, async panel =>
    {
        var user = Guid.TryParse(MemberId, out var userId) ? await EligibleUsers().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct) : null;
        if (user is null)
        {
            ModelState.AddModelError(nameof(MemberId), "Select who to add");
            return "";
        }

        // A volunteer sits on a panel only with panel training and a current DBS check (issue 20); the refusal says what is missing.
        if ((await clearance.GapsAsync([user.Id], clock.LondonToday(), ct)).GetValueOrDefault(user.Id) is { } gaps)
        {
            ModelState.AddModelError(nameof(MemberId), $"{user.DisplayName} cannot join a panel yet: {string.Join(", and ", gaps)}. Record it on their register first");
            return "";
        }

        panel.AddMember(user.Id, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        return $"{user.DisplayName} added to the panel";
    });

    public Task<IActionResult> OnPostChairAsync(int id, Guid userId, CancellationToken ct) => ChangeAsync(id, ct, panel =>
    {
        panel.MakeChair(userId);
        return Task.FromResult($"{panel.Chair!.DisplayName} now chairs the panel");
    });

    public Task<IActionResult> OnPostRemoveAsync(int id, Guid userId, CancellationToken ct) => ChangeAsync(id, ct, panel =>
    {
        var name = panel.Members.FirstOrDefault(m => m.UserId == userId)?.DisplayName;
        panel.RemoveMember(userId);
        return Task.FromResult($"{name} removed from the panel");
    });

    private async Task<IActionResult> ChangeAsync(int id, CancellationToken ct, Func<Panel, Task<string>> change)
    {
        var panel = await db.Panels.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (panel is null)
        {
            return NotFound();
        }

        string success = "";
        if (panel.Version != Version)
        {
            ModelState.AddModelError("", StaleMessage);
        }
        else
        {
            try
            {
                success = await change(panel);
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError("", ex.Message.TrimEnd('.'));
            }
        }

        if (ModelState.IsValid)
        {
            panel.Touch(clock.GetUtcNow().UtcDateTime);
            if (await db.SaveAtVersionAsync(panel, Version, ct))
            {
                TempData["Success"] = success;
                return RedirectToPage(new { id });
            }

            ModelState.AddModelError("", StaleMessage);
        }

        db.ChangeTracker.Clear();
        ModelState.Remove(nameof(Version));
        await LoadAsync(id, ct);
        return Page();
    }

    private IQueryable<Platform.Auth.MendUser> EligibleUsers() => Staff.StaffWithRoles.Of(db, Roles.Volunteer, Roles.Practitioner, Roles.Manager).AsNoTracking();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var panel = await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (panel is null)
        {
            return false;
        }

        Panel = panel;
        Version = panel.Version;
        var members = panel.Members.Select(m => m.UserId).ToList();
        CannotSit = await clearance.GapsAsync(members, clock.LondonToday(), ct);
        var people = await EligibleUsers().Where(u => !members.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        People = [new("Choose a person", ""), .. people.Select(p => new SelectListItem($"{p.DisplayName} ({p.Email})", p.Id.ToString()))];
        return true;
    }
}
