using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Processes;

/// <summary>
/// A restorative process on a case: what kind, who takes part, and, for a meeting, when and where,
/// who facilitates, and each person's staggered arrival and departure. It can only be scheduled
/// through <see cref="ScheduleMeeting"/>, which enforces the assessment gate and the safety checks.
/// </summary>
public sealed class RjProcess : IVersioned
{
    /// <summary>Why a process is read, in the audit trail, from its page and its API alike.</summary>
    public const string ViewPurpose = "Restorative process";

    private readonly List<ProcessParticipant> _participants = [];
    private readonly List<AgreementItem> _agreement = [];
    private readonly List<PreparationSession> _preparation = [];
    private readonly List<ParticipantFeedback> _feedback = [];

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
    /// <summary>The safety plan: who meets whom where, waiting rooms, exits, what happens if someone is upset (encrypted).</summary>
    public string? SafetyPlanCiphertext { get; private set; }
    public string? RecordCiphertext { get; private set; }
    public string? FollowUpPlan { get; private set; }
    public DateTime? RecordedAt { get; private set; }
    public string? RecordedByName { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? OutcomeReason { get; private set; }
    public DateTime? ConcludedAt { get; private set; }
    /// <summary>The community or referral-order panel that meets, for panel processes.</summary>
    public int? PanelId { get; private set; }
    public string? ChairName { get; private set; }
    public string? MinutesCiphertext { get; private set; }
    public string? MinutesByName { get; private set; }
    public DateTime? MinutesAt { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>When anything on the process last changed; it moves the version when only an agreement item changed.</summary>
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    public void Touch(DateTime now) => ChangedAt = now;

    /// <summary>What a user is told when someone else saved the process first.</summary>
    public static readonly string StaleMessage = Platform.Changes.Conflicts.Message("this process");

    public IReadOnlyList<ProcessParticipant> Participants => _participants;

    public IReadOnlyList<AgreementItem> Agreement => _agreement;

    public IReadOnlyList<PreparationSession> Preparation => _preparation;

    public IReadOnlyList<ParticipantFeedback> Feedback => _feedback;

    public bool IsConcluded => Status is ProcessStatus.Completed or ProcessStatus.PartiallyCompleted or ProcessStatus.Withdrawn or ProcessStatus.NotSuitable;

    /// <summary>Plans a process; <paramref name="harmedRepresented"/> as in <see cref="ProcessParties.Missing"/>.</summary>
    public static RjProcess Plan(Guid caseId, ProcessKind kind, IEnumerable<(Guid PersonId, ParticipantRole Role)> participants, string byName, DateTime now,
        bool harmedRepresented = false)
    {
        var process = new RjProcess { Id = Guid.CreateVersion7(), CaseId = caseId, Kind = kind, Status = ProcessStatus.Planning, CreatedByName = byName, CreatedAt = now };
        process._participants.AddRange(participants.DistinctBy(p => p.PersonId).Select(p => new ProcessParticipant(p.PersonId, p.Role)));
        if (process._participants.Count == 0)
        {
            throw new DomainRuleException("Choose who will take part.", "personIds");
        }

        if (ProcessParties.Missing(kind, process._participants.Select(p => p.Role).ToList(), harmedRepresented) is { } missing)
        {
            throw new DomainRuleException(missing, "personIds");
        }

        return process;
    }

    /// <summary>Whether this kind of process brings people together at a time (and, face to face, a place).</summary>
    public bool IsMeeting => Kind is not (ProcessKind.ShuttleOrIndirect or ProcessKind.Letter);

    public bool NeedsVenue => IsMeeting && Kind != ProcessKind.VideoConference;

    public bool NeedsPanel => Panels.Panel.For(Kind) is not null;

    /// <summary>Chooses the panel that meets for a community or referral-order panel process.</summary>
    public void MeetWithPanel(Panels.Panel panel)
    {
        RequireOpen();
        if (Panels.Panel.For(Kind) is not { } kind)
        {
            throw new DomainRuleException("Only a community or referral-order panel process meets with a panel.");
        }

        if (panel.Kind != kind || !panel.IsActive)
        {
            throw new DomainRuleException($"Choose an active {(kind == Panels.PanelKind.CommunityRj ? "community RJ" : "referral-order")} panel.", "panelId");
        }

        PanelId = panel.Id;
    }

    /// <summary>The panel's minutes of its meeting, written by the chair or the case worker once the meeting has started.</summary>
    public void RecordMinutes(string encryptedMinutes, string chairName, string byName, DateTime now)
    {
        if (PanelId is null)
        {
            throw new DomainRuleException("Only a panel meeting has minutes.");
        }

        if (StartsAt is null || StartsAt > now)
        {
            throw new DomainRuleException("Minutes can be written once the meeting has started.");
        }

        if (Status is ProcessStatus.Withdrawn or ProcessStatus.NotSuitable)
        {
            throw new DomainRuleException("This process has ended; its record can no longer be changed.");
        }

        MinutesCiphertext = encryptedMinutes;
        ChairName = chairName;
        MinutesByName = byName;
        MinutesAt = now;
    }

    /// <summary>The kind of process an assessment must find suitable for this one.</summary>
    public SuitableProcesses AssessedAs => Kind switch
    {
        ProcessKind.ShuttleOrIndirect => SuitableProcesses.ShuttleOrIndirect,
        ProcessKind.Letter => SuitableProcesses.Letter,
        _ => SuitableProcesses.DirectConference,
    };

    /// <summary>
    /// Schedules (or reschedules) the meeting, refusing it, with the field concerned, when any of
    /// <see cref="SchedulingRules"/> is broken; <see cref="ScheduleMeeting"/> shows them all at once first.
    /// </summary>
    public void Schedule(ScheduleRequest request, SchedulingFacts facts)
    {
        if (SchedulingRules.Problems(this, request, facts).FirstOrDefault() is { Key: { } field, Value: { } problem })
        {
            throw new DomainRuleException(problem + ".", field);
        }

        var facilitator = request.FacilitatorId!.Value;
        Schedule(new MeetingPlan(facilitator, facts.Staff[facilitator], request.CoFacilitatorId,
            request.CoFacilitatorId is { } co ? facts.Staff[co] : null, NeedsVenue ? request.VenueId : null, NeedsVenue ? request.RoomId : null,
            request.StartsAt, request.EndsAt, SchedulingRules.TimesFor(this, request)));
    }

    private void Schedule(MeetingPlan plan)
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
    /// <summary>
    /// What happened at the meeting (or, for shuttle and letters, in the process): who attended and
    /// spoke, an encrypted record, and the follow-up plan. Only after the meeting has started.
    /// </summary>
    public void RecordMeeting(IReadOnlyCollection<(Guid PersonId, bool Attended, bool Spoke)> attendance, string record, string? followUp, string encryptedRecord, string byName, DateTime now)
    {
        RequireOpen();
        if (IsMeeting && (Status != ProcessStatus.Scheduled || StartsAt > now))
        {
            throw new DomainRuleException("The meeting can be recorded once it has started.", "");
        }

        if (string.IsNullOrWhiteSpace(record))
        {
            throw new DomainRuleException("Enter the record of the meeting.", "record");
        }

        foreach (var p in _participants)
        {
            var a = attendance.FirstOrDefault(x => x.PersonId == p.PersonId);
            p.SetAttendance(a.Attended, a.Attended && a.Spoke);
        }

        RecordCiphertext = encryptedRecord;
        FollowUpPlan = followUp;
        RecordedAt = now;
        RecordedByName = byName;
    }

    public void WriteSafetyPlan(string encryptedPlan)
    {
        RequireOpen();
        SafetyPlanCiphertext = encryptedPlan;
    }

    /// <summary>A preparation meeting with one participant before the day.</summary>
    public PreparationSession RecordPreparation(Guid personId, DateOnly heldOn, string? encryptedNote, string byName, DateOnly today)
    {
        RequireOpen();
        if (_participants.All(p => p.PersonId != personId))
        {
            throw new DomainRuleException("Select who the session was with.", "personId");
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("The date of the session must be today or in the past.", "heldOn");
        }

        var session = new PreparationSession(personId, heldOn, encryptedNote, byName);
        _preparation.Add(session);
        return session;
    }

    /// <summary>
    /// The rules for an item of the outcome agreement, field by field (the API's names): what and who (1,000 and 200
    /// characters), a due date not in the past, and for reparation 0.5 to 200 hours. Empty when the item is acceptable;
    /// operations show all of them at once, and <see cref="AddAgreementItem"/> refuses any of them.
    /// </summary>
    public static Dictionary<string, string> AgreementItemProblems(AgreementItemKind kind, string? what, string? who, DateOnly dueOn, decimal? hours, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(what) || what.Length > 1000)
        {
            problems["what"] = string.IsNullOrWhiteSpace(what) ? "Enter what was agreed" : "What was agreed must be 1,000 characters or fewer";
        }

        if (string.IsNullOrWhiteSpace(who) || who.Length > 200)
        {
            problems["who"] = string.IsNullOrWhiteSpace(who) ? "Enter who will do it" : "Who must be 200 characters or fewer";
        }

        if (dueOn < today)
        {
            problems["dueOn"] = "The due date must be today or in the future";
        }

        if (kind == AgreementItemKind.ReparationHours && hours is not (> 0 and <= 200))
        {
            problems["hours"] = "Enter the hours of reparation, from 0.5 to 200";
        }

        return problems;
    }

    public AgreementItem AddAgreementItem(AgreementItemKind kind, string what, string who, DateOnly dueOn, decimal? hours, DateOnly today)
    {
        RequireOpen();
        if (AgreementItemProblems(kind, what, who, dueOn, hours, today).FirstOrDefault() is { Key: { } field, Value: { } problem })
        {
            throw new DomainRuleException(problem + ".", field);
        }

        var item = new AgreementItem(kind, what.Trim(), who.Trim(), dueOn, kind == AgreementItemKind.ReparationHours ? hours : null);
        _agreement.Add(item);
        return item;
    }

    public void Conclude(ProcessStatus outcome, string? withdrawnBy, string? reason, DateTime now)
    {
        RequireOpen();
        if (outcome is ProcessStatus.Planning or ProcessStatus.Scheduled)
        {
            throw new DomainRuleException("Select how the process ended.", "outcome");
        }

        if (outcome == ProcessStatus.Withdrawn && string.IsNullOrWhiteSpace(withdrawnBy))
        {
            throw new DomainRuleException("Say who withdrew; the record says so without blame.", "withdrawnBy");
        }

        if (outcome is ProcessStatus.Withdrawn or ProcessStatus.NotSuitable or ProcessStatus.PartiallyCompleted && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason.", "reason");
        }

        if (outcome is ProcessStatus.Completed or ProcessStatus.PartiallyCompleted && RecordedAt is null)
        {
            throw new DomainRuleException("Record what happened before marking the process completed.", "outcome");
        }

        if (outcome is ProcessStatus.Completed && _agreement.Any(i => i.Status == AgreementStatus.Open))
        {
            throw new DomainRuleException("Every agreement item must be marked done or not done before the process is completed.", "outcome");
        }

        Status = outcome;
        WithdrawnBy = outcome == ProcessStatus.Withdrawn ? withdrawnBy : null;
        OutcomeReason = reason;
        ConcludedAt = now;
    }

    /// <summary>
    /// Starts a participant's feedback questionnaire, once what happened is recorded or the process has
    /// ended. Each person answers once; a new link replaces an unanswered one.
    /// </summary>
    public ParticipantFeedback StartFeedback(Guid personId, string? tokenHash, DateTime? expiresAt, DateTime now)
    {
        var participant = _participants.FirstOrDefault(p => p.PersonId == personId)
            ?? throw new DomainRuleException("Choose someone taking part in this process.");
        if (RecordedAt is null && !IsConcluded)
        {
            throw new DomainRuleException("Feedback can be asked for once the meeting is recorded or the process has ended.");
        }

        if (_feedback.Any(f => f.PersonId == personId && f.IsComplete))
        {
            throw new DomainRuleException("This person has already given their feedback.");
        }

        foreach (var open in _feedback.Where(f => f.PersonId == personId && f.IsOpenLink(now)))
        {
            open.Replace(now);
        }

        var feedback = ParticipantFeedback.Create(Id, participant, tokenHash, expiresAt, now);
        _feedback.Add(feedback);
        return feedback;
    }

    /// <summary>
    /// A duplicate person record merged into another: their part in this process moves to the kept
    /// record. If the kept record already takes part, its own participation stands.
    /// </summary>
    public void MovePerson(Guid duplicateId, Guid keepId)
    {
        foreach (var p in _participants.Where(p => p.PersonId == duplicateId).ToList())
        {
            if (_participants.Any(x => x.PersonId == keepId))
            {
                _participants.Remove(p);
            }
            else
            {
                p.MoveTo(keepId);
            }
        }

        foreach (var s in _preparation.Where(s => s.PersonId == duplicateId))
        {
            s.MoveTo(keepId);
        }

        foreach (var f in _feedback.Where(f => f.PersonId == duplicateId))
        {
            f.MoveTo(keepId);
        }
    }

    private void RequireOpen()
    {
        if (IsConcluded)
        {
            throw new DomainRuleException("This process has ended; its record can no longer be changed.");
        }
    }
}

/// <summary>A preparation session with one participant before the meeting; the note is encrypted.</summary>
public sealed class PreparationSession(Guid personId, DateOnly heldOn, string? noteCiphertext, string byName)
{
    public long Id { get; private set; }
    public Guid RjProcessId { get; private set; }
    public Guid PersonId { get; private set; } = personId;
    public DateOnly HeldOn { get; private set; } = heldOn;
    public string? NoteCiphertext { get; private set; } = noteCiphertext;
    public string ByName { get; private set; } = byName;

