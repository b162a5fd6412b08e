using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records support the victim wanted or was referred to, and information about compensation.</summary>
public sealed class SupportModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class SupportForm
    {
        public string? Kind { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? To { get; set; }
        public string? Method { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Detail { get; set; }
        public DateParts On { get; set; } = new();

        /// <summary>Up to 1,000 characters; needed when the work is done after its due date.</summary>
        public string? LateReason { get; set; }
    }

    [BindProperty]
    public SupportForm Input { get; set; } = new();

    public override string Title => "Support and compensation information";

    public override bool ContactsTheVictim => true;

    public override IReadOnlyList<Entitlement> Meets => [Entitlement.SupportReferral];

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.RecordAsync(User, caseId, personId, Version, new(Parse<RecordKind>(Input.Kind), Typed(Input.On, "on", "Date"),
            Input.Detail, Input.To, null, null, Input.LateReason), ct), ct);
}
