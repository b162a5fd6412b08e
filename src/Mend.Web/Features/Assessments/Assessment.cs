using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Assessments;

/// <summary>
/// One participant's suitability and risk assessment on one case, as a numbered version. It moves
/// draft → submitted → approved or returned (then draft again) → superseded by the next version.
/// Narratives are encrypted at rest; an approved assessment is read-only.
/// </summary>
public sealed class Assessment : IVersioned, IPersonalData
{
    /// <summary>Why assessments are read, in the audit trail, from pages and API alike.</summary>
    public const string ViewPurpose = "Suitability and risk assessment";

    public const string ListPurpose = "Assessments on the case";

    /// <summary>What a user is told when someone else changed or decided the assessment first.</summary>
    public static readonly string StaleMessage = Platform.Changes.Conflicts.Message("or decided this assessment");

    Guid? IPersonalData.SubjectPersonId => PersonId;

    private readonly List<AssessmentFactor> _factors = [];

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PersonId { get; private set; }
    public ParticipantRole Role { get; private set; }

    /// <summary>1 for the first assessment of this person on this case, then 2, 3… for reassessments.</summary>
    public int Number { get; private set; }
    public AssessmentStatus Status { get; private set; }
    public Guid AssessorId { get; private set; }
    public string AssessorName { get; private set; } = "";
    public DateTime StartedAt { get; private set; }

    /// <summary>When an answer last changed; it also marks the row changed when only its risk factors did, so the version moves.</summary>
    public DateTime ChangedAt { get; private set; }

    public Willingness? Willingness { get; private set; }
    public bool? UnderstandsRj { get; private set; }
    public string? WillingnessNoteCiphertext { get; private set; }
    public Responsibility? Responsibility { get; private set; }
    public string? ResponsibilityNoteCiphertext { get; private set; }
    public string? ExpectationsCiphertext { get; private set; }
    public PowerImbalanceKinds PowerImbalanceKinds { get; private set; }
    public bool RisksRecorded { get; private set; }
    public SuitableProcesses SuitableProcesses { get; private set; }
    public bool ProcessesRecorded { get; private set; }
    public VenueKind? ProposedVenue { get; private set; }
    public string? SafetyMeasuresCiphertext { get; private set; }
    public RiskLevel? OverallRisk { get; private set; }
    public Recommendation? Recommendation { get; private set; }
    public string? RecommendationReasonsCiphertext { get; private set; }
    public DateOnly? ReviewOn { get; private set; }

    public DateTime? SubmittedAt { get; private set; }
    public Guid? SubmittedById { get; private set; }
    public string? SubmittedByName { get; private set; }
    public bool NeedsManagerApproval { get; private set; }

