using System.Globalization;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// The answers to one or more task-list sections, checked and written to a draft assessment. Pages
/// send one section at a time; the API may send several. Field errors are keyed "section.field".
/// </summary>
public sealed class RecordAnswers(FieldEncryption encryption, AssessmentSettings settings)
{
    public const int LongestNote = 4000;

    public sealed record Understanding(Willingness? Willingness, bool? UnderstandsRj, string? Note);

    public sealed record ResponsibilityAnswer(Responsibility? Responsibility, string? Note);

    public sealed record FactorAnswer(RiskFactor Factor, FactorRating? Rating, string? Note);

    public sealed record Risks(IReadOnlyList<FactorAnswer>? Factors, IReadOnlyList<PowerImbalanceKinds>? PowerImbalance);

    public sealed record Processes(IReadOnlyList<SuitableProcesses>? Suitable, bool NoneSuitable, VenueKind? Venue, string? SafetyMeasures);

    public sealed record Overall(RiskLevel? OverallRisk, Recommendation? Recommendation, string? Reasons, DateOnly? ReviewOn);

    public sealed record Answers(
        Understanding? Understanding = null,
        ResponsibilityAnswer? Responsibility = null,
        string? Expectations = null,
        Risks? Risks = null,
        Processes? Processes = null,
        Overall? Recommendation = null);

    /// <summary>Checks every section given and, only if all are valid, writes them. Returns the field errors.</summary>
    public Dictionary<string, string> Apply(Assessment assessment, Answers answers, DateOnly today, DateTime now)
    {
        var errors = Check(assessment, answers, today);
        if (errors.Count > 0)
        {
            return errors;
        }

        try
        {
            Write(assessment, answers, now);
        }
        catch (DomainRuleException ex)
        {
            errors["assessment"] = ex.Message;
        }

        return errors;
    }

    public Dictionary<string, string> Check(Assessment assessment, Answers answers, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (!assessment.IsEditable)
        {
            errors["assessment"] = assessment.Status == AssessmentStatus.Approved
                ? "An approved assessment cannot be changed. Start a reassessment to record something new"
                : assessment.Status == AssessmentStatus.Superseded
                    ? "This version has been superseded by a newer assessment and cannot be changed"
                    : "A submitted assessment cannot be changed while it waits for a decision";
            return errors;
        }

        if (answers is { Understanding: null, Responsibility: null, Expectations: null, Risks: null, Processes: null, Recommendation: null })
        {
            errors["assessment"] = "Send the answers to at least one section";
            return errors;
        }

        if (answers.Understanding is { } u)
        {
            Require(errors, "understanding.willingness", u.Willingness, "Select whether they are willing to take part");
            Require(errors, "understanding.understandsRj", u.UnderstandsRj, "Select whether they understand what restorative justice involves");
            Length(errors, "understanding.note", u.Note);
        }

        if (answers.Responsibility is { } r)
        {
            if (!assessment.AsksResponsibility)
            {
                errors["responsibility.responsibility"] = "Acceptance of responsibility is only assessed for the young person who caused the harm";
            }
            else
            {
                Require(errors, "responsibility.responsibility", r.Responsibility, "Select how far they accept responsibility");
                Length(errors, "responsibility.note", r.Note);
            }
        }

        if (answers.Expectations is { } expectations)
        {
            if (string.IsNullOrWhiteSpace(expectations))
            {
                errors["expectations"] = "Enter their expectations and motivation";
            }

            Length(errors, "expectations", expectations);
        }

        if (answers.Risks is { } risks)
        {
            foreach (var factor in Enum.GetValues<RiskFactor>())
            {
                var key = "risks." + Camel(factor.ToString());
                var answer = risks.Factors?.LastOrDefault(f => f.Factor == factor);
                if (answer?.Rating is null)
                {
                    errors[key] = $"Rate {AssessmentWords.Describe(factor).ToLowerInvariant()}";
                }
                else if (answer.Rating >= FactorRating.Medium && string.IsNullOrWhiteSpace(answer.Note))
                {
                    errors[key + "Note"] = $"Say why {AssessmentWords.Describe(factor).ToLowerInvariant()} is {AssessmentWords.Describe(answer.Rating.Value).ToLowerInvariant()}";
                }

                Length(errors, key + "Note", answer?.Note);
            }
        }

        if (answers.Processes is { } p)
        {
            var suitable = p.Suitable ?? [];
            if (p.NoneSuitable && suitable.Any(s => s != SuitableProcesses.None))
            {
                errors["processes.suitable"] = "Select the suitable kinds of process, or \"None is suitable\", not both";
            }
            else if (!p.NoneSuitable && !suitable.Any(s => s != SuitableProcesses.None))
            {
                errors["processes.suitable"] = "Select the kinds of process that would be suitable, or \"None is suitable\"";
            }

            Require(errors, "processes.venue", p.Venue, "Select where a meeting would take place, or \"Not decided yet\"");
            Length(errors, "processes.safetyMeasures", p.SafetyMeasures);
        }

        if (answers.Recommendation is { } o)
        {
            if (o.OverallRisk is null or RiskLevel.NotAssessed)
            {
                errors["recommendation.overallRisk"] = "Select the overall risk level";
            }

            Require(errors, "recommendation.recommendation", o.Recommendation, "Select your recommendation");
            if (string.IsNullOrWhiteSpace(o.Reasons))
            {
                errors["recommendation.reasons"] = "Enter the reasons for your recommendation";
            }

            Length(errors, "recommendation.reasons", o.Reasons);
            var longest = today.AddMonths(settings.LongestReviewMonths);
            if (o.ReviewOn is null)
            {
                errors["recommendation.reviewOn"] = "Enter the date the assessment is to be reviewed";
            }
            else if (o.ReviewOn <= today)
            {
                errors["recommendation.reviewOn"] = "Review date must be in the future";
            }
            else if (o.ReviewOn > longest)
            {
                errors["recommendation.reviewOn"] = $"Review date must be within {settings.LongestReviewMonths} months, by {longest.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
            }
        }

        return errors;
    }

