using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Mend.Web.Platform.Auth;

/// <summary>
/// Password rules after NCSC guidance and NIST SP 800-63B: at least 12 characters, no composition rules,
/// no expiry, and common passwords refused from a shipped list (zxcvbn-ts's common-password dictionary).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<MendUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<MendUser> manager, MendUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length < MinimumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"Password must be {MinimumLength} characters or more" });
        }
        else if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" });
        }
        else if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "Password is too common. Choose a password that is harder to guess, for example three random words" });
        }
        else if (ContainsOwnDetails(password, user))
        {
            errors.Add(new IdentityError { Code = "PasswordHasOwnDetails", Description = "Password must not contain your name or email address" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>
    /// True for a listed password, a listed password padded with digits or symbols ("password12345!"),
    /// or one character repeated.
    /// </summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() <= 2)
        {
            return true;
        }

        var core = lower.TrimEnd("0123456789!@#$%^&*?.-_ ".ToCharArray()).TrimStart("0123456789!@#$%^&*?.-_ ".ToCharArray());
        var list = CommonPasswords.Value;
        return list.Contains(lower) || (core.Length >= 4 && list.Contains(core));
    }

    private static bool ContainsOwnDetails(string password, MendUser user)
    {
        var lower = password.ToLowerInvariant();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (!string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && lower.Contains(localPart, StringComparison.Ordinal))
        {
            return true;
        }

        return user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.Length >= 4 && lower.Contains(part.ToLowerInvariant(), StringComparison.Ordinal));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mend.CommonPasswords")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
