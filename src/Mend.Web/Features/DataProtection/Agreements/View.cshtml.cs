using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Agreements;

/// <summary>One agreement: its terms and scope, the partner's users (added by e-mail, removed), and ending it now.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class ViewModel(SharingAgreements agreements, MendDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public Guid UserId { get; set; }

    [BindProperty]
    public string? ConfirmEnd { get; set; }

    public SharingAgreement Agreement { get; private set; } = default!;

    public List<(Guid Id, string Name, string Email)> Users { get; private set; } = [];

    public List<string> TeamNames { get; private set; } = [];

    public List<string> CaseReferences { get; private set; } = [];

    public bool InForce { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await agreements.AddMemberAsync(id, Version, Email, ct), "User added: they can see what the agreement allows while it is in force", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await agreements.RemoveMemberAsync(id, Version, UserId, ct), "User removed: their access under this agreement has stopped", ct);

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (ConfirmEnd != "yes")
        {
            ModelState.AddModelError(nameof(ConfirmEnd), "Confirm that the partner's access is to stop now");
            return await LoadAsync(id, ct, freshVersion: false) ? Page() : NotFound();
        }

        return await AnswerAsync(id, await agreements.EndAsync(User, id, Version, ct), "Agreement ended: the partner's access has stopped", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Platform.Changes.Outcome<SharingAgreement> outcome, string success, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(outcome, ModelState, field => field == "email" ? nameof(Email) : field);
        return await this.AnswerOnSamePageAsync(answer, success, new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool freshVersion = true)
    {
        if (await agreements.OneAsync(id, ct) is not { } agreement)
        {
            return false;
        }

        Agreement = agreement;
        InForce = agreement.InForceOn(Platform.Time.London.LondonToday(clock));
        if (freshVersion)
        {
            Version = agreement.Version;
        }

        var userIds = agreement.Members.Select(m => m.UserId).ToList();
        Users = (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Email ?? "")).OrderBy(u => u.DisplayName).ToList();
        var teamIds = agreement.Scope.Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).ToList();
        var caseIds = agreement.Scope.Where(s => s.CaseId != null).Select(s => s.CaseId!.Value).ToList();
        TeamNames = await db.Teams.Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        CaseReferences = await db.Cases.Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(ct);
        return true;
    }
}
