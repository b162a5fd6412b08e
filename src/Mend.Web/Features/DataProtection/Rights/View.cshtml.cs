using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Rights;

/// <summary>One request to correct or restrict: its deadline, and meeting or refusing it.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class ViewModel(RightsRequests rights, MendDb db, Platform.Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    public RightsRequest Ask { get; private set; } = default!;

    public string PersonName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Record(Platform.Audit.AuditAction.View, nameof(RightsRequest), id.ToString(), subjectPersonId: Ask.PersonId, purpose: "Request to correct or restrict");
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await rights.CompleteAsync(User, id, Version, Outcome, ct), "Request met", ct);

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await rights.RefuseAsync(User, id, Version, Outcome, ct), "Request refused", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, Platform.Changes.Outcome<RightsRequest> outcome, string success, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(outcome, ModelState, field => field == "outcome" ? nameof(Outcome) : field);
        return await this.AnswerOnSamePageAsync(answer, success, new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await rights.OneAsync(id, ct) is not { } ask)
        {
            return false;
        }

        (Ask, Version, Today) = (ask, ask.Version, Platform.Time.London.LondonToday(clock));
        PersonName = await db.People.DisplayNameOfAsync(ask.PersonId, ct);
        return true;
    }
}