    /// <summary>Why the approval policy asked for a manager, one reason a line, as shown to the user when submitted.</summary>
    public string? ApprovalReasons { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? ConditionsCiphertext { get; private set; }
    public string? ReturnReasonsCiphertext { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<AssessmentFactor> Factors => _factors;

    public bool IsEditable => Status is AssessmentStatus.Draft or AssessmentStatus.Returned;

    /// <summary>The offender is asked about responsibility; other participants are not.</summary>
    public bool AsksResponsibility => Role == ParticipantRole.YoungPerson;

    public static Assessment Start(Guid caseId, Guid personId, ParticipantRole role, int number, Guid assessorId, string assessorName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        PersonId = personId,
        Role = role,
        Number = number,
        Status = AssessmentStatus.Draft,
        AssessorId = assessorId,
        AssessorName = assessorName,
        StartedAt = now,
        ChangedAt = now,
    };

    /// <summary>
    /// A reassessment starts from the previous version's answers, so the assessor reviews and
    /// changes what is different rather than typing it all again. The overall judgement and review
    /// date are left for the assessor to make afresh.
    /// </summary>
    public Assessment Reassess(Guid assessorId, string assessorName, DateTime now)
    {
        if (Status is not (AssessmentStatus.Approved or AssessmentStatus.Submitted))
        {
            throw new DomainRuleException("Only a submitted or approved assessment can be reassessed; carry on with the draft instead.");
        }

        var next = Start(CaseId, PersonId, Role, Number + 1, assessorId, assessorName, now);
        next.Willingness = Willingness;
        next.UnderstandsRj = UnderstandsRj;
        next.WillingnessNoteCiphertext = WillingnessNoteCiphertext;
        next.Responsibility = Responsibility;
        next.ResponsibilityNoteCiphertext = ResponsibilityNoteCiphertext;
        next.ExpectationsCiphertext = ExpectationsCiphertext;
        next.PowerImbalanceKinds = PowerImbalanceKinds;
        next.RisksRecorded = RisksRecorded;
        next._factors.AddRange(_factors.Select(f => new AssessmentFactor(f.Factor, f.Rating, f.NoteCiphertext)));
        next.SuitableProcesses = SuitableProcesses;
        next.ProcessesRecorded = ProcessesRecorded;
        next.ProposedVenue = ProposedVenue;
        next.SafetyMeasuresCiphertext = SafetyMeasuresCiphertext;

        // A submitted version still waiting for a decision can no longer be approved once a newer one exists.
        if (Status == AssessmentStatus.Submitted)
        {
            Supersede(now);
        }

        return next;
    }

    public void RecordUnderstanding(Willingness willingness, bool understandsRj, string? note, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        Willingness = willingness;
        UnderstandsRj = understandsRj;
        WillingnessNoteCiphertext = Encrypt(note, encryption);
    }

    public void RecordResponsibility(Responsibility responsibility, string? note, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        if (!AsksResponsibility)
        {
            throw new DomainRuleException("Acceptance of responsibility is only assessed for the young person who caused the harm.");
        }

        Responsibility = responsibility;
        ResponsibilityNoteCiphertext = Encrypt(note, encryption);
    }

    public void RecordExpectations(string expectations, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        ExpectationsCiphertext = Encrypt(expectations, encryption);
    }

    public void RecordRisks(IReadOnlyDictionary<RiskFactor, (FactorRating Rating, string? Note)> ratings, PowerImbalanceKinds imbalance, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        var missing = Enum.GetValues<RiskFactor>().Where(f => !ratings.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("Every risk factor must be rated.");
        }

        if (ratings.Any(r => r.Value.Rating >= FactorRating.Medium && string.IsNullOrWhiteSpace(r.Value.Note)))
        {
            throw new DomainRuleException("A medium or high risk needs a note saying why.");
        }

        _factors.Clear();
        _factors.AddRange(ratings.OrderBy(r => r.Key).Select(r => new AssessmentFactor(r.Key, r.Value.Rating, Encrypt(r.Value.Note, encryption))));
        PowerImbalanceKinds = imbalance;
        RisksRecorded = true;
    }

    public void RecordProcesses(SuitableProcesses processes, VenueKind venue, string? safetyMeasures, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        SuitableProcesses = processes;
        ProposedVenue = venue;
        SafetyMeasuresCiphertext = Encrypt(safetyMeasures, encryption);
        ProcessesRecorded = true;
    }

    public void RecordOverall(RiskLevel overallRisk, Recommendation recommendation, string reasons, DateOnly reviewOn, FieldEncryption encryption, DateTime now)
    {
        RequireEditable(now);
        if (overallRisk == RiskLevel.NotAssessed)
        {
            throw new DomainRuleException("Choose an overall risk level.");
        }

        OverallRisk = overallRisk;
        Recommendation = recommendation;
        RecommendationReasonsCiphertext = Encrypt(reasons, encryption);
        ReviewOn = reviewOn;
    }

    /// <summary>The task-list sections not yet complete, in the order they are shown.</summary>
    public IReadOnlyList<AssessmentSection> MissingSections()
    {
        var missing = new List<AssessmentSection>();
        if (Willingness is null || UnderstandsRj is null)
        {
            missing.Add(AssessmentSection.Understanding);
        }

        if (AsksResponsibility && Responsibility is null)
        {
            missing.Add(AssessmentSection.Responsibility);
        }

        if (ExpectationsCiphertext is null)
        {
            missing.Add(AssessmentSection.Expectations);
        }

        if (!RisksRecorded)
        {
            missing.Add(AssessmentSection.Risks);
        }

        if (!ProcessesRecorded)
        {
            missing.Add(AssessmentSection.Processes);
        }

        if (OverallRisk is null || Recommendation is null || RecommendationReasonsCiphertext is null || ReviewOn is null)
        {
            missing.Add(AssessmentSection.Recommendation);
        }

        return missing;
    }

    /// <summary>
    /// Sends the assessment for a decision. When the policy does not need a manager, the assessor
    /// may then approve it themselves; otherwise it waits in the managers' queue.
    /// </summary>
    public void Submit(ApprovalDecision policy, Guid userId, string userName, DateTime now)
    {
        RequireEditable(now);
        var missing = MissingSections();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("Complete every section before submitting: " + string.Join(", ", missing.Select(AssessmentWords.Describe)).ToLowerInvariant() + ".");
        }

        if (Recommendation is not (Assessments.Recommendation.NotSuitable or Assessments.Recommendation.NotNow) && SuitableProcesses == SuitableProcesses.None)
        {
            throw new DomainRuleException("The recommendation is to go ahead, but no kind of process has been marked suitable.");
        }

        Status = AssessmentStatus.Submitted;
        SubmittedAt = now;
        SubmittedById = userId;
        SubmittedByName = userName;
        NeedsManagerApproval = policy.ManagerRequired;
        ApprovalReasons = policy.Reasons.Count == 0 ? null : string.Join('\n', policy.Reasons);
        DecidedAt = null;
        DecidedById = null;
        DecidedByName = null;
        ReturnReasonsCiphertext = null;
    }

    /// <summary>
    /// Approves the submitted version. <paramref name="outOfDate"/> holds the reasons it no longer
    /// reflects the case (review date passed, new offence or warning since it was submitted).
    /// </summary>
    public void Approve(Guid userId, string userName, bool isManager, string? conditions, IReadOnlyList<string> outOfDate, FieldEncryption encryption, DateTime now)
    {
        RequireSubmitted("approved");
        if (outOfDate.Count > 0)
        {
            throw new DomainRuleException("This assessment is out of date and cannot be approved: " + string.Join("; ", outOfDate) + ". Start a reassessment.");
        }

        if (NeedsManagerApproval)
        {
            if (!isManager)
            {
                throw new DomainRuleException("This assessment needs a manager's approval.");
            }

            if (userId == SubmittedById || userId == AssessorId)
            {
                throw new DomainRuleException("A manager cannot approve their own assessment; another manager must decide.");
            }
        }
        else if (!isManager && userId != SubmittedById)
        {
            throw new DomainRuleException("Only the assessor or a manager can approve this assessment.");
        }

        Status = AssessmentStatus.Approved;
        DecidedAt = now;
        DecidedById = userId;
        DecidedByName = userName;
        ConditionsCiphertext = Encrypt(conditions, encryption);
    }

    public void Return(Guid userId, string userName, bool isManager, string reasons, FieldEncryption encryption, DateTime now)
    {
        RequireSubmitted("returned");
        if (!isManager)
        {
            throw new DomainRuleException("Only a manager can return an assessment.");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException("Say why the assessment is being returned.");
        }

        Status = AssessmentStatus.Returned;
        DecidedAt = now;
        DecidedById = userId;
        DecidedByName = userName;
        ReturnReasonsCiphertext = Encrypt(reasons, encryption);
    }

    /// <summary>A newer version has been approved (or a submitted one replaced): this one is kept, read-only, as history.</summary>
    public void Supersede(DateTime now)
    {
        if (Status is AssessmentStatus.Approved or AssessmentStatus.Submitted)
        {
            Status = AssessmentStatus.Superseded;
            SupersededAt = now;
        }
    }

    /// <summary>Points the assessment at the surviving record when two person records are merged, numbered after that person's own.</summary>
    public void MoveTo(Guid personId, int number)
    {
        PersonId = personId;
        Number = number;
    }

    /// <summary>Re-encrypts every narrative under the current key (key rotation).</summary>
    public void Reencrypt(FieldEncryption encryption)
    {
        string? Again(string? c) => c is null ? null : encryption.Encrypt(encryption.Decrypt(c));
        WillingnessNoteCiphertext = Again(WillingnessNoteCiphertext);
        ResponsibilityNoteCiphertext = Again(ResponsibilityNoteCiphertext);
        ExpectationsCiphertext = Again(ExpectationsCiphertext);
        SafetyMeasuresCiphertext = Again(SafetyMeasuresCiphertext);
        RecommendationReasonsCiphertext = Again(RecommendationReasonsCiphertext);
        ConditionsCiphertext = Again(ConditionsCiphertext);
        ReturnReasonsCiphertext = Again(ReturnReasonsCiphertext);
        foreach (var factor in _factors)
        {
            factor.ReplaceNote(Again(factor.NoteCiphertext));
        }
    }

    private void RequireEditable(DateTime now)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(Status switch
            {
                AssessmentStatus.Approved => "An approved assessment cannot be changed. Start a reassessment to record something new.",
                AssessmentStatus.Superseded => "This version has been superseded by a newer assessment and cannot be changed.",
                _ => "A submitted assessment cannot be changed while it waits for a decision.",
            });
        }

