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
/// setting the password changes the stamp. They last longer (days, not hours).
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<MendUser>> logger)
    : DataProtectorTokenProvider<MendUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "Invitation";
}
