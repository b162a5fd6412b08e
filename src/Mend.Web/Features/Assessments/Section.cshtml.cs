using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>One section of an assessment in progress; saving it returns to the task list.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class SectionModel(MendDb db, AssessmentChecks checks, RecordAnswers record, FieldEncryption encryption, TimeProvider clock) : PageModel
{
    public sealed class FactorInput
    {
        public string Factor { get; set; } = "";
        public string? Rating { get; set; }
        public string? Note { get; set; }
    }

    public AssessmentSection Section { get; private set; }

    public string PersonName { get; private set; } = "";

    public ParticipantRole Role { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Willingness { get; set; }

    [BindProperty]
    public string? UnderstandsRj { get; set; }

    [BindProperty]
    public string? WillingnessNote { get; set; }

    [BindProperty]
    public string? Responsibility { get; set; }

    [BindProperty]
    public string? ResponsibilityNote { get; set; }

    [BindProperty]
    public string? Expectations { get; set; }

    [BindProperty]
    public List<FactorInput> Factors { get; set; } = [];

    [BindProperty]
    public List<string> PowerImbalance { get; set; } = [];

    [BindProperty]
    public List<string> Suitable { get; set; } = [];

    [BindProperty]
    public string? Venue { get; set; }

    [BindProperty]
    public string? SafetyMeasures { get; set; }

    [BindProperty]
    public string? OverallRisk { get; set; }

    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public DateParts ReviewOn { get; set; } = new();

    public const string NoneSuitable = "None";

    public static IEnumerable<SelectListItem> Items<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Describe(v), v.ToString()));

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> RatingItems => Items<FactorRating>();

    public static IEnumerable<SelectListItem> ImbalanceItems =>
        Enum.GetValues<PowerImbalanceKinds>().Where(k => k != PowerImbalanceKinds.None).Select(k => new SelectListItem(AssessmentWords.Describe(k), k.ToString()));

    public static IEnumerable<SelectListItem> SuitableItems =>
        [.. Enum.GetValues<SuitableProcesses>().Where(k => k != SuitableProcesses.None).Select(k => new SelectListItem(AssessmentWords.Describe(k), k.ToString())),
            new SelectListItem("None is suitable", NoneSuitable)];

    public static IEnumerable<SelectListItem> RiskItems =>
        Enum.GetValues<RiskLevel>().Where(r => r != RiskLevel.NotAssessed).Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

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

        Fill(AssessmentSheet.From(assessment, encryption));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken ct)
    {
        var assessment = await LoadAsync(id, section, ct, tracked: true);
        if (assessment is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = record.Apply(assessment, Answers(), London.DateOf(now), now);
        foreach (var (key, message) in errors)
        {
            if (key == "recommendation.reviewOn" && ModelState.TryGetValue(nameof(ReviewOn), out var date) && date.Errors.Count > 0)
            {
                continue; // the date itself could not be read; that error says why
            }

            ModelState.AddModelError(FieldFor(key), message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await db.SaveAtVersionAsync(assessment, Version, ct))
        {
            ModelState.AddModelError("", Assessment.StaleMessage);
            var latest = await LoadAsync(id, section, ct);
            Version = latest!.Version;
            return Page();
        }

        TempData["Success"] = $"{AssessmentWords.Describe(Section)}: saved";
        return RedirectToPage("/Assessments/View", new { id });
    }

    private RecordAnswers.Answers Answers()
    {
        T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) ? v : null;
        return Section switch
        {
            AssessmentSection.Understanding => new(Understanding: new(Parse<Willingness>(Willingness), UnderstandsRj switch { "yes" => true, "no" => false, _ => null }, WillingnessNote)),
            AssessmentSection.Responsibility => new(Responsibility: new(Parse<Responsibility>(Responsibility), ResponsibilityNote)),
            AssessmentSection.Expectations => new(Expectations: Expectations ?? ""),
            AssessmentSection.Risks => new(Risks: new(
                Factors.Select(f => Parse<RiskFactor>(f.Factor) is { } factor ? new RecordAnswers.FactorAnswer(factor, Parse<FactorRating>(f.Rating), f.Note) : null).OfType<RecordAnswers.FactorAnswer>().ToList(),
                PowerImbalance.Select(Parse<PowerImbalanceKinds>).OfType<PowerImbalanceKinds>().ToList())),
            AssessmentSection.Processes => new(Processes: new(
                Suitable.Select(Parse<SuitableProcesses>).OfType<SuitableProcesses>().ToList(), Suitable.Contains(NoneSuitable), Parse<VenueKind>(Venue), SafetyMeasures)),
            _ => new(Recommendation: new(Parse<RiskLevel>(OverallRisk), Parse<Recommendation>(Recommendation), Reasons, ParseReviewDate())),
        };
    }

    private DateOnly? ParseReviewDate()
    {
        var (date, error) = ReviewOn.Parse("Review date");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(ReviewOn), error);
        }

        return date;
    }

    private string FieldFor(string key)
    {
        if (key.StartsWith("risks.", StringComparison.Ordinal))
        {
            var name = key["risks.".Length..];
            var isNote = name.EndsWith("Note", StringComparison.Ordinal);
            var factor = isNote ? name[..^4] : name;
            var index = Factors.FindIndex(f => string.Equals(f.Factor, factor, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? "" : $"Factors[{index}].{(isNote ? "Note" : "Rating")}";
        }

        return key switch
        {
            "understanding.willingness" => nameof(Willingness),
            "understanding.understandsRj" => nameof(UnderstandsRj),
            "understanding.note" => nameof(WillingnessNote),
            "responsibility.responsibility" => nameof(Responsibility),
            "responsibility.note" => nameof(ResponsibilityNote),
            "expectations" => nameof(Expectations),
            "processes.suitable" => nameof(Suitable),
            "processes.venue" => nameof(Venue),
            "processes.safetyMeasures" => nameof(SafetyMeasures),
            "recommendation.overallRisk" => nameof(OverallRisk),
            "recommendation.recommendation" => nameof(Recommendation),
            "recommendation.reasons" => nameof(Reasons),
            "recommendation.reviewOn" => nameof(ReviewOn),
            _ => "",
        };
    }

    private void Fill(AssessmentSheet s)
    {
        Version = s.Version;
        Willingness = s.Willingness?.ToString();
        UnderstandsRj = s.UnderstandsRj switch { true => "yes", false => "no", _ => null };
        WillingnessNote = s.WillingnessNote;
        Responsibility = s.Responsibility?.ToString();
        ResponsibilityNote = s.ResponsibilityNote;
        Expectations = s.Expectations;
        Factors = s.Factors.Count > 0
            ? s.Factors.Select(f => new FactorInput { Factor = f.Factor.ToString(), Rating = f.Rating.ToString(), Note = f.Note }).ToList()
            : Enum.GetValues<RiskFactor>().Select(f => new FactorInput { Factor = f.ToString() }).ToList();
        PowerImbalance = s.PowerImbalance.Select(k => k.ToString()).ToList();
        Suitable = s.NoneSuitable ? [NoneSuitable] : s.SuitableProcesses.Select(p => p.ToString()).ToList();
        Venue = s.ProposedVenue?.ToString();
        SafetyMeasures = s.SafetyMeasures;
        OverallRisk = s.OverallRisk?.ToString();
        Recommendation = s.Recommendation?.ToString();
        Reasons = s.RecommendationReasons;
        ReviewOn = DateParts.From(s.ReviewOn ?? clock.LondonToday().AddMonths(checks.Settings.ReviewAfterMonths));
    }

    private async Task<Assessment?> LoadAsync(Guid id, string section, CancellationToken ct, bool tracked = false)
    {
        var parsed = Enum.GetValues<AssessmentSection>().Where(s => AssessmentWords.Slug(s) == section).Cast<AssessmentSection?>().FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        var query = checks.Visible(User);
        var assessment = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null || (parsed == AssessmentSection.Responsibility && !assessment.AsksResponsibility))
        {
            return null;
        }

        Section = parsed.Value;
        Role = assessment.Role;
        PersonName = await PersonNames.OfAsync(db, assessment.PersonId, ct);
        if (Factors.Count == 0)
        {
            Factors = Enum.GetValues<RiskFactor>().Select(f => new FactorInput { Factor = f.ToString() }).ToList();
        }

        return assessment;
    }

    private static string Describe<T>(T value) where T : struct, Enum => value switch
    {
        Assessments.Willingness w => AssessmentWords.Describe(w),
        Assessments.Responsibility r => AssessmentWords.Describe(r),
        FactorRating f => AssessmentWords.Describe(f),
        VenueKind v => AssessmentWords.Describe(v),
        Assessments.Recommendation r => AssessmentWords.Describe(r),
        _ => value.ToString(),
    };
}
