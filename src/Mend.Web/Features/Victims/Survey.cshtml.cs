using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>
/// The satisfaction survey a victim answers through their single-use link, without an account. It
/// shows nothing about the case or the victim: the link is the only key.
/// </summary>
[AllowAnonymous]
public sealed class SurveyModel(MendDb db, FieldEncryption encryption, TimeProvider clock) : PageModel
{
    public string? Unusable { get; private set; }

    public bool Done { get; private set; }

    [BindProperty] public string? Satisfaction { get; set; }
    [BindProperty] public string? FeltListenedTo { get; set; }
    [BindProperty] public string? WouldRecommend { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var survey = await FindAsync(token, ct);
        Unusable = survey is null ? NotFoundMessage : survey.WhyLinkUnusable(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var survey = await FindAsync(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Unusable = survey is null ? NotFoundMessage : survey.WhyLinkUnusable(now);
        if (Unusable is not null)
        {
            return Page();
        }

        static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
        var input = new VictimWork.SurveyInput(int.TryParse(Satisfaction, out var score) ? score : null, YesOrNo(FeltListenedTo), YesOrNo(WouldRecommend), Comments);
        var errors = new Dictionary<string, string>();
        VictimWork.CheckSurvey(errors, input, victimVoice: true);
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(key[0]) + key[1..], message);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        try
        {
            survey!.Complete(input.Satisfaction!.Value, input.FeltListenedTo!.Value, input.WouldRecommend!.Value, input.Comments, byVictim: true, encryption, now);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DomainRuleException or DbUpdateConcurrencyException)
        {
            Unusable = "This survey has already been answered. Thank you.";
            return Page();
        }

        Done = true;
        return Page();
    }

    private const string NotFoundMessage = "This survey link does not work. Check you copied all of it, or contact the service.";

    private async Task<SatisfactionSurvey?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        return await db.SatisfactionSurveys.SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
    }
}
