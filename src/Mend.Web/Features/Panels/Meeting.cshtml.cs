using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Panels;

/// <summary>One panel meeting's brief for its members, and the chair's minutes.</summary>
[Authorize(Policy = Policies.PanelWork)]
public sealed class MeetingModel(PanelMeetings meetings, TimeProvider clock) : PageModel
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public PanelMeetings.Brief Brief { get; private set; } = default!;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Minutes { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await meetings.BriefAsync(User, id, ct) is not { } brief)
        {
            return NotFound();
        }

        Brief = brief;
        Version = brief.Process.Version;
        Minutes = brief.Minutes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await meetings.MinutesAsync(User, id, Version, Minutes, ct);
        switch (PageOutcome.Apply(outcome, ModelState, _ => nameof(Minutes)))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = "Minutes saved";
                return RedirectToPage(new { id });
        }

        ModelState.Remove(nameof(Version));
        if (await meetings.BriefAsync(User, id, ct) is not { } brief)
        {
            return NotFound();
        }

        Brief = brief;
        Version = brief.Process.Version;
        return Page();
    }
}
