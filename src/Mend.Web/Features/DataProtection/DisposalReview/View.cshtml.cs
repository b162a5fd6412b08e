using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.DataProtection.DisposalReview;

/// <summary>
/// One record due for disposal: what it is, the rule, and the two steps. A data protection officer reviews it; another
/// data protection officer or a manager approves, confirming they understand the record cannot be brought back, and it is
/// erased at once. Once erased, the page is the destruction record.
/// </summary>
[Authorize(Policy = Policies.ApproveDisposal)]
public sealed class ViewModel(Disposals disposals) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The approver's confirmation that erasure cannot be undone: "yes" when ticked.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    public Disposal Item { get; private set; } = default!;

    public List<(string Label, string Value)> Facts { get; private set; } = [];

    public LegalHold? HeldBy { get; private set; }

    public bool OpenRequest { get; private set; }

    public string? CaseReference { get; private set; }

    public bool IsOfficer => User.IsInRole(Roles.DataProtectionOfficer);

    public bool IsReviewer => Item.ReviewedById == User.UserId();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(long id, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }

        var answer = PageOutcome.Apply(await disposals.ReviewAsync(User, id, Version, ct), ModelState);
        return await this.AnswerOnSamePageAsync(answer, "Reviewed. Another data protection officer or a manager must now approve the disposal", new { id }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (Confirm != "yes")
        {
            ModelState.AddModelError(nameof(Confirm), "Confirm that you understand the record will be erased and cannot be brought back");
            return await LoadAsync(id, ct, freshVersion: false) ? Page() : NotFound();
        }

        var outcome = await disposals.ApproveAsync(User, id, Version, ct);
        var answer = PageOutcome.Apply(outcome, ModelState);
        return await this.AnswerOnSamePageAsync(answer, $"Erased: {outcome.Value?.Erased}", new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct, bool freshVersion = true)
    {
        if (await disposals.OneAsync(id, ct) is not { } item)
        {
            return false;
        }

        Item = item;
        if (freshVersion)
        {
            Version = item.Version;
        }

        Facts = await disposals.DescribeAsync(User, item, ct);
        CaseReference = Facts.Where(f => f.Label == "Case").Select(f => f.Value.Split(' ')[0]).FirstOrDefault();
        (HeldBy, OpenRequest) = await disposals.KeptByAsync(item, ct);
        return true;
    }
}
