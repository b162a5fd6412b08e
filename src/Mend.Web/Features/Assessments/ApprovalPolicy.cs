using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Assessments;

/// <summary>Whether a manager must approve an assessment, and every reason why, in words shown to the user.</summary>
public sealed record ApprovalDecision(bool ManagerRequired, IReadOnlyList<string> Reasons);

/// <summary>What the approval policy looks at: the case's offences and the people assessed on it.</summary>
public sealed record ApprovalFacts(
    IReadOnlyList<ApprovalFacts.OffenceFact> Offences,
    RiskLevel? OverallRisk,
    IReadOnlyList<ApprovalFacts.OtherParticipant> OthersOnCase,
    int? AgeOfParticipant,
    bool SafeguardingConcern,
    VenueKind? Venue)
{
    public sealed record OffenceFact(string Name, int GravityScore, bool IsSensitive);

    /// <summary>Another person on the case whose latest submitted or approved assessment gives this overall risk.</summary>
    public sealed record OtherParticipant(string Name, RiskLevel OverallRisk);
}

/// <summary>
/// Which assessments need a manager's approval (Home Office guidance on sensitive and complex
/// cases): a serious offence, by kind or by YJB gravity score; a high or very high risk for anyone
/// taking part; a child with safeguarding concerns; or a meeting in prison, the secure estate or
/// police custody. Anything else the assessor may approve themselves.
/// </summary>
public static class ApprovalPolicy
{
    public static ApprovalDecision Decide(ApprovalFacts facts, AssessmentSettings settings)
    {
        var reasons = new List<string>();
        foreach (var offence in facts.Offences.DistinctBy(o => o.Name))
        {
            if (offence.IsSensitive)
            {
                reasons.Add($"The offence ({offence.Name}) is a sensitive or complex kind");
            }
            else if (offence.GravityScore >= settings.ApprovalGravityScore)
            {
                reasons.Add($"The offence ({offence.Name}) has a gravity score of {offence.GravityScore}, at or above {settings.ApprovalGravityScore}");
            }
        }

        if (facts.OverallRisk is RiskLevel.High or RiskLevel.VeryHigh)
        {
            reasons.Add($"The overall risk is {CaseWords.Describe(facts.OverallRisk.Value).ToLowerInvariant()}");
        }

        foreach (var other in facts.OthersOnCase.Where(o => o.OverallRisk is RiskLevel.High or RiskLevel.VeryHigh))
        {
            reasons.Add($"{other.Name}, who also takes part, is assessed as {CaseWords.Describe(other.OverallRisk).ToLowerInvariant()} risk");
        }

        if (facts.SafeguardingConcern && facts.AgeOfParticipant is < 18)
        {
            reasons.Add("The person assessed is under 18 and there are safeguarding concerns");
        }

        if (facts.Venue is VenueKind.PrisonOrSecureEstate or VenueKind.PoliceCustody)
        {
            reasons.Add($"The proposed venue is {AssessmentWords.Describe(facts.Venue.Value).ToLowerInvariant()}");
        }

        return new ApprovalDecision(reasons.Count > 0, reasons);
    }
}
