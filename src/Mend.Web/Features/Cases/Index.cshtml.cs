using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>The worker's caseload ("My cases") and the team's referrals waiting for a decision.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(CaseAccess access, MendDb db, Assessments.AssessmentChecks checks, Victims.VictimDeadlines victimDeadlines, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Reference, string YoungPerson, CaseStatus Status, RiskLevel Risk, DateOnly? RiskReviewOn, DateTime? LastContact, string? AllocatedTo, DateOnly ReceivedOn);

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "risk";

    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "mine";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Approved assessments on these cases that are out of date or due for review soon.</summary>
    public IReadOnlyList<AssessmentDue> Reviews { get; private set; } = [];

    public sealed record AgreementDue(Guid ProcessId, string Reference, string What, string Who, DateOnly DueOn);

    public DateOnly Today => victimDeadlines.Today;

    /// <summary>Outcome-agreement items still open and due within a week (or overdue) on these cases.</summary>
    public IReadOnlyList<AgreementDue> AgreementsDue { get; private set; } = [];

    /// <summary>Victims' Code entitlements due within a week or overdue on these cases.</summary>
    public IReadOnlyList<(Victims.VictimDeadlines.Row Victim, Victims.EntitlementStatus Entitlement)> VictimsDue { get; private set; } = [];

    public sealed record AssessmentDue(Guid Id, string Reference, string PersonName, DateOnly? ReviewOn, IReadOnlyList<string> OutOfDate);

    public static IReadOnlyList<(string Key, string Text)> Sorts =>
        [("risk", "Risk level"), ("review", "Next review"), ("contact", "Last contact"), ("reference", "Reference")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var cases = access.VisibleCases(User).AsNoTracking();
        cases = View switch
        {
            "referrals" => cases.Where(c => c.Status == CaseStatus.Referred),
            "team" => cases.Where(c => c.Status == CaseStatus.Open),
            _ => cases.Where(c => c.AllocatedWorkerId == userId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred)),
        };

        var rows = await cases
            .Select(c => new
            {
                c.Id, c.Reference, c.Status, c.RiskLevel, c.RiskReviewOn, c.AllocatedWorkerName, c.ReferralReceivedOn,
                YoungPerson = db.CaseParticipants.Where(p => p.CaseId == c.Id && p.Role == ParticipantRole.YoungPerson)
                    .Join(db.People, p => p.PersonId, p => p.Id, (_, p) => (p.GivenName ?? "") + " " + (p.FamilyName ?? "")).FirstOrDefault(),
                LastContact = db.CaseNotes.Where(n => n.CaseId == c.Id).Max(n => (DateTime?)n.OccurredAt),
            })
            .Take(500)
            .ToListAsync(ct);
        if (View != "referrals")
        {
            await LoadReviewsAsync(cases.Where(c => c.Status == CaseStatus.Open), ct);
            var soon = victimDeadlines.Today.AddDays(7);
            var open = cases.Where(c => c.Status == CaseStatus.Open);
            var processes = await db.RjProcesses.AsNoTracking()
                .Where(p => open.Any(c => c.Id == p.CaseId) && p.Agreement.Any(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon))
                .Take(50).ToListAsync(ct);
            AgreementsDue = await AgreementsAsync(processes, soon, ct);
            VictimsDue = (await victimDeadlines.ForCasesAsync(cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Closed && c.ClosedAt > clock.GetUtcNow().UtcDateTime.AddDays(-30)), ct))
                .SelectMany(r => r.Entitlements.Where(e => e.IsOpen && e.DueOn <= soon).Select(e => (r, e))).OrderBy(x => x.e.DueOn).Take(50).ToList();
        }

        var mapped = rows.Select(r => new Row(r.Id, r.Reference, r.YoungPerson ?? "", r.Status, r.RiskLevel, r.RiskReviewOn, r.LastContact, r.AllocatedWorkerName, r.ReferralReceivedOn));
        Rows = Sort switch
        {
            "review" => mapped.OrderBy(r => r.RiskReviewOn ?? DateOnly.MaxValue).ThenBy(r => r.Reference).ToList(),
            "contact" => mapped.OrderBy(r => r.LastContact ?? DateTime.MinValue).ThenBy(r => r.Reference).ToList(),
            "reference" => mapped.OrderBy(r => r.Reference).ToList(),
            _ => mapped.OrderByDescending(r => r.Risk).ThenBy(r => r.RiskReviewOn ?? DateOnly.MaxValue).ThenBy(r => r.Reference).ToList(),
        };
    }

    private async Task LoadReviewsAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(checks.Settings.ReviewPromptDays);
        var approved = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == Assessments.AssessmentStatus.Approved && cases.Any(c => c.Id == a.CaseId))
            .OrderBy(a => a.ReviewOn).Take(500).ToListAsync(ct);
        var outOfDate = await checks.OutOfDateAsync(approved, today, ct);
        var due = approved.Where(a => a.ReviewOn <= soon || outOfDate.ContainsKey(a.Id)).Take(50).ToList();
        var caseIds = due.Select(a => a.CaseId).Distinct().ToList();
        var personIds = due.Select(a => a.PersonId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        Reviews = due.Select(a => new AssessmentDue(a.Id, references[a.CaseId], names[a.PersonId], a.ReviewOn, outOfDate.TryGetValue(a.Id, out var r) ? r : [])).ToList();
    }

    private async Task<IReadOnlyList<AgreementDue>> AgreementsAsync(IReadOnlyList<Processes.RjProcess> processes, DateOnly soon, CancellationToken ct)
    {
        var caseIds = processes.Select(p => p.CaseId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        return processes.SelectMany(p => p.Agreement.Where(i => i.Status == Processes.AgreementStatus.Open && i.DueOn <= soon)
                .Select(i => new AgreementDue(p.Id, references[p.CaseId], i.What, i.Who, i.DueOn)))
            .OrderBy(a => a.DueOn).ToList();
    }
}
