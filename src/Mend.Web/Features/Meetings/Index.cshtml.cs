using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Meetings;

/// <summary>A case's professionals' meetings, newest first, with their open actions.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(ProfessionalMeetings meetings, CaseAccess access, Data.MendDb db, Platform.Audit.AuditTrail audit) : PageModel
{
    public Guid CaseId { get; private set; }
    public string Reference { get; private set; } = "";
    public List<ProfessionalMeeting> Meetings { get; private set; } = [];
    public DateOnly Today => meetings.Today;

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var reference = await access.VisibleCases(User).Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return NotFound();
        }

        (CaseId, Reference) = (caseId, reference);
        Meetings = await meetings.Visible(User).AsNoTracking().Where(m => m.CaseId == caseId).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.RecordedAt).ToListAsync(ct);
        if (Meetings.Count > 0)
        {
            audit.Viewed("ProfessionalMeetings", caseId.ToString(), await meetings.PeopleOnAsync(caseId, ct), ProfessionalMeetings.PurposeOfView);
            await db.SaveChangesAsync(ct);
        }

        return Page();
    }
}
