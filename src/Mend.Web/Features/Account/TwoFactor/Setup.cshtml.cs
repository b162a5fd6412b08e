using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Mend.Web.Features.Account.TwoFactor;

/// <summary>Authenticator-app set-up: QR code and key, one code to confirm, then 10 recovery codes shown once.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SetupModel(
    UserManager<MendUser> users, SignInManager<MendUser> signInManager, AuditTrail audit, AccountNotices notices, SecuritySettings security) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string QrCodeDataUri { get; private set; } = "";
    public string FormattedKey { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }
    public bool Required { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the app shows Mend and enter the newest code");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordNowAsync(AuditAction.TwoFactorEnabled, nameof(MendUser), user.Id.ToString(), cancellationToken: ct);
        await notices.SendAsync(user, "Two-factor authentication was turned on", ct);
        return Page();
    }

    private async Task LoadAsync(MendUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        Required = security.RequireTwoFactor || Roles.AlwaysNeedTwoFactor.Any(User.IsInRole);
        if (AlreadyEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = TotpTokenProvider.AuthenticatorUri("Mend", user.Email!, key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
