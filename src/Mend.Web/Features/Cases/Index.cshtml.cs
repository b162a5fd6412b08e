using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>The worker's caseload ("My cases") and the team's referrals waiting for a decision.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(CaseAccess access, MendDb db, WorkDue workDue, Staff.CoverArrangements cover) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string YoungPerson, CaseStatus Status, RiskLevel Risk, DateOnly? RiskReviewOn, DateTime? LastContact, string? AllocatedTo, DateOnly ReceivedOn);

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "risk";

    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "mine";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The absent colleagues whose caseloads the user covers today, by name (the "Covering" tab shows when there are any).</summary>
    public IReadOnlyList<string> Covering { get; private set; } = [];

    /// <summary>Victims, agreement items and assessment reviews due this week or overdue on these cases.</summary>
    public WorkDue.Summary Due { get; private set; } = WorkDue.Summary.None(default);

    public static IReadOnlyList<(string Key, string Text)> Sorts =>
        [("risk", "Risk level"), ("review", "Next review"), ("contact", "Last contact"), ("reference", "Reference")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var visible = access.VisibleCases(User).AsNoTracking();
        var covered = cover.CoveredBy(userId, workDue.Today);
        Covering = await db.Users.Where(u => covered.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(ct);
        var cases = View switch
        {
            "covering" => visible.Where(c => covered.Any(a => a == c.AllocatedWorkerId) && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred)),
            "referrals" => visible.Where(c => c.Status == CaseStatus.Referred),
            "team" => visible.Where(c => c.Status == CaseStatus.Open),
            _ => visible.Where(c => c.AllocatedWorkerId == userId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred)),
        };

        var rows = await cases
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.Status,
                c.RiskLevel,
                c.RiskReviewOn,
                c.AllocatedWorkerName,
                c.ReferralReceivedOn,
                YoungPerson = db.CaseParticipants.Where(p => p.CaseId == c.Id && p.Role == ParticipantRole.YoungPerson)
                    .Join(db.People, p => p.PersonId, p => p.Id, (_, p) => (p.GivenName ?? "") + " " + (p.FamilyName ?? "")).FirstOrDefault(),
                LastContact = db.CaseNotes.Where(n => n.CaseId == c.Id).Max(n => (DateTime?)n.OccurredAt),
            })
            .Take(500)
            .ToListAsync(ct);
        // Whatever their status: WorkDue picks the open cases, and for victims the conclusion notices of cases closed lately.
        Due = View switch
        {
            "referrals" => WorkDue.Summary.None(workDue.Today),
            "team" => await workDue.ForAsync(visible, ct),
            "covering" => await workDue.ForAsync(visible.Where(c => covered.Any(a => a == c.AllocatedWorkerId)), ct),
            _ => await workDue.ForAsync(visible.Where(c => c.AllocatedWorkerId == userId), ct),
        };

        var mapped = rows.Select(r => new Row(r.Id, r.Reference, r.YoungPerson ?? "", r.Status, r.RiskLevel, r.RiskReviewOn, r.LastContact, r.AllocatedWorkerName, r.ReferralReceivedOn));
        Rows = Sort switch
        {
            "review" => mapped.OrderBy(r => r.RiskReviewOn ?? DateOnly.MaxValue).ThenBy(r => r.Reference).ToList(),
            "contact" => mapped.OrderBy(r => r.LastContact ?? DateTime.MinValue).ThenBy(r => r.Reference).ToList(),
            "reference" => mapped.OrderBy(r => r.Reference).ToList(),
            _ => mapped.OrderByDescending(r => r.Risk).ThenBy(r => r.RiskReviewOn ?? DateOnly.MaxValue).ThenBy(r => r.Reference).ToList(),
        };
    }
}
