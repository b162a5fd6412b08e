using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;

namespace Mend.Web.Features.Processes;

/// <summary>
/// A restorative process on a case: what kind, who takes part, and, for a meeting, when and where,
/// who facilitates, and each person's staggered arrival and departure. It can only be scheduled
/// through <see cref="ScheduleMeeting"/>, which enforces the assessment gate and the safety checks.
/// </summary>
public sealed class RjProcess : IVersioned
{
    private readonly List<ProcessParticipant> _participants = [];

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public ProcessKind Kind { get; private set; }
    public ProcessStatus Status { get; private set; }
    public Guid? FacilitatorId { get; private set; }
    public string? FacilitatorName { get; private set; }
    public Guid? CoFacilitatorId { get; private set; }
    public string? CoFacilitatorName { get; private set; }
    public int? VenueId { get; private set; }
    public int? RoomId { get; private set; }
    public DateTime? StartsAt { get; private set; }
    public DateTime? EndsAt { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ProcessParticipant> Participants => _participants;

    public static RjProcess Plan(Guid caseId, ProcessKind kind, IEnumerable<(Guid PersonId, ParticipantRole Role)> participants, string byName, DateTime now)
    {
        var process = new RjProcess { Id = Guid.CreateVersion7(), CaseId = caseId, Kind = kind, Status = ProcessStatus.Planning, CreatedByName = byName, CreatedAt = now };
        process._participants.AddRange(participants.DistinctBy(p => p.PersonId).Select(p => new ProcessParticipant(p.PersonId, p.Role)));
        if (process._participants.Count == 0)
        {
            throw new DomainRuleException("Choose who will take part.");
        }

        return process;
    }

    /// <summary>Whether this kind of process brings people together at a time (and, face to face, a place).</summary>
    public bool IsMeeting => Kind is not (ProcessKind.ShuttleOrIndirect or ProcessKind.Letter);

    public bool NeedsVenue => IsMeeting && Kind != ProcessKind.VideoConference;

    /// <summary>The kind of process an assessment must find suitable for this one.</summary>
    public SuitableProcesses AssessedAs => Kind switch
    {
        ProcessKind.ShuttleOrIndirect => SuitableProcesses.ShuttleOrIndirect,
        ProcessKind.Letter => SuitableProcesses.Letter,
        _ => SuitableProcesses.DirectConference,
    };

    /// <summary>Sets the meeting. The caller has checked the gate, accreditation and conflicts; this guards the shape.</summary>
    internal void Schedule(MeetingPlan plan)
    {
        if (Status is not (ProcessStatus.Planning or ProcessStatus.Scheduled))
        {
            throw new DomainRuleException("Only a process being planned or already scheduled can be (re)scheduled.");
        }

        if (!IsMeeting)
        {
            throw new DomainRuleException("A shuttle or letter process has no meeting to schedule.");
        }

        if (plan.EndsAt <= plan.StartsAt)
        {
            throw new DomainRuleException("The meeting must end after it starts.");
        }

        FacilitatorId = plan.FacilitatorId;
        FacilitatorName = plan.FacilitatorName;
        CoFacilitatorId = plan.CoFacilitatorId;
        CoFacilitatorName = plan.CoFacilitatorName;
        VenueId = plan.VenueId;
        RoomId = plan.RoomId;
        StartsAt = plan.StartsAt;
        EndsAt = plan.EndsAt;
        foreach (var p in _participants)
        {
            var times = plan.Times.FirstOrDefault(t => t.PersonId == p.PersonId);
            p.SetTimes(times?.ArriveAt ?? plan.StartsAt, times?.LeaveAt ?? plan.EndsAt);
        }

        Status = ProcessStatus.Scheduled;
    }
}

public sealed class ProcessParticipant(Guid personId, ParticipantRole role)
{
    public long Id { get; private set; }
    public Guid RjProcessId { get; private set; }
    public Guid PersonId { get; private set; } = personId;
    public ParticipantRole Role { get; private set; } = role;
    public DateTime? ArriveAt { get; private set; }
    public DateTime? LeaveAt { get; private set; }

    internal void SetTimes(DateTime arrive, DateTime leave)
    {
        ArriveAt = arrive;
        LeaveAt = leave;
    }
}

public enum ProcessKind
{
    FaceToFaceConference,
    ShuttleOrIndirect,
    Letter,
    VideoConference,
    CommunityPanel,
    SchoolMeeting,
    ReferralOrderPanel,
}

public enum ProcessStatus
{
    Planning,
    Scheduled,
    Completed,
    PartiallyCompleted,
    Withdrawn,
    NotSuitable,
}

public sealed record MeetingPlan(Guid FacilitatorId, string FacilitatorName, Guid? CoFacilitatorId, string? CoFacilitatorName, int? VenueId, int? RoomId,
    DateTime StartsAt, DateTime EndsAt, IReadOnlyList<MeetingPlan.PersonTimes> Times)
{
    public sealed record PersonTimes(Guid PersonId, DateTime ArriveAt, DateTime LeaveAt);
}
