namespace Mend.Web.Platform;

/// <summary>Security settings under Mend:Security. Production defaults; the development demo relaxes some.</summary>
public sealed class SecuritySettings
{
    /// <summary>Every user must set up and use a second factor (SECURITY.md 2.8.1).</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Cookies are Secure and __Host- prefixed; false only for plain-HTTP local development.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Attempts per minute from one address at sign-in, second factor and password reset.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    public int InvitationDays { get; set; } = 7;

    public int PasswordResetHours { get; set; } = 2;

    public int MaxRequestBodyKilobytes { get; set; } = 10 * 1024;
}
