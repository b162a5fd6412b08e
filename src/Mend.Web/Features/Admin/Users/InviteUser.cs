using System.Net.Mail;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

/// <summary>
/// Creates an account with no password and e-mails a single-use, expiring link to set one.
/// Used by the Invite page and by the create-admin command. There is no default password anywhere.
/// </summary>
public sealed class InviteUser(
    UserManager<MendUser> users, MendDb db, AuditTrail audit, IEmailSender email, InvitationLinks links, TimeProvider clock)
{
    public sealed record Request(string? Email, string? DisplayName, IReadOnlyCollection<string> Roles);

    /// <summary>The user invited, and their single-use link to set a password and second factor.</summary>
    public sealed record Invited(MendUser User, string Link);

    public static Dictionary<string, string> Validate(Request request)
    {
        var errors = new Dictionary<string, string>();
        var emailText = request.Email?.Trim() ?? "";
        if (emailText.Length == 0)
        {
            errors["Email"] = "Enter an email address";
        }
        else if (emailText.Length > 256 || !MailAddress.TryCreate(emailText, out var parsed) || parsed.Address != emailText || !emailText.Contains('.', StringComparison.Ordinal))
        {
            errors["Email"] = "Enter an email address in the correct format, like name@example.org";
        }

        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["DisplayName"] = "Enter the person's full name";
        }
        else if (name.Length > 200)
        {
            errors["DisplayName"] = "Full name must be 200 characters or fewer";
        }

        if (request.Roles.Count == 0)
        {
            errors["Roles"] = "Select at least one role";
        }
        else if (request.Roles.Any(r => !Platform.Auth.Roles.All.Contains(r)))
        {
            errors["Roles"] = "Select roles from the list";
        }

        return errors;
    }

    public async Task<Outcome<Invited>> HandleAsync(Request request, CancellationToken cancellationToken = default)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Outcome<Invited>.Invalid(errors);
        }

        var emailAddress = request.Email!.Trim();
        if (await users.FindByEmailAsync(emailAddress) is not null)
        {
            return Outcome<Invited>.Invalid("Email", "A user with this email address already exists");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = MendUser.Create(emailAddress, request.DisplayName!.Trim(), now);
        user.InvitedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Outcome<Invited>.Invalid("Email", string.Join(". ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, request.Roles);
        audit.Record(AuditAction.UserInvited, nameof(MendUser), user.Id.ToString(), fields: "Roles:" + string.Join("|", request.Roles));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var link = await links.CreateAsync(user);
        await email.SendAsync(new EmailMessage(emailAddress, "You have been invited to Mend",
            $"Hello {user.DisplayName},\n\nYou have been given an account on Mend, the restorative justice case management service.\n\n"
            + $"Set your password and two-factor authentication here:\n{link}\n\n"
            + "The link works once and expires in a few days. If you were not expecting this, ignore this email.\n"), cancellationToken);
        return Outcome<Invited>.Done(new Invited(user, link));
    }
}

/// <summary>Builds the absolute links that go into e-mails, from Mend:PublicUrl.</summary>
public sealed class InvitationLinks(UserManager<MendUser> users, IConfiguration configuration)
{
    public string PublicUrl => (configuration["Mend:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public async Task<string> CreateAsync(MendUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return $"{PublicUrl}/Account/Invitation?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }

    public async Task<string> CreatePasswordResetAsync(MendUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{PublicUrl}/Account/ResetPassword?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }
}
