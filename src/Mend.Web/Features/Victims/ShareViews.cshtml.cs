using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Victims;

/// <summary>Records that the victim's views were shared (a disclosure); refused without their agreement.</summary>
public sealed class ShareViewsModel(VictimWork work, MendDb db, AuditTrail audit) : VictimTaskPage(work, db, audit)
{
    public sealed class ShareForm
    {
        public string? ViewsId { get; set; }

        /// <summary>Up to 200 characters.</summary>
        public string? SharedWith { get; set; }
        public DateParts On { get; set; } = new();
    }

    [BindProperty]
    public ShareForm Input { get; set; } = new();

    public override string Title => "Record that views were shared";

    public IEnumerable<SelectListItem> ViewsItems =>
        Victim.Views.OrderByDescending(v => v.On).Select(v => new SelectListItem(
            $"Views for the {Words.Describe(v.DecisionMaker).ToLowerInvariant()}, {Words.Date(v.On)}", v.Id.ToString(CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(caseId, personId, await Work.ShareAsync(User, caseId, personId, Version,
            new(long.TryParse(Input.ViewsId, out var viewsId) ? viewsId : null, Input.SharedWith, Typed(Input.On, "on", "Date shared")), ct), ct, "Sharing of views recorded");
}
