namespace Mend.Web.Features.Assessments;

/// <summary>How assessment values read on pages.</summary>
public static class AssessmentWords
{
    public static string Describe(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "In progress",
        AssessmentStatus.Submitted => "Waiting for approval",
        AssessmentStatus.Approved => "Approved",
        AssessmentStatus.Returned => "Returned",
        AssessmentStatus.Superseded => "Superseded",
        _ => status.ToString(),
    };

    public static string Colour(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "blue",
        AssessmentStatus.Submitted => "yellow",
        AssessmentStatus.Approved => "green",
        AssessmentStatus.Returned => "red",
        _ => "grey",
    };

    public static string Describe(AssessmentSection section) => section switch
    {
        AssessmentSection.Understanding => "Understanding and willingness",
        AssessmentSection.Responsibility => "Acceptance of responsibility",
        AssessmentSection.Expectations => "Expectations and motivation",
        AssessmentSection.Risks => "Risks of harm",
        AssessmentSection.Processes => "Suitable processes and safety",
        AssessmentSection.Recommendation => "Overall risk and recommendation",
        _ => section.ToString(),
    };

    public static string Slug(AssessmentSection section) => section.ToString().ToLowerInvariant();

    public static string Describe(Willingness value) => value switch
    {
        Willingness.Willing => "Willing to take part",
        Willingness.Unsure => "Unsure",
        Willingness.NotWilling => "Not willing",
        _ => value.ToString(),
    };

    public static string Describe(Responsibility value) => value switch
    {
        Responsibility.Full => "Accepts full responsibility",
        Responsibility.Partial => "Accepts some responsibility",
        Responsibility.None => "Does not accept responsibility",
        _ => value.ToString(),
    };

    public static string Describe(RiskFactor factor) => factor switch
    {
        RiskFactor.PhysicalHarm => "Risk of physical harm (to anyone taking part or staff)",
        RiskFactor.EmotionalHarm => "Risk of emotional harm or re-victimisation",
        RiskFactor.PowerImbalance => "Power imbalance",
        RiskFactor.Vulnerability => "Vulnerability",
        RiskFactor.Capacity => "Capacity to take part",
        RiskFactor.CommunicationNeeds => "Communication needs",
        RiskFactor.Safeguarding => "Safeguarding concerns",
        RiskFactor.SubstanceMisuse => "Substance misuse",
        RiskFactor.MentalHealth => "Mental health",
        _ => factor.ToString(),
    };

    public static string Describe(FactorRating rating) => rating switch
    {
        FactorRating.None => "None",
        FactorRating.Low => "Low",
        FactorRating.Medium => "Medium",
        FactorRating.High => "High",
        _ => rating.ToString(),
    };

    public static string Describe(PowerImbalanceKinds kind) => kind switch
    {
        PowerImbalanceKinds.DomesticAbuse => "Domestic abuse",
        PowerImbalanceKinds.Bullying => "Bullying",
        PowerImbalanceKinds.HateCrime => "Hate crime",
        PowerImbalanceKinds.Intimidation => "Intimidation",
        _ => kind.ToString(),
    };

    public static string Describe(SuitableProcesses process) => process switch
    {
        SuitableProcesses.DirectConference => "Direct (face-to-face) conference",
        SuitableProcesses.ShuttleOrIndirect => "Shuttle or indirect communication",
        SuitableProcesses.Letter => "Letter of apology or explanation",
        SuitableProcesses.None => "None",
        _ => string.Join(", ", Enum.GetValues<SuitableProcesses>().Where(p => p != SuitableProcesses.None && process.HasFlag(p)).Select(Describe)),
    };

    public static string Describe(VenueKind venue) => venue switch
    {
        VenueKind.NotDecided => "Not decided yet",
        VenueKind.YotOffice => "Youth justice or probation office",
        VenueKind.CommunityVenue => "Community venue",
        VenueKind.School => "School",
        VenueKind.PolicePremises => "Police premises (not custody)",
        VenueKind.PoliceCustody => "Police custody",
        VenueKind.PrisonOrSecureEstate => "Prison or secure estate",
        _ => venue.ToString(),
    };

    public static string Describe(Recommendation value) => value switch
    {
        Recommendation.Proceed => "Go ahead",
        Recommendation.ProceedWithConditions => "Go ahead with conditions",
        Recommendation.NotNow => "Not now: reassess later",
        Recommendation.NotSuitable => "Not suitable",
        _ => value.ToString(),
    };

    public static IEnumerable<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(v));
}
