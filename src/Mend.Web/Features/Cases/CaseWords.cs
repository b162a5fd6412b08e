namespace Mend.Web.Features.Cases;

/// <summary>How the case vocabulary reads on pages.</summary>
public static class CaseWords
{
    public static string Describe(ReferralSource source) => source switch
    {
        ReferralSource.CourtReferralOrder => "Court (referral order or other court order)",
        ReferralSource.OutOfCourtDisposal => "Out-of-court or pre-court diversion",
        ReferralSource.ParishHallEnquiry => "Parish Hall Enquiry",
        ReferralSource.PrisonOrSecureEstate => "Prison or secure estate",
        ReferralSource.Police => "Police",
        ReferralSource.School => "School",
        ReferralSource.VictimSelfReferral => "Victim self-referral",
        _ => "Other agency",
    };

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Referred => "Referred",
        CaseStatus.Open => "Open",
        CaseStatus.Declined => "Declined",
        _ => "Closed",
    };

    public static string Colour(CaseStatus status) => status switch
    {
        CaseStatus.Referred => "blue",
        CaseStatus.Open => "green",
        CaseStatus.Declined => "grey",
        _ => "grey",
    };

    public static string Describe(RiskLevel level) => level switch
    {
        RiskLevel.Low => "Low",
        RiskLevel.Medium => "Medium",
        RiskLevel.High => "High",
        RiskLevel.VeryHigh => "Very high",
        _ => "Not assessed",
    };

    public static string Colour(RiskLevel level) => level switch
    {
        RiskLevel.Low => "green",
        RiskLevel.Medium => "yellow",
        RiskLevel.High => "orange",
        RiskLevel.VeryHigh => "red",
        _ => "grey",
    };

    public static string Describe(Jurisdiction jurisdiction) =>
        jurisdiction == Jurisdiction.Jersey ? "Jersey" : "England and Wales";

    public static string Describe(ParticipantRole role) => role switch
    {
        ParticipantRole.YoungPerson => "Young person",
        ParticipantRole.Victim => "Victim",
        ParticipantRole.ParentOrCarer => "Parent or carer",
        ParticipantRole.Supporter => "Supporter",
        ParticipantRole.Interpreter => "Interpreter",
        _ => "Professional",
    };

    public static string Describe(ClosureReason reason) => reason switch
    {
        ClosureReason.Completed => "Completed",
        ClosureReason.PartiallyCompleted => "Partially completed",
        ClosureReason.WithdrawnByVictim => "Victim chose not to continue",
        ClosureReason.WithdrawnByYoungPerson => "Young person chose not to continue",
        ClosureReason.NotSuitable => "Not suitable for restorative justice",
        ClosureReason.NoContact => "No contact could be made",
        ClosureReason.TransferredOut => "Transferred to another service",
        _ => "Other",
    };
}
