using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records one of the victim's dated choices; No withdraws it at once.</summary>
public sealed class ChoiceModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class ChoiceForm
    {
        public string? Kind { get; set; }
        public string? Agreed { get; set; }
        public DateParts On { get; set; } = new();

        /// <summary>Up to 1,000 characters.</summary>
        public string? Note { get; set; }
    }

    [BindProperty]
    public ChoiceForm Input { get; set; } = new();

    public override string Title => "Consent and choices";

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.ChoiceAsync(User, caseId, personId, Version,
            new(Parse<ChoiceKind>(Input.Kind), YesOrNo(Input.Agreed), Typed(Input.On, "on", "Date"), Input.Note), ct), ct);
}
