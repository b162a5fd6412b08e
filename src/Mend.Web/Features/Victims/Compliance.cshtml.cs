using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Victims;

/// <summary>The Victims' Code compliance report over a period, for managers.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class ComplianceModel(CaseAccess access, VictimDeadlines deadlines, AuditTrail audit, Data.MendDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public ComplianceReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var (from, fromError) = From.Parse("Start date");
        var (to, toError) = To.Parse("End date");
        if (fromError is not null)
        {
            ModelState.AddModelError(nameof(From), fromError);
        }

        if (toError is not null)
        {
            ModelState.AddModelError(nameof(To), toError);
        }

        from ??= quarterStart;
        to ??= today;
        if (ModelState.IsValid)
        {
            foreach (var (field, message) in ComplianceReport.PeriodErrors(from, to, nameof(From), nameof(To)))
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        From = DateParts.From(from);
        To = DateParts.From(to);
        Report = ComplianceReport.Build(await deadlines.ForCasesAsync(access.VisibleCases(User), ct), from.Value, to.Value) with
        {
            Satisfaction = await VictimSatisfaction.ForAsync(db, access.VisibleCases(User), from.Value, to.Value, ct),
        };
        audit.Record(AuditAction.View, "VictimsCodeCompliance", null, purpose: ComplianceReport.Purpose(from, to));
        await db.SaveChangesAsync(ct);
    }
}
