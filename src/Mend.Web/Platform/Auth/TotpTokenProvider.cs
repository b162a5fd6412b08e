using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// Authenticator-app (TOTP, RFC 6238) codes, replacing Identity's own provider so that a code that has
/// been accepted once cannot be accepted again (SECURITY.md 2.8.4), and so the clock can be faked in tests.
/// </summary>
public sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<MendUser>
{
    public const string ProviderName = "Authenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<MendUser> manager, MendUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<MendUser> manager, MendUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var timeStep, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        if (timeStep <= user.LastTotpTimeStep)
        {
            return false;
        }

        user.LastTotpTimeStep = timeStep;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<MendUser> manager, MendUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string issuer, string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
}
