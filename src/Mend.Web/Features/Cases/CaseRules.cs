namespace Mend.Web.Features.Cases;

/// <summary>The checks on deciding a referral and on setting a case's risk, shared by the pages and the API.</summary>
public static class CaseRules
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    /// <summary>Field → message for each problem with a decision on the referral.</summary>
    public static Dictionary<string, string> CheckDecision(Case @case, string? decision, string? reason)
    {
        var errors = new Dictionary<string, string>();
        reason = reason?.Trim();
        if (decision is not (Accept or Decline))
        {
            errors["Decision"] = "Select whether to accept or decline the referral";
        }
        else if (decision == Decline && string.IsNullOrEmpty(reason))
        {
            errors["DecisionReason"] = "Enter why the referral is declined";
        }

        if (reason?.Length > 2000)
        {
            errors["DecisionReason"] = "Reason must be 2000 characters or fewer";
        }

        if (@case.Status != CaseStatus.Referred)
        {
            errors["Decision"] = "A decision has already been made on this referral";
        }

        return errors;
    }

    public static void ApplyDecision(Case @case, string decision, string? reason, string byName, DateTime now)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == Accept)
        {
            @case.Accept(reason, byName, now);
        }
        else
        {
            @case.Decline(reason!, byName, now);
        }
    }

    /// <summary>Field → message for each problem with a risk level and its review date.</summary>
    public static Dictionary<string, string> CheckRisk(RiskLevel? level, DateOnly? reviewOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (level is not { } l || !Enum.IsDefined(l))
        {
            errors["Risk"] = "Select the risk level";
        }

        if (reviewOn is { } day && day <= today)
        {
            errors["RiskReviewOn"] = "Review date must be in the future";
        }
        else if (reviewOn is null && level is RiskLevel.High or RiskLevel.VeryHigh)
        {
            errors["RiskReviewOn"] = "Enter a review date for a high or very high risk";
        }

        return errors;
    }
}