    private void Write(Assessment assessment, Answers answers, DateTime now)
    {
        if (answers.Understanding is { } u)
        {
            assessment.RecordUnderstanding(u.Willingness!.Value, u.UnderstandsRj!.Value, u.Note, encryption, now);
        }

        if (answers.Responsibility is { } r)
        {
            assessment.RecordResponsibility(r.Responsibility!.Value, r.Note, encryption, now);
        }

        if (answers.Expectations is { } expectations)
        {
            assessment.RecordExpectations(expectations, encryption, now);
        }

        if (answers.Risks is { } risks)
        {
            var ratings = Enum.GetValues<RiskFactor>().ToDictionary(f => f, f =>
            {
                var a = risks.Factors!.Last(x => x.Factor == f);
                return (a.Rating!.Value, a.Note);
            });
            var imbalance = (risks.PowerImbalance ?? []).Aggregate(PowerImbalanceKinds.None, (all, k) => all | k);
            assessment.RecordRisks(ratings, imbalance, encryption, now);
        }

        if (answers.Processes is { } p)
        {
            var suitable = p.NoneSuitable ? SuitableProcesses.None : (p.Suitable ?? []).Aggregate(SuitableProcesses.None, (all, k) => all | k);
            assessment.RecordProcesses(suitable, p.Venue!.Value, p.SafetyMeasures, encryption, now);
        }

        if (answers.Recommendation is { } o)
        {
            assessment.RecordOverall(o.OverallRisk!.Value, o.Recommendation!.Value, o.Reasons!, o.ReviewOn!.Value, encryption, now);
        }
    }

    private static void Require<T>(Dictionary<string, string> errors, string key, T? value, string message) where T : struct
    {
        if (value is null)
        {
            errors[key] = message;
        }
    }

    private static void Length(Dictionary<string, string> errors, string key, string? text)
    {
        if (text?.Trim().Length > LongestNote && !errors.ContainsKey(key))
        {
            errors[key] = $"Must be {LongestNote:N0} characters or fewer";
        }
    }

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
