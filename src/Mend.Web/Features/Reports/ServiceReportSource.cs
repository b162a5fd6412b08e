using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The restorative justice service report over a period, for the cases the user may see, from the report database:
/// referrals received in the period by source, and processes started in the period by kind and where they stand.
/// </summary>
public sealed class ServiceReportSource(ReportDatabase reports, TimeProvider clock)
{
    public async Task<ServiceReport> ForAsync(ClaimsPrincipal user, ReportPeriod period, CancellationToken ct)
    {
        var db = reports.Db;
        var visible = new CaseAccess(db, clock).VisibleCases(user);
        var sources = await visible.Where(c => c.ReferralReceivedOn >= period.From && c.ReferralReceivedOn <= period.To)
            .GroupBy(c => c.ReferralSource).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var (from, to) = (period.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1), period.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(2));
        var processes = (await db.RjProcesses.AsNoTracking().Where(p => visible.Any(c => c.Id == p.CaseId) && p.CreatedAt >= from && p.CreatedAt < to)
                .Select(p => new { p.Kind, p.Status, p.CreatedAt }).ToListAsync(ct))
            .Where(p => Platform.Time.London.DateOf(p.CreatedAt) is var day && day >= period.From && day <= period.To)
            .GroupBy(p => (p.Kind, p.Status))
            .Select(g => new ServiceReport.ProcessCount(ProcessWords.Describe(g.Key.Kind), ProcessWords.Describe(g.Key.Status), g.Count()))
            .OrderBy(p => p.Kind).ThenBy(p => p.Outcome).ToList();
        return new ServiceReport(period,
            Enum.GetValues<ReferralSource>().ToDictionary(s => s.ToString(), s => sources.FirstOrDefault(x => x.Key == s)?.Count ?? 0), processes);
    }
}
