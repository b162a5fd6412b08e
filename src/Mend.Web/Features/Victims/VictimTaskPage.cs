using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Victims;

/// <summary>
/// The shape of a page that does one piece of work with a victim (decision 0010), the victims' twin of
/// <see cref="Processes.ProcessTaskPage"/>: it loads the victim's record on a case the user may see (404 otherwise, and
/// for a record already reduced), binds one nested <c>Input</c> that becomes <see cref="VictimWork"/>'s request, and
/// answers its <see cref="Outcome{T}"/>: back to the victim's journey with a banner when done, or the form again with
/// each error on its field (a date typed wrongly says what is wrong with it, beside every other problem).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class VictimTaskPage(VictimWork work, MendDb db, AuditTrail audit) : PageModel
{
    private readonly Dictionary<string, string> _typed = [];

    public VictimWork.Loaded Loaded { get; private set; } = default!;

    public Victim Victim => Loaded.Victim!;

    /// <summary>The version of the record the form was read at; a save against another version is refused as stale.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The task, as the page heading and the success banner name it.</summary>
    public abstract string Title { get; }

    /// <summary>Whether the page warns that the victim must not be contacted at all (for work that contacts them).</summary>
    public virtual bool ContactsTheVictim => false;

    /// <summary>The entitlements this work meets, whose due dates the page shows.</summary>
    public virtual IReadOnlyList<Entitlement> Meets => [];

    public VictimSettings Settings => work.Settings;

    public IReadOnlyList<EntitlementStatus> DueHere => work.EntitlementsOf(Loaded).Where(d => d.IsOpen && Meets.Contains(d.Entitlement)).ToList();

    public string JourneyHref => $"/Cases/{Loaded.Case.Id}/Victims/{Loaded.Person.Id}";

    public IEnumerable<SelectListItem> AddressItems =>
        Loaded.Person.Addresses.OrderByDescending(a => a.From).Select(a => new SelectListItem(
            string.Join(", ", new[] { a.Line1, a.Line2, a.Town, a.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))) + (a.To is null ? " (current)" : ""),
            a.Id.ToString(CultureInfo.InvariantCulture)));

    protected VictimWork Work => work;

    /// <summary>Fills the form from the record on first showing (an edit of what is there).</summary>
    protected virtual void Prefill()
    {
    }

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, personId, ct))
        {
            return NotFound();
        }

        Prefill();
        audit.Record(AuditAction.View, nameof(Victim), caseId.ToString(), subjectPersonId: personId, purpose: Victim.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>A date as typed; what is wrong with it is kept for the field and shown with the operation's other errors.</summary>
    protected DateOnly? Typed(DateParts parts, string field, string label)
    {
        var (day, error) = parts.Parse(label);
        if (error is not null)
        {
            _typed[field] = error;
        }

        return day;
    }

    /// <summary>The page's answer to an operation's outcome: "on" is the input "Input.On", and so on.</summary>
    protected async Task<IActionResult> AnswerAsync<T>(Guid caseId, Guid personId, Outcome<T> outcome, CancellationToken ct, string? success = null)
    {
        var answer = PageOutcome.Apply(outcome, ModelState);
        foreach (var (field, error) in _typed)
        {
            ModelState.Remove("Input." + PageOutcome.InputName(field));
            ModelState.AddModelError("Input." + PageOutcome.InputName(field), error);
        }

        switch (answer)
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done when _typed.Count == 0:
                TempData["Success"] = success ?? $"{Title}: saved";
                return RedirectToPage("/Victims/Journey", new { caseId, personId });
            default:
                ModelState.Remove(nameof(Version));
                return await LoadAsync(caseId, personId, ct) ? Page() : NotFound();
        }
    }

    protected async Task<bool> LoadAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        var loaded = await work.LoadAsync(User, caseId, personId, tracked: false, ct);
        if (loaded?.Victim is null || loaded.Victim.MinimisedAt is not null)
        {
            return false;
        }

        Loaded = loaded;
        Version = loaded.Victim.Version;
        ViewData["Task"] = Title;
        ViewData["Caption"] = $"{loaded.Person.DisplayName} · case {loaded.Case.Reference}";
        ViewData["Back"] = JourneyHref;
        ViewData["BackText"] = $"Back to {loaded.Person.DisplayName}'s journey";
        return true;
    }

    public static IEnumerable<SelectListItem> Items<T>(Func<T, string> describe, params T[] only) where T : struct, Enum =>
        (only.Length > 0 ? only : Enum.GetValues<T>()).Select(v => new SelectListItem(describe(v), v.ToString()));

    protected static T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) ? v : null;

    protected static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
}
