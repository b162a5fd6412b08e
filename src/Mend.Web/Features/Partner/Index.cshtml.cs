using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Partner;

/// <summary>A partner agency's user: the agreements in force that name them, and the cases those agreements cover (50 a page, newest referral first).</summary>
[Authorize(Policy = Policies.PartnerAccess)]
public sealed class IndexModel(SharingAgreements sharing, Platform.Audit.AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Reference, Cases.CaseStatus Status, DateOnly ReferralReceivedOn);

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public List<SharingAgreement> Agreements { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agreements = await sharing.InForceForAsync(User, ct);
        if (Agreements.Count == 0)
        {
            return;
        }

        var cases = sharing.CasesUnder(Agreements);
        Total = await cases.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await cases.OrderByDescending(c => c.ReferralReceivedOn).ThenBy(c => c.Reference).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.Reference, c.Status, c.ReferralReceivedOn)).ToListAsync(ct);
        audit.Record(Platform.Audit.AuditAction.View, "PartnerCaseList", purpose: $"Partner access under information-sharing agreements {string.Join(", ", Agreements.Select(a => a.Id))}",
            recipient: string.Join(", ", Agreements.Select(a => a.PartnerName).Distinct()), outcome: $"{Rows.Count} of {Total} cases listed");
        await audit.SaveAsync(ct);
    }
}
