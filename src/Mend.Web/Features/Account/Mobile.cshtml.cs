using System.Text.RegularExpressions;
using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Account;

/// <summary>The user's mobile number, for lone-working alerts by text message (theirs, and as someone's buddy or manager).</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed partial class MobileModel(MendDb db) : PageModel
{
    public const int TypedLength = 20;

    [BindProperty]
    public string? Mobile { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Mobile = await db.Users.AsNoTracking().Where(u => u.Id == User.UserId()).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? number = null;
        if (!string.IsNullOrWhiteSpace(Mobile))
        {
            number = Normalise(Mobile);
            if (number is null)
            {
                ModelState.AddModelError(nameof(Mobile), "Enter a mobile number like 07700 900123 or +44 7700 900123");
                return Page();
            }
        }

        var user = await db.Users.SingleAsync(u => u.Id == User.UserId(), ct);
        user.PhoneNumber = number;
        user.PhoneNumberConfirmed = false;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = number is null ? "Mobile number removed: alerts reach you by e-mail only" : $"Mobile number saved: {number}";
        return Redirect("/Account");
    }

    /// <summary>A UK mobile (07…, +447…) or another country's number with its code (+…), as +digits; null if it is neither.</summary>
    public static string? Normalise(string typed)
    {
        if (typed.Length > TypedLength)
        {
            return null;
        }

        var digits = Separators().Replace(typed.Trim(), "");
        if (Uk().IsMatch(digits))
        {
            return "+44" + digits[1..];
        }

        return International().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^07\d{9}$")]
    private static partial Regex Uk();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex International();
}
