using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>One section of an assessment in progress; saving it returns to the task list.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class SectionModel(MendDb db, AssessmentChecks checks, RecordAnswers record, FieldEncryption encryption, TimeProvider clock) : PageModel
{
    public AssessmentSection Section { get; private set; }

    public string PersonName { get; private set; } = "";

    public ParticipantRole Role { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public SectionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken ct)
    {
        var assessment = await LoadAsync(id, section, ct);
        if (assessment is null)
        {
            return NotFound();
        }

        if (!assessment.IsEditable)
        {
            return RedirectToPage("/Assessments/View", new { id });
        }

        Version = assessment.Version;
        Input.Fill(AssessmentSheet.From(assessment, encryption), clock.LondonToday().AddMonths(checks.Settings.ReviewAfterMonths));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken ct)
    {
        if (await LoadAsync(id, section, ct) is null)
        {
            return NotFound();
        }

        var answers = Input.ToAnswers(Section, out var reviewOnError);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await VersionedChange.RunAsync(db, checks.Visible(User).Where(a => a.Id == id), Version, (assessment, errors) =>
        {
            foreach (var (key, message) in record.Apply(assessment, answers, London.DateOf(now), now))
            {
                errors[key] = message;
            }
        }, Assessment.StaleMessage, ct);
        if (reviewOnError is not null)
        {
            // The date itself could not be read: that error says why, in place of "enter the review date".
            PageOutcome.Apply(outcome, ModelState, key => Input.FieldFor(key));
            ModelState.Remove("Input.ReviewOn");
            ModelState.AddModelError("Input.ReviewOn", reviewOnError);
            return Page();
        }

        switch (PageOutcome.Apply(outcome, ModelState, key => Input.FieldFor(key)))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done:
                TempData["Success"] = $"{AssessmentWords.Describe(Section)}: saved";
                return RedirectToPage("/Assessments/View", new { id });
            default:
                ModelState.Remove(nameof(Version));
                Version = (await LoadAsync(id, section, ct))?.Version ?? Version;
                return Page();
        }
    }

    private async Task<Assessment?> LoadAsync(Guid id, string section, CancellationToken ct)
    {
        var parsed = Enum.GetValues<AssessmentSection>().Where(s => AssessmentWords.Slug(s) == section).Cast<AssessmentSection?>().FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        var assessment = await checks.Visible(User).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null || (parsed == AssessmentSection.Responsibility && !assessment.AsksResponsibility))
        {
            return null;
        }

        Section = parsed.Value;
        Role = assessment.Role;
        PersonName = await PersonNames.OfAsync(db, assessment.PersonId, ct);
        Input.EnsureFactors();
        return assessment;
    }
}
