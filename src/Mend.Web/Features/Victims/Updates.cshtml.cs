using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>Records a progress update given to the victim, or the notice that the case has concluded.</summary>
public sealed class UpdatesModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class UpdateForm
    {
        public string? Kind { get; set; }
        public string? Method { get; set; }

        /// <summary>Up to 4,000 characters, kept encrypted.</summary>
        public string? Detail { get; set; }
        public DateParts On { get; set; } = new();

        /// <summary>Up to 1,000 characters; needed when the work is done after its due date.</summary>
        public string? LateReason { get; set; }
    }

    [BindProperty]
    public UpdateForm Input { get; set; } = new();

    public override string Title => "Keeping them informed";

    public override bool ContactsTheVictim => true;

    public override IReadOnlyList<Entitlement> Meets => [Entitlement.ProgressUpdate, Entitlement.ConclusionNotice];

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.RecordAsync(User, caseId, personId, Version, new(Parse<RecordKind>(Input.Kind), Typed(Input.On, "on", "Date"),
            Input.Detail, null, null, Parse<ContactMethod>(Input.Method), Input.LateReason), ct), ct);
}
