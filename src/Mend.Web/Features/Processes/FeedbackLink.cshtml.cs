using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>
/// The feedback questionnaire a participant answers through their single-use link, without an
/// account. It shows nothing about the case or the people: the link is the only key.
/// </summary>
[AllowAnonymous]
public sealed class FeedbackLinkModel(MendDb db, FieldEncryption encryption, TimeProvider clock) : PageModel
{
    public string? Unusable { get; private set; }

    public bool Done { get; private set; }

    [BindProperty] public string? Satisfaction { get; set; }
    [BindProperty] public string? FeltSafe { get; set; }
    [BindProperty] public string? FeltListenedTo { get; set; }
    [BindProperty] public string? WouldRecommend { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var feedback = await FindAsync(token, ct);
        Unusable = feedback is null ? NotFoundMessage : feedback.WhyLinkUnusable(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var feedback = await FindAsync(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Unusable = feedback is null ? NotFoundMessage : feedback.WhyLinkUnusable(now);
        if (Unusable is not null)
        {
            return Page();
        }

        static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
        var input = new RecordProcess.FeedbackInput(null, int.TryParse(Satisfaction, out var score) ? score : null, YesOrNo(FeltSafe), YesOrNo(FeltListenedTo), YesOrNo(WouldRecommend), Comments);
        var errors = new Dictionary<string, string>();
        RecordProcess.CheckFeedback(errors, input, participantVoice: true);
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
            feedback!.Complete(RecordProcess.Answers(input), byParticipant: true, encryption, now);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DomainRuleException or DbUpdateConcurrencyException)
        {
            Unusable = "This questionnaire has already been answered. Thank you.";
            return Page();
        }

        Done = true;
        return Page();
    }

    private const string NotFoundMessage = "This link does not work. Check you copied all of it, or contact the service.";

    private async Task<ParticipantFeedback?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        return await db.ParticipantFeedback.SingleOrDefaultAsync(f => f.TokenHash == hash, ct);
    }
}
