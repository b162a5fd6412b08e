using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Cases;

/// <summary>
/// A piece of restorative work: it starts as a referral (status Referred), is accepted (Open) or
/// declined with reasons, and is closed with a reason. It belongs to a team, may be allocated to a
/// worker, and may be restricted to named people.
/// </summary>
public sealed class Case : IVersioned
{
    /// <summary>What a user is told when someone else saved the case first.</summary>
    public static readonly string StaleMessage = Platform.Changes.Conflicts.Message("this case");

    private readonly List<CaseParticipant> _participants = [];
    private readonly List<Offence> _offences = [];
    private readonly List<CaseAllocation> _allocations = [];
    private readonly List<CaseAccessGrant> _accessGrants = [];

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public CaseStatus Status { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid? AllocatedWorkerId { get; private set; }
    public string? AllocatedWorkerName { get; private set; }
    public RiskLevel RiskLevel { get; private set; }
    public DateOnly? RiskReviewOn { get; private set; }
    public ReferralSource ReferralSource { get; private set; }
    public DateOnly ReferralReceivedOn { get; private set; }
    public string ReferrerName { get; private set; } = "";
    public string? ReferrerOrganisation { get; private set; }
    public string? ReferralReason { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }
    public ClosureReason? ClosureReason { get; private set; }
    public string? ClosureNote { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public bool IsRestricted { get; private set; }
    public DateTime CreatedAt { get; private set; }
    [Platform.Changes.Bookkeeping]
    public DateTime LastActivityAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<CaseParticipant> Participants => _participants;
    public IReadOnlyList<Offence> Offences => _offences;
    public IReadOnlyList<CaseAllocation> Allocations => _allocations;
    public IReadOnlyList<CaseAccessGrant> AccessGrants => _accessGrants;

    public static Case Refer(string reference, ReferralDetails referral, Guid teamId, Jurisdiction jurisdiction, Guid youngPersonId, DateTime now)
    {
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            Status = CaseStatus.Referred,
            Jurisdiction = jurisdiction,
            TeamId = teamId,
            RiskLevel = RiskLevel.NotAssessed,
            ReferralSource = referral.Source,
            ReferralReceivedOn = referral.ReceivedOn,
            ReferrerName = referral.ReferrerName,
            ReferrerOrganisation = referral.ReferrerOrganisation,
            ReferralReason = referral.Reason,
            CreatedAt = now,
            LastActivityAt = now,
        };
        @case._participants.Add(CaseParticipant.Join(@case.Id, youngPersonId, ParticipantRole.YoungPerson, now));
        return @case;
    }

    public void Accept(string? reason, string byName, DateTime now)
    {
        RequireStatus(CaseStatus.Referred, "Only a referral waiting for a decision can be accepted.");
        Status = CaseStatus.Open;
        DecisionReason = reason;
        DecidedAt = now;
        DecidedByName = byName;
        Touch(now);
    }

    public void Decline(string reason, string byName, DateTime now)
    {
        RequireStatus(CaseStatus.Referred, "Only a referral waiting for a decision can be declined.");
        Status = CaseStatus.Declined;
        DecisionReason = reason;
        DecidedAt = now;
        DecidedByName = byName;
        Touch(now);
    }

    public void Close(ClosureReason reason, string? note, DateTime now)
    {
        RequireStatus(CaseStatus.Open, "Only an open case can be closed.");
        Status = CaseStatus.Closed;
        ClosureReason = reason;
        ClosureNote = note;
        ClosedAt = now;
        Touch(now);
    }

    public void Allocate(Guid workerId, string workerName, string byName, DateTime now)
    {
        if (Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            throw new DomainRuleException("A closed or declined case cannot be allocated.");
        }

        if (AllocatedWorkerId == workerId)
        {
            return;
        }

        foreach (var current in _allocations.Where(a => a.EndedAt is null))
        {
            current.End(now);
        }

        AllocatedWorkerId = workerId;
        AllocatedWorkerName = workerName;
        _allocations.Add(CaseAllocation.Start(Id, workerId, workerName, byName, now));
        Touch(now);
    }

    public void SetRisk(RiskLevel level, DateOnly? reviewOn, DateTime now)
    {
        RiskLevel = level;
        RiskReviewOn = reviewOn;
        Touch(now);
    }

    public CaseParticipant AddParticipant(Guid personId, ParticipantRole role, DateTime now)
    {
        if (_participants.Any(p => p.PersonId == personId && p.Role == role && p.EndedAt is null))
        {
            throw new DomainRuleException("This person already takes part in the case in that role.");
        }

        var participant = CaseParticipant.Join(Id, personId, role, now);
        _participants.Add(participant);
        Touch(now);
        return participant;
    }

    public Offence AddOffence(OffenceDetails details, DateTime now)
    {
        var victims = details.VictimPersonIds.Distinct().ToList();
        var notVictims = victims.Where(v => !_participants.Any(p => p.PersonId == v && p.Role == ParticipantRole.Victim && p.EndedAt is null)).ToList();
        if (notVictims.Count > 0)
        {
            throw new DomainRuleException("Each person harmed by the offence must first be added to the case as a victim.");
        }

        var offence = Offence.Record(Id, details, victims, now);
        _offences.Add(offence);
        Touch(now);
        return offence;
    }

    public void Restrict(IEnumerable<(Guid UserId, string Name)> people, string byName, DateTime now)
    {
        IsRestricted = true;
        _accessGrants.Clear();
        foreach (var (userId, name) in people.DistinctBy(p => p.UserId))
        {
            _accessGrants.Add(new CaseAccessGrant(Id, userId, name, byName, now));
        }

        Touch(now);
    }

    /// <summary>Restricts the case to the people named (see <see cref="Restrict"/>), or lifts the restriction.</summary>
    public void SetRestriction(bool restricted, IEnumerable<(Guid UserId, string Name)> named, string byName, DateTime now)
    {
        if (restricted)
        {
            Restrict(named, byName, now);
        }
        else
        {
            Unrestrict(now);
        }
    }

    public void Unrestrict(DateTime now)
    {
        IsRestricted = false;
        _accessGrants.Clear();
        Touch(now);
    }

    public void Touch(DateTime now) => LastActivityAt = now;

    private void RequireStatus(CaseStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(message);
        }
    }
}

