using System.Security.Claims;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Home;

/// <summary>
/// The home page says what to do next: for case workers, today's meetings, what is due or overdue on their own cases
/// and new notifications; for managers also the assessments waiting for them; for everyone the links their roles allow.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Data.MendDb db, CaseAccess access, WorkDue workDue, MeetingDiary diary, Visits.LoneWorking loneWorking, Safeguarding.SafeguardingReferrals safeguarding, TimeProvider clock) : PageModel
{
    public sealed record Meeting(Guid ProcessId, string CaseReference, string Kind, DateTime StartsAt, DateTime EndsAt, string? Place, string Part);

    public int NewNotifications { get; private set; }

    public IReadOnlyList<Notifications.Notification> Latest { get; private set; } = [];

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool DoesCaseWork { get; private set; }

    /// <summary>The user's visits today, not cancelled, and the live one first.</summary>
    public List<Visits.Visit> Visits { get; private set; } = [];

    /// <summary>Open lone-working alerts the user may act on (a manager: all; others: as buddy or second worker).</summary>
    public int OpenAlerts { get; private set; }

    public IReadOnlyList<Meeting> Today { get; private set; } = [];

    public WorkDue.Summary Due { get; private set; } = WorkDue.Summary.None(default);

    public int AwaitingApproval { get; private set; }

    /// <summary>Open safeguarding referrals the user made or holds the case for, whose follow-up is today or overdue.</summary>
    public int SafeguardingFollowUps { get; private set; }

    /// <summary>Records due for disposal waiting for this user: review (a data protection officer) or approval (an officer or a manager).</summary>
    public int DisposalsWaiting { get; private set; }

    /// <summary>For a data protection officer: subject-access requests not yet released, and how many of them are past their deadline.</summary>
    public int OpenRequests { get; private set; }

    public int OverdueRequests { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var unread = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null);
        NewNotifications = await unread.CountAsync(ct);
        Latest = await unread.OrderByDescending(n => n.CreatedAt).Take(5).ToListAsync(ct);
        DisplayName = User.DisplayNameOf();
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        DoesCaseWork = User.IsInRole(Platform.Auth.Roles.Practitioner) || User.IsInRole(Platform.Auth.Roles.Manager);
        var officer = User.IsInRole(Platform.Auth.Roles.DataProtectionOfficer);
        if (officer || User.IsInRole(Platform.Auth.Roles.Manager))
        {
            DisposalsWaiting = await db.Disposals.CountAsync(d => (officer && d.Status == DataProtection.DisposalStatus.Due)
                || (d.Status == DataProtection.DisposalStatus.Reviewed && d.ReviewedById != userId), ct);
        }

        if (officer)
        {
            var today = Platform.Time.London.LondonToday(clock);
            var open = db.SubjectAccessRequests.IgnoreAutoIncludes().Where(r => r.Status != DataProtection.AccessRequestStatus.Released && r.Status != DataProtection.AccessRequestStatus.Closed);
            OpenRequests = await open.CountAsync(ct);
            OverdueRequests = await open.CountAsync(r => r.DueOn < today, ct);
        }
        if (!DoesCaseWork)
        {
            return;
        }

        var mine = access.VisibleCases(User).AsNoTracking()
            .Where(c => c.AllocatedWorkerId == userId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred));
        Due = await workDue.ForAsync(access.VisibleCases(User).AsNoTracking().Where(c => c.AllocatedWorkerId == userId), ct);
        Today = await TodaysMeetingsAsync(userId, mine, ct);
        var day = Platform.Time.London.LondonToday(clock);
        var (from, to) = (Platform.Time.London.StartOfDayUtc(day), Platform.Time.London.StartOfDayUtc(day.AddDays(1)));
        Visits = await db.Visits.AsNoTracking()
            .Where(v => (v.WorkerId == userId || v.SecondWorkerId == userId) && v.Status != Features.Visits.VisitStatus.Cancelled
                && ((v.StartsAt < to && v.ExpectedEndAt >= from) || v.Status == Features.Visits.VisitStatus.InProgress))
            .OrderBy(v => v.Status != Features.Visits.VisitStatus.InProgress).ThenBy(v => v.StartsAt).Take(20).ToListAsync(ct);
        SafeguardingFollowUps = await safeguarding.FollowUpsDueAsync(User, ct);
        OpenAlerts = await loneWorking.VisibleAlerts(User).CountAsync(a => a.EndedAt == null && !db.Visits.Any(v => v.Id == a.VisitId && v.WorkerId == userId), ct);
        if (User.IsInRole(Platform.Auth.Roles.Manager))
        {
            AwaitingApproval = await db.Assessments.CountAsync(a => a.Status == Assessments.AssessmentStatus.Submitted && a.NeedsManagerApproval
                && access.VisibleCases(User).Any(c => c.Id == a.CaseId) && a.SubmittedById != userId, ct);
        }
    }

    /// <summary>Meetings today (UK time) that the user facilitates, or on cases allocated to them.</summary>
    private async Task<IReadOnlyList<Meeting>> TodaysMeetingsAsync(Guid userId, IQueryable<Case> mine, CancellationToken ct)
    {
        var today = clock.LondonToday();
        var (from, to) = (London.StartOfDayUtc(today), London.StartOfDayUtc(today.AddDays(1)));
        var processes = await db.RjProcesses.AsNoTracking()
            .Where(p => p.Status == ProcessStatus.Scheduled && p.StartsAt >= from && p.StartsAt < to
                && (p.FacilitatorId == userId || p.CoFacilitatorId == userId || mine.Any(c => c.Id == p.CaseId)))
            .OrderBy(p => p.StartsAt).Take(20).ToListAsync(ct);
        var entries = await diary.EntriesAsync(processes, ct);
        return processes.Zip(entries, (p, e) => new Meeting(p.Id, e.CaseReference, ProcessWords.Describe(p.Kind), p.StartsAt!.Value, p.EndsAt!.Value, e.Place,
            p.FacilitatorId == userId ? "You are facilitating" : p.CoFacilitatorId == userId ? "You are co-facilitating" : "On your case")).ToList();
    }
}
