using Mend.Web.Platform;

namespace Mend.Web.Features.Assessments;

/// <summary>Mend:Assessments: when a manager must approve, and how long an assessment lasts.</summary>
public sealed class AssessmentSettings : Platform.Composition.ISelfValidating<AssessmentSettings>
{
    /// <summary>An offence with a YJB gravity score at or above this needs a manager's approval (1 to 8).</summary>
    public int ApprovalGravityScore { get; set; } = 6;

    /// <summary>The review date suggested for a new assessment, in months.</summary>
    public int ReviewAfterMonths { get; set; } = 3;

    /// <summary>The furthest ahead a review date may be set, in months.</summary>
    public int LongestReviewMonths { get; set; } = 12;

    /// <summary>The caseload shows assessments whose review falls within this many days.</summary>
    public int ReviewPromptDays { get; set; } = 14;

    public AssessmentSettings Validated()
    {
        if (ApprovalGravityScore is < 1 or > 8)
        {
            throw new MendConfigurationException($"Mend:Assessments:ApprovalGravityScore is {ApprovalGravityScore}; use a gravity score from 1 to 8.");
        }

        if (LongestReviewMonths is < 1 or > 24)
        {
            throw new MendConfigurationException($"Mend:Assessments:LongestReviewMonths is {LongestReviewMonths}; use 1 to 24 months.");
        }

        if (ReviewAfterMonths < 1 || ReviewAfterMonths > LongestReviewMonths)
        {
            throw new MendConfigurationException($"Mend:Assessments:ReviewAfterMonths is {ReviewAfterMonths}; use 1 to {LongestReviewMonths} months (Mend:Assessments:LongestReviewMonths).");
        }

        if (ReviewPromptDays is < 0 or > 90)
        {
            throw new MendConfigurationException($"Mend:Assessments:ReviewPromptDays is {ReviewPromptDays}; use 0 to 90 days.");
        }

        return this;
    }
}
