using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Safeguarding;

/// <summary>Records a safeguarding referral about someone, from their page or a case: to whom, when, why, and when to chase it.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ReferModel(SafeguardingReferrals referrals, CaseAccess access, TimeProvider clock) : PageModel
{
    public sealed class ReferForm
    {
        public DateParts MadeOn { get; set; } = new();
        public string? Agency { get; set; }
        public string? AgencyName { get; set; }
        public string? Reason { get; set; }
        public DateParts FollowUpOn { get; set; } = new();
    }

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CaseId { get; set; }

    [BindProperty]
    public ReferForm Input { get; set; } = new();

    public static IEnumerable<SelectListItem> Agencies => Enum.GetValues<SafeguardingAgency>().Select(a => new SelectListItem(SafeguardingWords.Describe(a), a.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.LondonToday();
        Input.MadeOn = DateParts.From(today);
        Input.FollowUpOn = DateParts.From(today.AddDays(2));
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (made, madeError) = Input.MadeOn.Parse("The date the referral was made");
        var (followUp, followUpError) = Input.FollowUpOn.Parse("The follow-up date");
        ModelState.AddErrorIfAny("Input.MadeOn", madeError);
        ModelState.AddErrorIfAny("Input.FollowUpOn", followUpError);
        SafeguardingAgency? agency = Enum.TryParse<SafeguardingAgency>(Input.Agency, out var a) ? a : null;
        if (!ModelState.IsValid)
        {
            // A date that is not a date: name the other fields' problems too, so everything is fixed in one go.
            foreach (var (field, message) in SafeguardingReferral.Problems(new(PersonId, CaseId, made ?? referrals.Today, agency, Input.AgencyName, Input.Reason, followUp ?? made ?? referrals.Today), referrals.Today)
                         .Where(p => p.Key is not ("madeOn" or "followUpOn" or "personId")))
            {
                ModelState.AddModelError("Input." + PageOutcome.InputName(field), message);
            }
        }
        else
        {
            var outcome = await referrals.MakeAsync(User, new(PersonId, CaseId, made, agency, Input.AgencyName, Input.Reason, followUp), ct);
            var answer = PageOutcome.Apply(outcome, ModelState, field => field is "personId" or "caseId" or "" ? "" : "Input." + PageOutcome.InputName(field));
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = $"Safeguarding referral recorded; follow it up by {outcome.Value!.FollowUpOn!.Value.ToGovUkDate()}";
                return Redirect($"/Safeguarding/{outcome.Value.Id}");
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.VisiblePeople(User).AnyAsync(p => p.Id == PersonId, ct))
        {
            return false;
        }

        var name = await access.VisiblePeople(User).DisplayNameOfAsync(PersonId, ct);

        var reference = CaseId is { } caseId ? await access.VisibleCases(User).Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct) : null;
        ViewData["Task"] = "Record a safeguarding referral";
        ViewData["Caption"] = reference is null ? name : $"{name}, case {reference}";
        ViewData["Back"] = CaseId is { } back && reference is not null ? $"/Cases/{back}" : $"/People/{PersonId}";
        return true;
    }
}
