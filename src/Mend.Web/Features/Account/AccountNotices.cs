using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Email;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Account;

/// <summary>Tells users by e-mail when their password or second factor changes, so they notice if it was not them.</summary>
public sealed class AccountNotices(IEmailSender email, TimeProvider clock, ILogger<AccountNotices> logger)
{
    public async Task SendAsync(MendUser user, string whatChanged, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        try
        {
            await email.SendAsync(new EmailMessage(user.Email, $"Mend: {whatChanged}",
                $"Hello {user.DisplayName},\n\n{whatChanged} on your Mend account on {clock.GetUtcNow().UtcDateTime.ToLondon()}.\n\n"
                + "If this was not you, tell your Mend administrator straight away.\n"), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change itself has been made; a mail relay outage must not undo or hide it.
            logger.LogWarning(ex, "Could not send a security notice e-mail");
        }
    }
}

/// <summary>The new-password fields shared by the invitation, reset and change-password pages.</summary>
public sealed class NewPasswordInput
{
    public const string Hint =
        "Use 12 characters or more. Three random words work well, for example ‘lantern pebble orchard’. Common passwords are not allowed.";

    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }

    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(NewPassword))
        {
            errors[nameof(NewPassword)] = "Enter a new password";
        }
        else if (NewPassword != ConfirmPassword)
        {
            errors[nameof(ConfirmPassword)] = "The passwords do not match";
        }

        return errors;
    }
}
