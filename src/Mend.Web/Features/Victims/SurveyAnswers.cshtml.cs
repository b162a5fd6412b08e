using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records the victim's satisfaction survey answers, or makes a single-use link for them to answer themselves.</summary>
public sealed class SurveyAnswersModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class SurveyForm
    {
        public string? Satisfaction { get; set; }
        public string? FeltListenedTo { get; set; }
        public string? WouldRecommend { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Comments { get; set; }
    }

    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    public override string Title => "Satisfaction";

    public override bool ContactsTheVictim => true;

    /// <summary>The link just made, shown once.</summary>
    public string? SurveyLink { get; private set; }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.SurveyAsync(User, caseId, personId, Version, new(int.TryParse(Input.Satisfaction, out var score) ? score : null,
            YesOrNo(Input.FeltListenedTo), YesOrNo(Input.WouldRecommend), Input.Comments), ct), ct);

    public async Task<IActionResult> OnPostLinkAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        var made = await Work.SurveyLinkAsync(User, caseId, personId, Version, ct);
        if (!made.IsDone)
        {
            return await AnswerAsync(caseId, personId, made, ct);
        }

        await LoadAsync(caseId, personId, ct);
        ModelState.Clear();
        SurveyLink = $"{Request.Scheme}://{Request.Host}{made.Value!.Link}";
        return Page();
    }
}
