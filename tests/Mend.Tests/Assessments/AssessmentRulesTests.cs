using System.Security.Cryptography;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Tests.Assessments;

/// <summary>The assessment's own rules: draft → submitted → approved or returned → superseded.</summary>
public sealed class AssessmentRulesTests
{
    private static readonly FieldEncryption Encryption =
        new(new EncryptionSettings { CurrentKeyId = 1, Keys = new() { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } });

    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Assessor = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly ApprovalDecision NeedsManager = new(true, ["The offence (Sexual assault) is a sensitive or complex kind"]);
    private static readonly ApprovalDecision NoManager = new(false, []);

    internal static Assessment Complete(ParticipantRole role = ParticipantRole.Victim)
    {
        var a = Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), role, 1, Assessor, "Ada Assessor", Now);
        a.RecordUnderstanding(Willingness.Willing, true, "Wants to ask why", Encryption, Now);
        if (a.AsksResponsibility)
        {
            a.RecordResponsibility(Responsibility.Full, null, Encryption, Now);
        }

        a.RecordExpectations("Hopes for an apology", Encryption, Now);
        a.RecordRisks(Enum.GetValues<RiskFactor>().ToDictionary(f => f, _ => (FactorRating.Low, (string?)null)), PowerImbalanceKinds.None, Encryption, Now);
        a.RecordProcesses(SuitableProcesses.DirectConference | SuitableProcesses.Letter, VenueKind.YotOffice, "Separate waiting rooms", Encryption, Now);
        a.RecordOverall(RiskLevel.Low, Recommendation.Proceed, "Low risk, both willing", new DateOnly(2027, 2, 28), Encryption, Now);
        return a;
    }

    [Fact]
    public void Submit_Incomplete_IsRefused_NamingTheMissingSections()
    {
        var a = Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), ParticipantRole.YoungPerson, 1, Assessor, "Ada", Now);
        a.RecordExpectations("To say sorry", Encryption, Now);

        var ex = Assert.Throws<DomainRuleException>(() => a.Submit(NoManager, Assessor, "Ada", Now));

        Assert.Contains("understanding and willingness", ex.Message, StringComparison.Ordinal);
        Assert.Contains("acceptance of responsibility", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expectations", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Draft, a.Status);
    }

    [Fact]
    public void MissingSections_Victim_IsNeverAskedAboutResponsibility()
    {
        var a = Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), ParticipantRole.Victim, 1, Assessor, "Ada", Now);

        Assert.DoesNotContain(AssessmentSection.Responsibility, a.MissingSections());
        Assert.Throws<DomainRuleException>(() => a.RecordResponsibility(Responsibility.Full, null, Encryption, Now));
    }

    [Fact]
    public void RecordRisks_MediumWithoutANote_IsRefused()
    {
        var a = Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), ParticipantRole.Victim, 1, Assessor, "Ada", Now);
        var ratings = Enum.GetValues<RiskFactor>().ToDictionary(f => f, f => (f == RiskFactor.EmotionalHarm ? FactorRating.Medium : FactorRating.None, (string?)null));

        Assert.Throws<DomainRuleException>(() => a.RecordRisks(ratings, PowerImbalanceKinds.None, Encryption, Now));
        Assert.Contains(AssessmentSection.Risks, a.MissingSections());
    }

    [Fact]
    public void Approve_OwnAssessment_WhenAManagerMustApprove_IsRefused_EvenForAManager()
    {
        var a = Complete();
        a.Submit(NeedsManager, Manager, "Mo Manager", Now);

        var ex = Assert.Throws<DomainRuleException>(() => a.Approve(Manager, "Mo Manager", isManager: true, null, [], Encryption, Now));

        Assert.Contains("cannot approve their own", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, a.Status);
    }

    [Fact]
    public void Approve_ByAPractitioner_WhenAManagerMustApprove_IsRefused()
    {
        var a = Complete();
        a.Submit(NeedsManager, Assessor, "Ada", Now);

        Assert.Throws<DomainRuleException>(() => a.Approve(Guid.NewGuid(), "Other practitioner", isManager: false, null, [], Encryption, Now));
    }

    [Fact]
    public void Approve_ByAnotherManager_RecordsConditions_AndMakesItReadOnly()
    {
        var a = Complete();
        a.Submit(NeedsManager, Assessor, "Ada", Now);

        a.Approve(Manager, "Mo Manager", isManager: true, "Co-facilitator with advanced training", [], Encryption, Now);

        Assert.Equal(AssessmentStatus.Approved, a.Status);
        Assert.Equal("Co-facilitator with advanced training", Encryption.Decrypt(a.ConditionsCiphertext!));
        var ex = Assert.Throws<DomainRuleException>(() => a.RecordExpectations("Changed after approval", Encryption, Now));
        Assert.Contains("approved assessment cannot be changed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_OutOfDate_IsRefused_WithTheReason()
    {
        var a = Complete();
        a.Submit(NeedsManager, Assessor, "Ada", Now);

        var ex = Assert.Throws<DomainRuleException>(() => a.Approve(Manager, "Mo", true, null, ["an offence (Robbery) was added to the case after it was submitted"], Encryption, Now));

        Assert.Contains("Robbery", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, a.Status);
    }

    [Fact]
    public void Return_NeedsReasons_AndTheAssessorCanThenEditAndResubmit()
    {
        var a = Complete();
        a.Submit(NeedsManager, Assessor, "Ada", Now);
        Assert.Throws<DomainRuleException>(() => a.Return(Manager, "Mo", true, " ", Encryption, Now));

        a.Return(Manager, "Mo", true, "Say more about the power imbalance", Encryption, Now);
        Assert.Equal(AssessmentStatus.Returned, a.Status);
        a.RecordExpectations("Hopes for an apology and to feel safe", Encryption, Now);
        Assert.Equal(AssessmentStatus.Draft, a.Status);
        a.Submit(NeedsManager, Assessor, "Ada", Now);

        Assert.Equal(AssessmentStatus.Submitted, a.Status);
        Assert.Null(a.ReturnReasonsCiphertext);
    }

    [Fact]
    public void Reassess_Approved_CopiesTheAnswers_ButNotTheJudgement_AndTheOldOneStaysUntilTheNewIsApproved()
    {
        var a = Complete();
        a.Submit(NoManager, Assessor, "Ada", Now);
        a.Approve(Assessor, "Ada", false, null, [], Encryption, Now);

        var next = a.Reassess(Assessor, "Ada", Now);

        Assert.Equal(2, next.Number);
        Assert.Equal(AssessmentStatus.Draft, next.Status);
        Assert.Equal(a.Factors.Count, next.Factors.Count);
        Assert.Equal(a.SuitableProcesses, next.SuitableProcesses);
        Assert.Equal([AssessmentSection.Recommendation], next.MissingSections());
        Assert.Equal(AssessmentStatus.Approved, a.Status);
    }

    [Fact]
    public void Reassess_WhileSubmitted_SupersedesIt_SoItCanNoLongerBeApproved()
    {
        var a = Complete();
        a.Submit(NeedsManager, Assessor, "Ada", Now);

        a.Reassess(Assessor, "Ada", Now);

        Assert.Equal(AssessmentStatus.Superseded, a.Status);
        var ex = Assert.Throws<DomainRuleException>(() => a.Approve(Manager, "Mo", true, null, [], Encryption, Now));
        Assert.Contains("superseded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_GoAheadWithNoSuitableProcess_IsRefused()
    {
        var a = Complete();
        a.RecordProcesses(SuitableProcesses.None, VenueKind.NotDecided, null, Encryption, Now);

        Assert.Throws<DomainRuleException>(() => a.Submit(NoManager, Assessor, "Ada", Now));
    }

    [Fact]
    public void Narratives_AreStoredEncrypted()
    {
        var a = Complete();

        Assert.DoesNotContain("apology", a.ExpectationsCiphertext!, StringComparison.Ordinal);
        Assert.Equal("Hopes for an apology", Encryption.Decrypt(a.ExpectationsCiphertext!));
    }
}