        Status = AssessmentStatus.Draft;
        ChangedAt = now;
    }

    private void RequireSubmitted(string what)
    {
        if (Status != AssessmentStatus.Submitted)
        {
            throw new DomainRuleException(Status switch
            {
                AssessmentStatus.Superseded => $"This version has been superseded by a newer assessment and cannot be {what}.",
                AssessmentStatus.Approved => "This assessment has already been approved.",
                AssessmentStatus.Returned => "This assessment has already been returned to the assessor.",
                _ => $"Only a submitted assessment can be {what}.",
            });
        }
    }

    private static string? Encrypt(string? text, FieldEncryption encryption) =>
        string.IsNullOrWhiteSpace(text) ? null : encryption.Encrypt(text.Trim());
}

/// <summary>One rated risk factor, with the assessor's note (encrypted).</summary>
public sealed class AssessmentFactor(RiskFactor factor, FactorRating rating, string? noteCiphertext)
{
    public Guid AssessmentId { get; private set; }
    public RiskFactor Factor { get; private set; } = factor;
    public FactorRating Rating { get; private set; } = rating;
    public string? NoteCiphertext { get; private set; } = noteCiphertext;

    public void ReplaceNote(string? ciphertext) => NoteCiphertext = ciphertext;
}

public enum AssessmentStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
    Superseded,
}

