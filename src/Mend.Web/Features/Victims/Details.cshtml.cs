using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Victims;

/// <summary>How the victim's details reached the service, enhanced rights, and how (and how not) to contact them.</summary>
public sealed class DetailsModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class DetailsForm
    {
        public string? Source { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public List<string> Enhanced { get; set; } = [];
        public string? PreferredMethod { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? SafeTimes { get; set; }
        public List<string> BlockedMethods { get; set; } = [];
        public List<string> UnsafeAddressIds { get; set; } = [];
    }

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    public override string Title => "How to contact them";

    protected override void Prefill()
    {
        Input.Source = Victim.DetailsSource.ToString();
        Input.ReceivedOn = DateParts.From(Victim.DetailsReceivedOn);
        Input.Enhanced = Enum.GetValues<EnhancedReasons>().Where(r => r != EnhancedReasons.None && Victim.Enhanced.HasFlag(r)).Select(r => r.ToString()).ToList();
        Input.PreferredMethod = Victim.PreferredMethod?.ToString();
        Input.SafeTimes = Victim.SafeTimes;
        Input.BlockedMethods = Enum.GetValues<ContactMethod>().Where(m => Victim.BlockedMethods.HasFlag(Words.AsFlag(m))).Select(m => m.ToString()).ToList();
        Input.UnsafeAddressIds = Victim.UnsafeAddresses.Select(u => u.PersonAddressId.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.ChangeDetailsAsync(User, caseId, personId, Version, new(Parse<DetailsSource>(Input.Source),
            Typed(Input.ReceivedOn, "receivedOn", "Date the details were received"), Input.Enhanced.Select(Parse<EnhancedReasons>).OfType<EnhancedReasons>().ToList(),
            Parse<ContactMethod>(Input.PreferredMethod), Input.SafeTimes, Input.BlockedMethods.Select(Parse<ContactMethod>).OfType<ContactMethod>().ToList(),
            Input.UnsafeAddressIds.Select(a => long.TryParse(a, out var id) ? id : -1).ToList()), ct), ct);
}
