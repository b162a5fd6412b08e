using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records the victim's views for a panel, out-of-court decision, court or Parish Hall Enquiry.</summary>
public sealed class ViewsModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class ViewsForm
    {
        public string? DecisionMaker { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Views { get; set; }
        public string? WantsToAttend { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? RepresentedBy { get; set; }
        public DateParts On { get; set; } = new();
    }

    [BindProperty]
    public ViewsForm Input { get; set; } = new();

    public override string Title => "Their views for the decision-maker";

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.ViewsAsync(User, caseId, personId, Version, new(Parse<DecisionMaker>(Input.DecisionMaker), Input.Views,
            YesOrNo(Input.WantsToAttend), Input.RepresentedBy, Typed(Input.On, "on", "Date the views were given")), ct), ct);
}
