using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Victims;

/// <summary>Records a contact with the victim, or an attempt; refused when they must not be contacted that way.</summary>
public sealed class ContactModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class ContactForm
    {
        public string? Direction { get; set; }
        public string? Method { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? Via { get; set; }
        public string? AddressId { get; set; }
        public DateParts At { get; set; } = new();

        /// <summary>UK time, like 14:30; blank for a contact whose time was not noted.</summary>
        public string? AtTime { get; set; }
        public string? Outcome { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? NextStep { get; set; }
    }

    [BindProperty]
    public ContactForm Input { get; set; } = new();

    public override string Title => "Record a contact";

    public override bool ContactsTheVictim => true;

    public override IReadOnlyList<Entitlement> Meets => [Entitlement.RjInformation];

    public static IEnumerable<SelectListItem> DirectionItems =>
        [new("We contacted them", nameof(ContactDirection.Outgoing)), new("They contacted us", nameof(ContactDirection.Incoming))];

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        DateTime? at = null;
        if (Typed(Input.At, "at", "Date") is { } day)
        {
            var (utc, error) = London.ToUtc(day, string.IsNullOrWhiteSpace(Input.AtTime) ? "00:00" : Input.AtTime);
            if (error is not null)
            {
                ModelState.AddModelError("Input.AtTime", error);
                return await AnswerAsync(caseId, personId, Outcome<Victim>.Invalid(new Dictionary<string, string>()), ct);
            }

            at = utc;
        }

        return await AnswerAsync(caseId, personId, await Work.ContactAsync(User, caseId, personId, Version, new(at, Parse<ContactDirection>(Input.Direction),
            Parse<ContactMethod>(Input.Method), Input.Via, Parse<ContactOutcome>(Input.Outcome), Input.NextStep,
            long.TryParse(Input.AddressId, out var address) ? address : null, !string.IsNullOrWhiteSpace(Input.AtTime)), ct), ct);
    }
}
