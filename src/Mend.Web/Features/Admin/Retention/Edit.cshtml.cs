using System.Globalization;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Admin.Retention;

/// <summary>A data protection officer sets one retention rule: the period, an age for the young person's records, and why.</summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class EditModel(ManageRetention retention) : PageModel
{
    public sealed class RuleForm
    {
        public string? Years { get; set; }
        public string? Months { get; set; }
        public string? UntilAge { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public RuleForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public RetentionRule Rule { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new RuleForm
        {
            Years = Rule.Years.ToString(CultureInfo.InvariantCulture),
            Months = Rule.Months.ToString(CultureInfo.InvariantCulture),
            UntilAge = Rule.UntilAge?.ToString(CultureInfo.InvariantCulture),
            Reason = Rule.Reason,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var years = Number(Input.Years, nameof(RuleForm.Years), "years", required: true);
        var months = Number(Input.Months, nameof(RuleForm.Months), "months", required: false);
        var untilAge = Number(Input.UntilAge, nameof(RuleForm.UntilAge), "the age", required: false);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct, freshVersion: false) ? Page() : NotFound();
        }

        var outcome = await retention.ChangeAsync(User, id, Version, new ManageRetention.ChangeInput(years, months, untilAge, Input.Reason), ct);
        var answer = PageOutcome.Apply(outcome, ModelState);
        if (answer == PageAnswer.Done)
        {
            TempData["Success"] = $"{RetentionSchedule.Describe(outcome.Value!.Kind)}: {RetentionSchedule.Describe(outcome.Value)}";
            return RedirectToPage("/Admin/Retention/Index");
        }

        return await this.AnswerOnSamePageAsync(answer, "", new { id }, () => LoadAsync(id, ct));
    }

    private int? Number(string? text, string field, string what, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError($"Input.{field}", $"Enter {what}, or 0");
            }

            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && text.Trim().Length <= 3)
        {
            return n;
        }

        ModelState.AddModelError($"Input.{field}", $"Enter {what} as a whole number, like 6");
        return null;
    }

    /// <param name="freshVersion">False to keep the version the user's form was made from (the form is shown again unsaved).</param>
    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool freshVersion = true)
    {
        if (await retention.OneAsync(id, ct) is not { } rule)
        {
            return false;
        }

        Rule = rule;
        if (freshVersion)
        {
            Version = rule.Version;
        }

        return true;
    }
}
