using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Subjects;

/// <summary>
/// What Mend holds about one person, why and until when, who has seen it and who it was given to; with their
/// subject-access requests and legal holds. Opening it is audited as a view of the person's data.
/// </summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class ViewModel(WhatIsHeld held, MendDb db, AuditTrail audit, RightsRequests rights, TimeProvider clock) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public List<RightsRequest> Rights { get; private set; } = [];

    public bool RestrictedNow { get; private set; }

    public sealed record Seen(DateTime At, string Who, AuditAction Action, string What);

    public WhatIsHeld.Holding Holding { get; private set; } = default!;

    public List<Seen> SeenBy { get; private set; } = [];

    public int SeenTotal { get; private set; }

    public List<SubjectAccess.Row> Requests { get; private set; } = [];

    public List<LegalHold> Holds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, [FromServices] SubjectAccess access, CancellationToken ct) =>
        await LoadAsync(id, access, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLiftAsync(Guid id, [FromServices] SubjectAccess access, CancellationToken ct) =>
        await AnswerAsync(id, access, await rights.LiftAsync(id, Version, Reason, ct), "Restriction lifted: their data can be changed and shared again", ct);

    public async Task<IActionResult> OnPostExceptionAsync(Guid id, [FromServices] SubjectAccess access, CancellationToken ct) =>
        await AnswerAsync(id, access, await rights.AllowExceptionAsync(id, Version, Reason, ct), "Changes and sharing allowed for 24 hours, for the reason given", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, SubjectAccess access, Platform.Changes.Outcome<People.Person> outcome, string success, CancellationToken ct)
    {
        var answer = Platform.GovUk.PageOutcome.Apply(outcome, ModelState, field => field == "reason" ? nameof(Reason) : field);
        return await Platform.GovUk.PageOutcome.AnswerOnSamePageAsync(this, answer, success, new { id }, () => LoadAsync(id, access, ct));
    }

    private async Task<bool> LoadAsync(Guid id, SubjectAccess access, CancellationToken ct)
    {
        if (await held.ForAsync(id, ct) is not { } holding)
        {
            return false;
        }

        Holding = holding;
        var events = db.AuditEvents.AsNoTracking().Where(e => e.SubjectPersonId == id && e.ActorUserId != null);
        SeenTotal = await events.CountAsync(ct);
        SeenBy = (await events.OrderByDescending(e => e.Id).Take(50).Select(e => new { e.OccurredAt, e.ActorName, e.Action, e.EntityType }).ToListAsync(ct))
            .Select(e => new Seen(e.OccurredAt, e.ActorName, e.Action, e.EntityType)).ToList();
        Requests = (await access.AllAsync(ct)).Where(r => r.PersonId == id).ToList();
        Holds = await db.LegalHolds.AsNoTracking().Where(h => h.PersonId == id).OrderBy(h => h.LiftedAt != null).ToListAsync(ct);
        Rights = await rights.ForAsync(id, ct);
        Version = holding.Person.Version;
        RestrictedNow = holding.Person.IsRestrictedAt(clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditAction.View, "Person", id.ToString(), subjectPersonId: id, purpose: "Data protection: what is held about the person");
        await audit.SaveAsync(ct);
        return true;
    }
}
