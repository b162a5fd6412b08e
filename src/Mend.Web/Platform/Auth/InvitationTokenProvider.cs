using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mend.Web.Platform.Auth;

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions() => Name = InvitationTokenProvider.ProviderName;
}

/// <summary>
/// First-sign-in links. Like password-reset links they carry the security stamp, so they work once:
/// setting the password changes the stamp. They last longer (days, not hours), counted from the
/// latest invitation on Mend's own clock, so sending a new invitation restarts the period.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<MendUser>> logger,
    TimeProvider clock)
    : DataProtectorTokenProvider<MendUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "Invitation";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<MendUser> manager, MendUser user)
    {
        if (user.InvitedAt is not { } invitedAt || clock.GetUtcNow().UtcDateTime - invitedAt > Options.TokenLifespan)
        {
            return false;
        }

        return await base.ValidateAsync(purpose, token, manager, user);
    }
}