public enum AssessmentSection
{
    Understanding,
    Responsibility,
    Expectations,
    Risks,
    Processes,
    Recommendation,
}

public enum Willingness
{
    Willing,
    Unsure,
    NotWilling,
}

public enum Responsibility
{
    Full,
    Partial,
    None,
}

public enum RiskFactor
{
    PhysicalHarm,
    EmotionalHarm,
    PowerImbalance,
    Vulnerability,
    Capacity,
    CommunicationNeeds,
    Safeguarding,
    SubstanceMisuse,
    MentalHealth,
}

public enum FactorRating
{
    None,
    Low,
    Medium,
    High,
}

[Flags]
public enum PowerImbalanceKinds
{
    None = 0,
    DomesticAbuse = 1,
    Bullying = 2,
    HateCrime = 4,
    Intimidation = 8,
}

/// <summary>The kinds of restorative process an assessment can find suitable; a process of that kind needs it.</summary>
[Flags]
public enum SuitableProcesses
{
    None = 0,
    DirectConference = 1,
    ShuttleOrIndirect = 2,
    Letter = 4,
}

/// <summary>The kind of place a meeting would be held, as an assessment proposes it (the venues list has the places themselves).</summary>
public enum VenueKind
{
    NotDecided,
    YotOffice,
    CommunityVenue,
    School,
    PolicePremises,
    PoliceCustody,
    PrisonOrSecureEstate,
}

public enum Recommendation
{
    Proceed,
    ProceedWithConditions,
    NotNow,
    NotSuitable,
}
