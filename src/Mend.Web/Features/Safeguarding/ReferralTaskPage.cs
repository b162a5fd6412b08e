using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Safeguarding;

/// <summary>A page that changes one open referral (its response, a chase): the person as the caption, the referral's version, back to the referral.</summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class ReferralTaskPage(SafeguardingReferrals referrals, MendDb db) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    public SafeguardingReferral Referral { get; private set; } = default!;

    public abstract string Title { get; }

    protected SafeguardingReferrals Referrals => referrals;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Referral.Version;
        return Referral.IsOpen ? Page() : Redirect($"/Safeguarding/{id}");
    }

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var referral = await referrals.Visible(User).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return false;
        }

        Referral = referral;
        ViewData["Task"] = Title;
        ViewData["Caption"] = $"{await db.People.DisplayNameOfAsync(referral.PersonId, ct)}: referral to {referral.AgencyName}";
        ViewData["Back"] = $"/Safeguarding/{id}";
        return true;
    }

    /// <summary>Saves through <paramref name="save"/> and goes back to the referral, or shows the form again with its errors.</summary>
    protected async Task<IActionResult> AnswerAsync(Guid id, Func<Task<Outcome<SafeguardingReferral>>> save, Func<SafeguardingReferral, string> success, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await save();
            var answer = PageOutcome.Apply(outcome, ModelState);
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = success(outcome.Value!);
                return Redirect($"/Safeguarding/{id}");
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        ModelState.Remove(nameof(Version));
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Referral.Version;
        return Page();
    }
}
