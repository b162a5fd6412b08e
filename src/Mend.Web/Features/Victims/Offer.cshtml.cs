using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records that restorative justice was explained and offered, and what the victim said.</summary>
public sealed class OfferModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class OfferForm
    {
        public string? Method { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Detail { get; set; }
        public DateParts On { get; set; } = new();

        /// <summary>Up to 1,000 characters; needed when the work is done after its due date.</summary>
        public string? LateReason { get; set; }
        public string? Response { get; set; }
    }

    [BindProperty]
    public OfferForm Input { get; set; } = new();

    public override string Title => "Offer of restorative justice";

    public override bool ContactsTheVictim => true;

    public override IReadOnlyList<Entitlement> Meets => [Entitlement.RjInformation];

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.RecordAsync(User, caseId, personId, Version, new(RecordKind.RjInformation, Typed(Input.On, "on", "Date RJ was explained"),
            Input.Detail, null, Parse<RjResponse>(Input.Response), Parse<ContactMethod>(Input.Method), Input.LateReason), ct), ct);
}
