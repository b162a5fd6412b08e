using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(MendDb db, UserManager<MendUser> users, AuditTrail audit, InvitationLinks links,
    Platform.Email.IEmailSender email, TimeProvider clock, ApiTokenCache tokenCache) : PageModel
{
    public sealed record UserView(Guid Id, string DisplayName, string Email, bool IsDisabled, bool Invited, bool TwoFactorEnabled, DateTime CreatedAt, string? ConcurrencyStamp);

    public sealed record TokenView(Guid Id, string Name, string Scopes, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public new UserView User { get; private set; } = default!;

    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public Guid CurrentUserId => base.User.UserId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Roles = (await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct));
        audit.Record(AuditAction.View, nameof(MendUser), id.ToString());
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (Roles.Count == 0 || Roles.Any(r => !Platform.Auth.Roles.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(Roles), "Select at least one role");
        }
        else if (id == CurrentUserId && !Roles.Contains(Platform.Auth.Roles.Administrator))
        {
            ModelState.AddModelError(nameof(Roles), "You cannot remove your own administrator role. Ask another administrator to do it");
        }
        else if (ConcurrencyStamp != user.ConcurrencyStamp)
        {
            ModelState.Remove(nameof(Roles));
            Roles = [.. await users.GetRolesAsync(user)];
            ModelState.AddModelError(nameof(Roles), Conflicts.Message("this user"));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        var current = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(Roles));
        var added = await users.AddToRolesAsync(user, Roles.Except(current));
        if (!removed.Succeeded || !added.Succeeded)
        {
            // Another change got there first (the concurrency stamp moved); nothing of ours is kept.
            await transaction.RollbackAsync(ct);
            ModelState.AddModelError(nameof(Roles), Conflicts.Message("this user"));
            await LoadAsync(id, ct);
            return Page();
        }

        await users.UpdateSecurityStampAsync(user);
        tokenCache.ForgetAll();
        audit.Record(AuditAction.RolesChanged, nameof(MendUser), id.ToString(), fields: "Roles:" + string.Join("|", Roles.Order()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Success"] = "Roles saved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound();
        }

        user.Enable();
        audit.Record(AuditAction.UserEnabled, nameof(MendUser), id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Account enabled";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || user.PasswordHash is not null || user.IsDisabled)
        {
            return NotFound();
        }

        user.InvitedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditAction.UserInvited, nameof(MendUser), id.ToString(), outcome: "sent again");
        // A new security stamp makes the links already sent stop working, as the e-mail says.
        await users.UpdateSecurityStampAsync(user);
        var link = await links.CreateAsync(user);
        await email.SendAsync(new Platform.Email.EmailMessage(user.Email!, "Your invitation to Mend",
            $"Hello {user.DisplayName},\n\nHere is a new link to set up your Mend account:\n{link}\n\nThe link works once. Earlier links no longer work.\n"), ct);
        TempData["Success"] = $"Invitation sent again to {user.Email}";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid tokenId, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == id, ct);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        tokenCache.Forget(tokenId);
        audit.Record(AuditAction.TokenRevoked, nameof(PersonalAccessToken), tokenId.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Token ‘{token.Name}’ revoked";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserView(u.Id, u.DisplayName, u.Email ?? "", u.IsDisabled, u.PasswordHash == null, u.TwoFactorEnabled, u.CreatedAt, u.ConcurrencyStamp))
            .SingleOrDefaultAsync(ct);
        if (view is null)
        {
            return false;
        }

        User = view;
        Tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Scopes, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
        return true;
    }
}