    internal void MoveTo(Guid personId) => PersonId = personId;
}

/// <summary>One thing agreed at the meeting: what, who does it, by when; tracked to done or not done.</summary>
public sealed class AgreementItem(AgreementItemKind kind, string what, string who, DateOnly dueOn, decimal? hours)
{
    public long Id { get; private set; }
    public Guid RjProcessId { get; private set; }
    public AgreementItemKind Kind { get; private set; } = kind;
    public string What { get; private set; } = what;
    public string Who { get; private set; } = who;
    public DateOnly DueOn { get; private set; } = dueOn;
    public decimal? Hours { get; private set; } = hours;
    public AgreementStatus Status { get; private set; }
    public DateOnly? SettledOn { get; private set; }
    public string? Note { get; private set; }

    /// <summary>When the case worker was reminded the item is due soon, and told it is overdue.</summary>
    public DateTime? RemindedAt { get; private set; }
    public DateTime? OverdueNoticeAt { get; private set; }

    internal void Reminded(bool overdue, DateTime now)
    {
        if (overdue)
        {
            OverdueNoticeAt = now;
        }

        RemindedAt ??= now;
    }

    public void Settle(bool done, DateOnly on, string? note)
    {
        if (Status != AgreementStatus.Open)
        {
            throw new DomainRuleException("This agreement item has already been marked.");
        }

        if (!done && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say why the item was not done.", "note");
        }

        Status = done ? AgreementStatus.Done : AgreementStatus.NotDone;
        SettledOn = on;
        Note = note;
    }
}

public enum AgreementItemKind
{
    Apology,
    RepairDamage,
    ReparationHours,
    Donation,
    BehaviourCommitment,
    Other,
}

public enum AgreementStatus
{
    Open,
    Done,
    NotDone,
}

public sealed class ProcessParticipant(Guid personId, ParticipantRole role)
{
    public long Id { get; private set; }
    public Guid RjProcessId { get; private set; }
    public Guid PersonId { get; private set; } = personId;
    public ParticipantRole Role { get; private set; } = role;
    public DateTime? ArriveAt { get; private set; }
    public DateTime? LeaveAt { get; private set; }
    public bool? Attended { get; private set; }
    public bool Spoke { get; private set; }

    internal void SetAttendance(bool attended, bool spoke)
    {
        Attended = attended;
        Spoke = spoke;
    }

    internal void MoveTo(Guid personId) => PersonId = personId;

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
