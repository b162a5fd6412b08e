using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;

namespace Mend.Tests.Assessments;

/// <summary>The approval policy over offence kinds, gravity scores, risk levels, ages and venues.</summary>
public sealed class ApprovalPolicyTests
{
    private static readonly AssessmentSettings Settings = new() { ApprovalGravityScore = 6 };

    private static readonly ApprovalFacts.OffenceFact Shoplifting = new("Theft from a shop", 2, false);
    private static readonly ApprovalFacts.OffenceFact Robbery = new("Robbery", 6, false);
    private static readonly ApprovalFacts.OffenceFact Burglary = new("Burglary of a home", 5, false);
    private static readonly ApprovalFacts.OffenceFact Gbh = new("Wounding or inflicting grievous bodily harm", 6, true);
    private static readonly ApprovalFacts.OffenceFact SexualAssault = new("Sexual assault", 6, true);
    private static readonly ApprovalFacts.OffenceFact Coercion = new("Controlling or coercive behaviour", 5, true);
    private static readonly ApprovalFacts.OffenceFact HateCrime = new("Racially or religiously aggravated public order offence", 4, true);

    public static TheoryData<string, ApprovalFacts, bool, string?> Situations => new()
    {
        { "low-level theft, low risk, adult-run office", Facts(Shoplifting), false, null },
        { "no offence recorded (school referral)", Facts(), false, null },
        { "gravity just below the threshold", Facts(Burglary), false, null },
        { "gravity at the threshold", Facts(Robbery), true, "gravity score of 6, at or above 6" },
        { "grievous bodily harm", Facts(Gbh), true, "(Wounding or inflicting grievous bodily harm) is a sensitive or complex kind" },
        { "sexual offence", Facts(SexualAssault), true, "(Sexual assault) is a sensitive or complex kind" },
        { "domestic abuse", Facts(Coercion), true, "(Controlling or coercive behaviour) is a sensitive or complex kind" },
        { "hate crime with a low gravity score", Facts(HateCrime), true, "is a sensitive or complex kind" },
        { "medium overall risk", Facts(Shoplifting) with { OverallRisk = RiskLevel.Medium }, false, null },
        { "high overall risk", Facts(Shoplifting) with { OverallRisk = RiskLevel.High }, true, "The overall risk is high" },
        { "very high overall risk", Facts(Shoplifting) with { OverallRisk = RiskLevel.VeryHigh }, true, "The overall risk is very high" },
        { "another participant is high risk", Facts(Shoplifting) with { OthersOnCase = [new("Sam Lee", RiskLevel.High)] }, true, "Sam Lee, who also takes part, is assessed as high risk" },
        { "another participant is low risk", Facts(Shoplifting) with { OthersOnCase = [new("Sam Lee", RiskLevel.Low)] }, false, null },
        { "child with safeguarding concerns", Facts(Shoplifting) with { AgeOfParticipant = 14, SafeguardingConcern = true }, true, "under 18 and there are safeguarding concerns" },
        { "17-year-old with safeguarding concerns", Facts(Shoplifting) with { AgeOfParticipant = 17, SafeguardingConcern = true }, true, "under 18" },
        { "adult with safeguarding concerns", Facts(Shoplifting) with { AgeOfParticipant = 18, SafeguardingConcern = true }, false, null },
        { "child without safeguarding concerns", Facts(Shoplifting) with { AgeOfParticipant = 12 }, false, null },
        { "age not known, safeguarding concerns", Facts(Shoplifting) with { AgeOfParticipant = null, SafeguardingConcern = true }, false, null },
        { "prison or secure estate", Facts(Shoplifting) with { Venue = VenueKind.PrisonOrSecureEstate }, true, "The proposed venue is prison or secure estate" },
        { "police custody", Facts(Shoplifting) with { Venue = VenueKind.PoliceCustody }, true, "The proposed venue is police custody" },
        { "police premises that are not custody", Facts(Shoplifting) with { Venue = VenueKind.PolicePremises }, false, null },
        { "school", Facts(Shoplifting) with { Venue = VenueKind.School }, false, null },
    };

    private static ApprovalFacts Facts(params ApprovalFacts.OffenceFact[] offences) =>
        new(offences, RiskLevel.Low, [], 15, false, VenueKind.YotOffice);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Decide_Table(string situation, ApprovalFacts facts, bool managerRequired, string? reasonContains)
    {
        var decision = ApprovalPolicy.Decide(facts, Settings);

        Assert.True(decision.ManagerRequired == managerRequired, $"{situation}: expected manager required = {managerRequired}, reasons: {string.Join("; ", decision.Reasons)}");
        if (reasonContains is null)
        {
            Assert.Empty(decision.Reasons);
        }
        else
        {
            Assert.Contains(decision.Reasons, r => r.Contains(reasonContains, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Decide_EveryReasonIsGiven_NotOnlyTheFirst()
    {
        var facts = new ApprovalFacts([Gbh, Robbery], RiskLevel.VeryHigh, [], 15, true, VenueKind.PrisonOrSecureEstate);

        var decision = ApprovalPolicy.Decide(facts, Settings);

        Assert.Equal(5, decision.Reasons.Count);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Decide_GravityThreshold_IsConfigurable(int threshold, bool burglaryNeedsManager)
    {
        var decision = ApprovalPolicy.Decide(Facts(Burglary), new AssessmentSettings { ApprovalGravityScore = threshold });

        Assert.Equal(burglaryNeedsManager, decision.ManagerRequired);
    }

    [Theory]
    [InlineData(0, 3, 12)]
    [InlineData(9, 3, 12)]
    [InlineData(6, 0, 12)]
    [InlineData(6, 13, 12)]
    [InlineData(6, 3, 30)]
    public void Settings_ThatMakeNoSense_StopStartUp(int gravity, int reviewAfter, int longest)
    {
        var settings = new AssessmentSettings { ApprovalGravityScore = gravity, ReviewAfterMonths = reviewAfter, LongestReviewMonths = longest };

        Assert.Throws<Mend.Web.Platform.MendConfigurationException>(() => settings.Validated());
    }
}
