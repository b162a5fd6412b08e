using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records whether it is appropriate to invite the victim into a restorative process, and why (Victims' Code).</summary>
public sealed class DecisionModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class DecisionForm
    {
        public string? Appropriate { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Reasons { get; set; }
        public DateParts On { get; set; } = new();
    }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public override string Title => "Decide whether to invite them into a restorative process";

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.DecideAsync(User, caseId, personId, Version,
            new(YesOrNo(Input.Appropriate), Input.Reasons, Typed(Input.On, "on", "Date of the decision")), ct), ct);
}