public enum CaseStatus
{
    Referred,
    Open,
    Declined,
    Closed,
}

public enum Jurisdiction
{
    EnglandAndWales,
    Jersey,
}

public enum RiskLevel
{
    NotAssessed,
    Low,
    Medium,
    High,
    VeryHigh,
}

public enum ReferralSource
{
    CourtReferralOrder,
    OutOfCourtDisposal,
    ParishHallEnquiry,
    PrisonOrSecureEstate,
    Police,
    School,
    VictimSelfReferral,
    OtherAgency,
}

public enum ClosureReason
{
    Completed,
    PartiallyCompleted,
    WithdrawnByVictim,
    WithdrawnByYoungPerson,
    NotSuitable,
    NoContact,
    TransferredOut,
    Other,
}

public enum ParticipantRole
{
    YoungPerson,
    Victim,
    ParentOrCarer,
    Supporter,
    Professional,
    Interpreter,
}

/// <summary>What a referral says: where it came from, when, who sent it and why.</summary>
public sealed record ReferralDetails(ReferralSource Source, DateOnly ReceivedOn, string ReferrerName, string? ReferrerOrganisation, string? Reason);

public sealed class CaseParticipant : IPersonalData
{
    Guid? IPersonalData.SubjectPersonId => PersonId;

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PersonId { get; private set; }
    public ParticipantRole Role { get; private set; }
    public DateTime AddedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>The person, only where a query includes it (the case page reads its people with the case, in one round trip).</summary>
    public People.Person? Person { get; private set; }

    public static CaseParticipant Join(Guid caseId, Guid personId, ParticipantRole role, DateTime now) =>
        new() { CaseId = caseId, PersonId = personId, Role = role, AddedAt = now };

    /// <summary>Points the participation at the surviving record when two person records are merged.</summary>
    public void MoveTo(Guid personId) => PersonId = personId;

    public void End(DateTime now) => EndedAt ??= now;
}

/// <summary>Who the case has been allocated to, and when; the history is kept.</summary>
public sealed class CaseAllocation
{
    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public string AllocatedByName { get; private set; } = "";
    public DateTime AllocatedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public static CaseAllocation Start(Guid caseId, Guid workerId, string workerName, string byName, DateTime now) =>
        new() { CaseId = caseId, WorkerId = workerId, WorkerName = workerName, AllocatedByName = byName, AllocatedAt = now };

    public void End(DateTime now) => EndedAt ??= now;
}

/// <summary>A named person allowed to see a restricted case.</summary>
public sealed class CaseAccessGrant(Guid caseId, Guid userId, string userName, string grantedByName, DateTime grantedAt)
{
    public long Id { get; private set; }
    public Guid CaseId { get; private set; } = caseId;
    public Guid UserId { get; private set; } = userId;
    public string UserName { get; private set; } = userName;
    public string GrantedByName { get; private set; } = grantedByName;
    public DateTime GrantedAt { get; private set; } = grantedAt;
}

/// <summary>
/// Someone outside a case's team, or outside a restricted case's named people, opening it anyway
/// with a reason. Audited, listed for managers, and good for the rest of the working day.
/// </summary>
public sealed class BreakGlass
{
    public static readonly TimeSpan Lasts = TimeSpan.FromHours(8);

    public long Id { get; private set; }
    public Guid? CaseId { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTime At { get; private set; }

    /// <summary>The reason, trimmed, or the message saying what is wrong with it.</summary>
    public static (string? Reason, string? Error) CheckReason(string? typed, string what)
    {
        var reason = typed?.Trim();
        return string.IsNullOrEmpty(reason) ? (null, $"Enter why you need to see this {what}")
            : reason.Length > 1000 ? (null, "Reason must be 1000 characters or fewer")
            : (reason, null);
    }

    public static BreakGlass ForCase(Guid caseId, Guid userId, string userName, string reason, DateTime now) =>
        new() { CaseId = caseId, UserId = userId, UserName = userName, Reason = reason, At = now };

    public static BreakGlass ForPerson(Guid personId, Guid userId, string userName, string reason, DateTime now) =>
        new() { PersonId = personId, UserId = userId, UserName = userName, Reason = reason, At = now };
}
