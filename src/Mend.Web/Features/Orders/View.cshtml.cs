using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>One order, read-only: its dates, compliance, requirements, appointments, warnings and breach actions, with the tasks on offer.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(MendDb db, CaseAccess access, RecordOrders record, AuditTrail audit, TimeProvider clock) : PageModel
{
    public Order Order { get; private set; } = default!;

    public Compliance Compliance { get; private set; } = default!;

    public string CaseReference { get; private set; } = "";

    public string ChildName { get; private set; } = "";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyDictionary<long, FailureStep> Steps { get; private set; } = new Dictionary<long, FailureStep>();

    public bool IsManager => User.IsInRole(Roles.Manager);

    public sealed record VictimViews(Guid PersonId, string Name, DateOnly On, bool Shared);

    /// <summary>For a referral order: the victims' views recorded for a referral order panel on the case.</summary>
    public IReadOnlyList<VictimViews> VictimsViews { get; private set; } = [];

    public IReadOnlyDictionary<int, string> ProjectNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var order = await access.VisibleOrders(User).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return NotFound();
        }

        Order = order;
        Compliance = await record.ComplianceAsync(order, ct);
        Steps = CompliancePolicy.Steps(order).ToDictionary(s => s.ContactId);
        CaseReference = await db.Cases.Where(c => c.Id == order.CaseId).Select(c => c.Reference).SingleAsync(ct);
        ChildName = await OrderPeople.ChildNameAsync(db, order.CaseId, ct);
        var projectIds = order.Reparation.Select(r => r.ProjectId).Distinct().ToList();
        var agencyIds = order.Plan.Select(a => a.AgencyId).OfType<int>().Distinct().ToList();
        AgencyNames = await db.PartnerAgencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        ProjectNames = await db.ReparationProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        if (order.Kind == DisposalKind.ReferralOrder)
        {
            var victims = await db.Victims.AsNoTracking().Where(v => v.CaseId == order.CaseId && v.MinimisedAt == null).ToListAsync(ct);
            var names = await People.PersonNames.OfAsync(db, victims.Select(v => v.PersonId), ct);
            VictimsViews = victims.SelectMany(v => v.Views.Where(w => w.DecisionMaker == Victims.DecisionMaker.ReferralOrderPanel)
                .Select(w => new VictimViews(v.PersonId, names.GetValueOrDefault(v.PersonId, "A victim"), w.On, w.Shares.Count > 0))).ToList();
        }

        audit.Viewed(nameof(Orders.Order), id.ToString(), await OrderPeople.ChildrenAsync(db, order.CaseId, ct), Order.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not set";
}
