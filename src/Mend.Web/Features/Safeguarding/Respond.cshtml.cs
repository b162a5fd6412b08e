using Mend.Web.Data;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Safeguarding;

/// <summary>Records what the agency decided; a further follow-up keeps the referral open, none closes it.</summary>
public sealed class RespondModel(SafeguardingReferrals referrals, MendDb db) : ReferralTaskPage(referrals, db)
{
    public sealed class ResponseForm
    {
        public string? Response { get; set; }
        public DateParts RespondedOn { get; set; } = new();
        public string? Notes { get; set; }
        public DateParts FollowUpOn { get; set; } = new();
    }

    [BindProperty]
    public ResponseForm Input { get; set; } = new();

    public override string Title => "Record the response";

    public static IEnumerable<SelectListItem> Responses => Enum.GetValues<SafeguardingResponse>().Select(r => new SelectListItem(SafeguardingWords.Describe(r), r.ToString()));

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (on, onError) = Input.RespondedOn.Parse("The date of the response");
        var (followUp, followUpError) = Input.FollowUpOn.Parse("The further follow-up date");
        ModelState.AddErrorIfAny("Input.RespondedOn", onError);
        ModelState.AddErrorIfAny("Input.FollowUpOn", followUpError);
        return await AnswerAsync(id, () => Referrals.RespondAsync(User, id, Version,
                new(Enum.TryParse<SafeguardingResponse>(Input.Response, out var response) ? response : null, on, Input.Notes, followUp), ct),
            r => r.IsOpen ? $"Response recorded; follow it up again by {r.FollowUpOn!.Value.ToGovUkDate()}" : "Response recorded; the referral is closed", ct);
    }
}
