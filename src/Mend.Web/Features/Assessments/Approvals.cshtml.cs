using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>The managers' queue: assessments waiting for approval on cases they can see, oldest first, with why each needs them.</summary>
[Authorize(Policy = Policies.ManageCases)]
public sealed class ApprovalsModel(MendDb db, AssessmentChecks checks) : PageModel
{
    public sealed record Row(Guid Id, string CaseReference, string PersonName, string Role, string SubmittedBy, DateTime SubmittedAt, IReadOnlyList<string> Reasons, bool Own);

    public const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var waiting = checks.Visible(User).AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted && a.NeedsManagerApproval);
        Total = await waiting.CountAsync(ct);
        var userId = User.UserId();
        var rows = await waiting.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id,
                a.Role,
                a.SubmittedByName,
                a.SubmittedAt,
                a.ApprovalReasons,
                a.SubmittedById,
                a.AssessorId,
                Reference = db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).First(),
                Person = db.People.Where(p => p.Id == a.PersonId).Select(p => p.Kind == PersonKind.Organisation ? p.OrganisationName : (p.GivenName ?? "") + " " + (p.FamilyName ?? "")).First(),
            })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Reference, r.Person ?? "", Cases.CaseWords.Describe(r.Role), r.SubmittedByName ?? "", r.SubmittedAt!.Value,
            r.ApprovalReasons?.Split('\n') ?? [], r.SubmittedById == userId || r.AssessorId == userId)).ToList();
    }
}
