using Mend.Web.Data;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Safeguarding;

/// <summary>The agency was chased and has not yet answered: when to follow up next.</summary>
public sealed class ChaseModel(SafeguardingReferrals referrals, MendDb db) : ReferralTaskPage(referrals, db)
{
    public sealed class ChaseForm
    {
        public DateParts FollowUpOn { get; set; } = new();
    }

    [BindProperty]
    public ChaseForm Input { get; set; } = new();

    public override string Title => "Chased: set the next follow-up";

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (next, error) = Input.FollowUpOn.Parse("The next follow-up date");
        ModelState.AddErrorIfAny("Input.FollowUpOn", error);
        return await AnswerAsync(id, () => Referrals.ChaseAsync(User, id, Version, next, ct), r => $"Chase recorded; follow it up by {r.FollowUpOn!.Value.ToGovUkDate()}", ct);
    }
}
