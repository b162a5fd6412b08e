using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Safeguarding;

/// <summary>One safeguarding referral: why, to whom, the response, the person's active warnings, and what to do next. Each view is audited.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(SafeguardingReferrals referrals, MendDb db, FieldEncryption encryption, AuditTrail audit) : PageModel
{
    public SafeguardingReferral Referral { get; private set; } = default!;
    public string PersonName { get; private set; } = "";
    public string? CaseReference { get; private set; }
    public string Reason { get; private set; } = "";
    public string? ResponseNotes { get; private set; }
    public IReadOnlyList<PersonFlag> Warnings { get; private set; } = [];
    public DateOnly Today => referrals.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var referral = await referrals.Visible(User).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        Referral = referral;
        PersonName = await db.People.DisplayNameOfAsync(referral.PersonId, ct);
        CaseReference = referral.CaseId is { } caseId ? await db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct) : null;
        Reason = referral.ReadReason(encryption);
        ResponseNotes = referral.ReadResponse(encryption);
        Warnings = await db.PersonFlags.AsNoTracking().Where(f => f.PersonId == referral.PersonId && f.RemovedAt == null).OrderBy(f => f.SetAt).ToListAsync(ct);
        audit.Viewed(nameof(SafeguardingReferral), id.ToString(), [referral.PersonId], SafeguardingReferrals.PurposeOfView);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
