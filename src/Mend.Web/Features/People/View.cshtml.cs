using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>A person's record: warnings first, then their details, address history and cases.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, CaseAccess access, AuditTrail audit, Safeguarding.SafeguardingReferrals safeguarding, TimeProvider clock) : PageModel
{
    public sealed record CaseRow(Guid Id, string Reference, CaseStatus Status, ParticipantRole Role, bool Visible);

    public Person Person { get; private set; } = default!;

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public bool NeedsBreakGlass { get; private set; }

    /// <summary>Set when this record was merged into another: the page then only points to it.</summary>
    public PersonMerge? MergedInto { get; private set; }

    public IReadOnlyList<PersonMerge> MergedFrom { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public DateOnly Today => clock.LondonToday();

    /// <summary>Safeguarding referrals about the person, newest first (what, to whom, when: the reasons are on each referral's page).</summary>
    public IReadOnlyList<Safeguarding.SafeguardingReferrals.Listed> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        MergedInto = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.MergedId == id, ct);
        if (MergedInto is not null)
        {
            return Page();
        }

        if (!await access.VisiblePeople(User).AnyAsync(p => p.Id == id, ct))
        {
            NeedsBreakGlass = true;
            return Page();
        }

        await LoadAsync(id, ct);
        Referrals = await safeguarding.ForPersonAsync(User, id, ct);
        audit.Record(AuditAction.View, nameof(Person), id.ToString(), subjectPersonId: id, purpose: Person.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>Opens a restricted record with a reason, which managers can review.</summary>
    public async Task<IActionResult> OnPostBreakGlassAsync(Guid id, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var (reason, error) = BreakGlass.CheckReason(Reason, "record");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Reason), error);
            NeedsBreakGlass = true;
            return Page();
        }

        db.BreakGlass.Add(BreakGlass.ForPerson(id, User.UserId(), User.DisplayNameOf(), reason!, clock.GetUtcNow().UtcDateTime));
        audit.Record(AuditAction.BreakGlass, nameof(Person), id.ToString(), subjectPersonId: id, purpose: reason, outcome: "break-glass");
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Person = await db.People.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == id, ct);
        MergedFrom = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == id).OrderByDescending(m => m.MergedAt).ToListAsync(ct);
        var visible = access.VisibleCases(User).Select(c => c.Id);
        Cases = await db.CaseParticipants.AsNoTracking().Where(cp => cp.PersonId == id && cp.EndedAt == null)
            .Join(db.Cases, cp => cp.CaseId, c => c.Id, (cp, c) => new { c.Id, c.Reference, c.Status, cp.Role, c.CreatedAt })
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new CaseRow(c.Id, c.Reference, c.Status, c.Role, visible.Contains(c.Id)))
            .ToListAsync(ct);
    }
}
