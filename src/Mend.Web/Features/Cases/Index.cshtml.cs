using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>The worker's caseload ("My cases") and the team's referrals waiting for a decision, <see cref="PageSize"/> a page, sorted by the database.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(CaseAccess access, MendDb db, WorkDue workDue, Staff.CoverArrangements cover, QueryBatch batch) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string YoungPerson, CaseStatus Status, RiskLevel Risk, DateOnly? RiskReviewOn, DateTime? LastContact, string? AllocatedTo, DateOnly ReceivedOn);

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "risk";

    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "mine";

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>Cases a page: a worker's whole caseload usually fits on one; a team's open cases may run to many pages.</summary>
    public const int PageSize = 100;

    /// <summary>How many cases the list holds in all pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

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
        // Everything the page shows is read in one batch (one round trip on PostgreSQL), then what the work due depends on in
        // one more (decision 0021).
        var covering = batch.Add(db.Users.Where(u => covered.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName));
        var cases = View switch
        {
            "covering" => visible.Where(c => covered.Any(a => a == c.AllocatedWorkerId) && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred)),
            "referrals" => visible.Where(c => c.Status == CaseStatus.Referred),
            "team" => visible.Where(c => c.Status == CaseStatus.Open),
            _ => visible.Where(c => c.AllocatedWorkerId == userId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred)),
        };

        var projected = cases.Select(c => new
        {
            c.Id,
            c.Reference,
            c.Status,
            c.RiskLevel,
            // The risk levels are stored by name, so the database is told their order.
            RiskRank = c.RiskLevel == RiskLevel.VeryHigh ? 0 : c.RiskLevel == RiskLevel.High ? 1 : c.RiskLevel == RiskLevel.Medium ? 2 : c.RiskLevel == RiskLevel.Low ? 3 : 4,
            c.RiskReviewOn,
            c.AllocatedWorkerName,
            c.ReferralReceivedOn,
            YoungPerson = db.CaseParticipants.Where(p => p.CaseId == c.Id && p.Role == ParticipantRole.YoungPerson)
                .Join(db.People, p => p.PersonId, p => p.Id, (_, p) => (p.GivenName ?? "") + " " + (p.FamilyName ?? "")).FirstOrDefault(),
            LastContact = db.CaseNotes.Where(n => n.CaseId == c.Id).Max(n => (DateTime?)n.OccurredAt),
        });
        var sorted = Sort switch
        {
            "review" => projected.OrderBy(r => r.RiskReviewOn == null).ThenBy(r => r.RiskReviewOn).ThenBy(r => r.Reference),
            "contact" => projected.OrderBy(r => r.LastContact != null).ThenBy(r => r.LastContact).ThenBy(r => r.Reference),
            "reference" => projected.OrderBy(r => r.Reference),
            _ => projected.OrderBy(r => r.RiskRank).ThenBy(r => r.RiskReviewOn == null).ThenBy(r => r.RiskReviewOn).ThenBy(r => r.Reference),
        };
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        var page = batch.Add(sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize));
        var count = batch.Add(cases.GroupBy(c => 1).Select(g => g.Count())); // no row when there are no cases
        // Whatever their status: WorkDue picks the open cases, and for victims the conclusion notices of cases closed lately.
        var due = View switch
        {
            "referrals" => null,
            "team" => await workDue.StartAsync(batch, visible, ct),
            "covering" => await workDue.StartAsync(batch, visible.Where(c => covered.Any(a => a == c.AllocatedWorkerId)), ct),
            _ => await workDue.StartAsync(batch, visible.Where(c => c.AllocatedWorkerId == userId), ct),
        };
        await batch.RunAsync(ct);
        Covering = covering.Rows;
        var rows = page.Rows;
        Total = count.Rows.SingleOrDefault();
        if (rows.Count == 0 && PageNumber > PageCount)
        {
            PageNumber = PageCount;
            rows = await sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        }
        Due = due is null ? WorkDue.Summary.None(workDue.Today) : await due.FinishAsync(ct);

        Rows = rows.Select(r => new Row(r.Id, r.Reference, r.YoungPerson ?? "", r.Status, r.RiskLevel, r.RiskReviewOn, r.LastContact, r.AllocatedWorkerName, r.ReferralReceivedOn)).ToList();
    }
}
