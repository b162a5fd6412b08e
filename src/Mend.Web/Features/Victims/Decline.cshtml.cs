using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records that the victim no longer wants the service (every choice withdrawn at once), or that they have come back.</summary>
public sealed class DeclineModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class DeclineForm
    {
        public DateParts On { get; set; } = new();
    }

    [BindProperty]
    public DeclineForm Input { get; set; } = new();

    public override string Title => "The victim no longer wants the service";

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.DeclineAsync(User, caseId, personId, Version, Typed(Input.On, "on", "Date they declined"), ct), ct,
            "Recorded that they declined the service");

    public async Task<IActionResult> OnPostReturnAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.ReturnToServiceAsync(User, caseId, personId, Version, ct), ct, "Recorded that they came back to the service");
}
