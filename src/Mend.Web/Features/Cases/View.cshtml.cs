using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>The case page: summary, warnings, people, offences, notes and the timeline, with the actions on the case.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, CaseAccess access, FieldEncryption encryption, AuditTrail audit, Orders.OrdersDue ordersDue, TimeProvider clock) : PageModel
{
    public CaseFile Case { get; private set; } = default!;

    public bool NeedsBreakGlass { get; private set; }

    /// <summary>The open orders on the case, each with its compliance.</summary>
    public IReadOnlyList<Orders.OrdersDue.Item> OpenOrders { get; private set; } = [];

    /// <summary>The case's visits still to come or under way, soonest first.</summary>
    public IReadOnlyList<Visits.Visit> Visits { get; private set; } = [];

    /// <summary>Why the user cannot see the case without breaking the glass, in words they can act on.</summary>
    public string WhyClosed { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? DecisionReason { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public DateOnly Today => clock.LondonToday();

    public static IEnumerable<SelectListItem> NoteTypeItems =>
        Enum.GetValues<NoteType>().Select(t => new SelectListItem(NoteTypes.Describe(t), t.ToString()));

    public static IEnumerable<SelectListItem> DecisionItems =>
        [new("Accept the referral and open the case", "accept"), new("Decline the referral", "decline")];

    public static IReadOnlyList<(string? Kind, string Text)> TimelineFilters =>
        [(null, "Everything"), ("notes", "Notes"), ("decisions", "Decisions"), ("assessments", "Assessments"), ("processes", "Processes"), ("orders", "Orders"), ("documents", "Documents"), ("safeguarding", "Safeguarding"), ("meetings", "Meetings"), ("people", "People"), ("allocations", "Allocations")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            if (await db.Cases.AsNoTracking().Where(c => c.Id == id)
                    .Select(c => new { c.IsRestricted, c.TeamId, Grant = c.AccessGrants.OrderByDescending(g => g.GrantedAt).Select(g => new { g.GrantedByName, g.GrantedAt }).FirstOrDefault() })
                    .SingleOrDefaultAsync(ct) is not { } closed)
            {
                return NotFound();
            }

            NeedsBreakGlass = true;
            WhyClosed = closed.IsRestricted
                ? $"This case has been restricted to named people{(closed.Grant is null ? "" : $" by {closed.Grant.GrantedByName} on {closed.Grant.GrantedAt.ToLondon()}")}, "
                  + "as managers do when someone on it is known to staff or the case is especially sensitive. You are not one of the named people"
                  + (closed.TeamId == User.TeamIdOf() ? ", although it belongs to your team." : ".")
                : "This case belongs to another team, and you are not one of the people named on it.";
            return Page();
        }

        audit.Viewed(nameof(Case), id.ToString(), Case.Participants.Select(p => p.PersonId), CaseFile.Purpose);
        OpenOrders = await ordersDue.OnCaseAsync(Case.Orders, Case.Case.Reference, ct);
        Visits = Case.Visits;

        await db.SaveChangesAsync(ct);
        Version = Case.Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostBreakGlassAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }

        var (reason, error) = BreakGlass.CheckReason(Reason, "case");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Reason), error);
            NeedsBreakGlass = true;
            return Page();
        }

        db.BreakGlass.Add(BreakGlass.ForCase(id, User.UserId(), User.DisplayNameOf(), reason!, clock.GetUtcNow().UtcDateTime));
        audit.Record(AuditAction.BreakGlass, nameof(Case), id.ToString(), purpose: reason, outcome: "break-glass");
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>();
        var details = Note.Read(Today, errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"{nameof(Note)}.{field}", message);
        }

        if (details is null)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.CaseNotes.Add(CaseNote.Write(id, details, encryption, User.UserId(), User.DisplayNameOf(), now));
        @case.Touch(now);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Note added";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        foreach (var (field, message) in CaseRules.CheckDecision(@case, Decision, DecisionReason))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        CaseRules.ApplyDecision(@case, Decision!, DecisionReason, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(@case, Decision == CaseRules.Accept ? "Referral accepted: the case is open" : "Referral declined", ct);
    }

    /// <summary>Saves a change to the case itself, refusing it if someone else changed the case since the page was loaded.</summary>
    private async Task<IActionResult> SaveAsync(Case @case, string success, CancellationToken ct)
    {
        if (!await db.SaveAtVersionAsync(@case, Version, ct))
        {
            ModelState.AddModelError("", Cases.Case.StaleMessage);
            await LoadAsync(@case.Id, ct);
            Version = Case.Case.Version;
            return Page();
        }

        TempData["Success"] = success;
        return RedirectToPage(new { id = @case.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var file = await CaseFile.LoadAsync(access.ViewerOf(User), db, encryption, id, Today, ct);
        if (file is null)
        {
            return false;
        }

        Case = file;
        return true;
    }
}
