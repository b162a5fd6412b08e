using Mend.Web.Features.Cases;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// The form for one section of an assessment, as typed: filled from the sheet, read into <see cref="RecordAnswers.Answers"/>
/// (the API's request), and mapping each of its errors ("understanding.willingness", "risks.safeguardingNote") to the input
/// it concerns. Notes are up to <see cref="RecordAnswers.LongestNote"/> characters.
/// </summary>
public sealed class SectionForm
{
    public const string NoneSuitable = "None";

    public sealed class FactorInput
    {
        public string Factor { get; set; } = "";
        public string? Rating { get; set; }
        public string? Note { get; set; }
    }

    public string? Willingness { get; set; }
    public string? UnderstandsRj { get; set; }
    public string? WillingnessNote { get; set; }
    public string? Responsibility { get; set; }
    public string? ResponsibilityNote { get; set; }
    public string? Expectations { get; set; }
    public List<FactorInput> Factors { get; set; } = [];
    public List<string> PowerImbalance { get; set; } = [];
    public List<string> Suitable { get; set; } = [];
    public string? Venue { get; set; }
    public string? SafetyMeasures { get; set; }
    public string? OverallRisk { get; set; }
    public string? Recommendation { get; set; }
    public string? Reasons { get; set; }
    public DateParts ReviewOn { get; set; } = new();

    public static IEnumerable<SelectListItem> Items<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Describe(v), v.ToString()));

    public static IEnumerable<SelectListItem> RatingItems => Items<FactorRating>();

    public static IEnumerable<SelectListItem> ImbalanceItems =>
        Enum.GetValues<PowerImbalanceKinds>().Where(k => k != PowerImbalanceKinds.None).Select(k => new SelectListItem(AssessmentWords.Describe(k), k.ToString()));

    public static IEnumerable<SelectListItem> SuitableItems =>
        [.. Enum.GetValues<SuitableProcesses>().Where(k => k != SuitableProcesses.None).Select(k => new SelectListItem(AssessmentWords.Describe(k), k.ToString())),
            new SelectListItem("None is suitable", NoneSuitable)];

    public static IEnumerable<SelectListItem> RiskItems =>
        Enum.GetValues<RiskLevel>().Where(r => r != RiskLevel.NotAssessed).Select(r => new SelectListItem(CaseWords.Describe(r), r.ToString()));

    /// <summary>Every risk factor gets a row, in order, even before any is rated.</summary>
    public void EnsureFactors()
    {
        if (Factors.Count == 0)
        {
            Factors = Enum.GetValues<RiskFactor>().Select(f => new FactorInput { Factor = f.ToString() }).ToList();
        }
    }

    public void Fill(AssessmentSheet s, DateOnly defaultReview)
    {
        Willingness = s.Willingness?.ToString();
        UnderstandsRj = s.UnderstandsRj switch { true => "yes", false => "no", _ => null };
        WillingnessNote = s.WillingnessNote;
        Responsibility = s.Responsibility?.ToString();
        ResponsibilityNote = s.ResponsibilityNote;
        Expectations = s.Expectations;
        Factors = s.Factors.Select(f => new FactorInput { Factor = f.Factor.ToString(), Rating = f.Rating.ToString(), Note = f.Note }).ToList();
        EnsureFactors();
        PowerImbalance = s.PowerImbalance.Select(k => k.ToString()).ToList();
        Suitable = s.NoneSuitable ? [NoneSuitable] : s.SuitableProcesses.Select(p => p.ToString()).ToList();
        Venue = s.ProposedVenue?.ToString();
        SafetyMeasures = s.SafetyMeasures;
        OverallRisk = s.OverallRisk?.ToString();
        Recommendation = s.Recommendation?.ToString();
        Reasons = s.RecommendationReasons;
        ReviewOn = DateParts.From(s.ReviewOn ?? defaultReview);
    }

    /// <summary>The answers to one section; <paramref name="reviewOnError"/> says what is wrong with a review date typed wrongly.</summary>
    public RecordAnswers.Answers ToAnswers(AssessmentSection section, out string? reviewOnError)
    {
        reviewOnError = null;
        static T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) ? v : null;
        switch (section)
        {
            case AssessmentSection.Understanding:
                return new(Understanding: new(Parse<Assessments.Willingness>(Willingness), UnderstandsRj switch { "yes" => true, "no" => false, _ => null }, WillingnessNote));
            case AssessmentSection.Responsibility:
                return new(Responsibility: new(Parse<Assessments.Responsibility>(Responsibility), ResponsibilityNote));
            case AssessmentSection.Expectations:
                return new(Expectations: Expectations ?? "");
            case AssessmentSection.Risks:
                return new(Risks: new(
                    Factors.Select(f => Parse<RiskFactor>(f.Factor) is { } factor ? new RecordAnswers.FactorAnswer(factor, Parse<FactorRating>(f.Rating), f.Note) : null)
                        .OfType<RecordAnswers.FactorAnswer>().ToList(),
                    PowerImbalance.Select(Parse<PowerImbalanceKinds>).OfType<PowerImbalanceKinds>().ToList()));
            case AssessmentSection.Processes:
                return new(Processes: new(Suitable.Select(Parse<SuitableProcesses>).OfType<SuitableProcesses>().ToList(), Suitable.Contains(NoneSuitable),
                    Parse<VenueKind>(Venue), SafetyMeasures));
            default:
                var (review, error) = ReviewOn.Parse("Review date");
                reviewOnError = error;
                return new(Recommendation: new(Parse<RiskLevel>(OverallRisk), Parse<Assessments.Recommendation>(Recommendation), Reasons, review));
        }
    }

    /// <summary>The input (under <paramref name="prefix"/>) an answer's error concerns; "" for the section as a whole.</summary>
    public string FieldFor(string key, string prefix = "Input.")
    {
        if (key.StartsWith("risks.", StringComparison.Ordinal))
        {
            var name = key["risks.".Length..];
            var isNote = name.EndsWith("Note", StringComparison.Ordinal);
            var factor = isNote ? name[..^4] : name;
            var index = Factors.FindIndex(f => string.Equals(f.Factor, factor, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? "" : $"{prefix}Factors[{index}].{(isNote ? "Note" : "Rating")}";
        }

        var field = key switch
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
            _ => null,
        };
        return field is null ? "" : prefix + field;
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
