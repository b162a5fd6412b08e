using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Orders;

/// <summary>What a court, the police or a Parish Hall Enquiry decided, as recorded on a case.</summary>
/// <param name="DecidedOn">The day of the sentence or decision.</param>
/// <param name="ConvictedOn">For a court order, the conviction date: the law in force then, and the child's age then, decide its requirements.</param>
/// <param name="StartsOn">When supervision starts; a referral order starts when its contract is signed, so leave it empty until then.</param>
/// <param name="LengthMonths">The order's length in months (a referral order 3 to 12); the end follows from the start.</param>
/// <param name="EndsOn">The planned end, when there is no length in months.</param>
/// <param name="ReturnOn">For a Parish Hall deferred decision, the date the child returns to the Parish Hall.</param>
public sealed record OrderDetails(DisposalKind Kind, DateOnly DecidedOn, DateOnly? ConvictedOn, DateOnly? StartsOn, int? LengthMonths, DateOnly? EndsOn,
    InterventionLevel Level, JerseyCourt? Court, string? DecidedBy, DateOnly? ReturnOn);

/// <summary>
/// A disposal the service supervises on a case (an "order" in the API): its dates, level, requirements, contacts,
/// warnings and breach actions. Its rules live here; <see cref="CompliancePolicy"/> says what is due.
/// </summary>
public sealed class Order : IVersioned
{
    public const string ViewPurpose = "Orders and compliance";

    public static readonly string StaleMessage = Conflicts.Message("this order");

    private readonly List<OrderRequirement> _requirements = [];
    private readonly List<OrderContact> _contacts = [];
    private readonly List<OrderWarning> _warnings = [];
    private readonly List<BreachAction> _breaches = [];
    private readonly List<OrderPanel> _panels = [];
    private readonly List<ReparationSession> _reparation = [];
    private readonly List<PlanActivity> _plan = [];
    private readonly List<PlanReview> _reviews = [];

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public DisposalKind Kind { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public DateOnly? ConvictedOn { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public int? LengthMonths { get; private set; }
    public DateOnly? EndsOn { get; private set; }

    /// <summary>The end before its one extension, once extended.</summary>
    public DateOnly? OriginalEndsOn { get; private set; }

    /// <summary>The day the end was extended.</summary>
    public DateOnly? ExtendedOn { get; private set; }
    public DateOnly? ReturnOn { get; private set; }
    public InterventionLevel Level { get; private set; }
    public JerseyCourt? Court { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>The child's age on the conviction (or decision) date: the youngest they can have been, and the oldest.</summary>
    public int? AgeYoungest { get; private set; }
    public int? AgeOldest { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public EndReason? EndReason { get; private set; }
    public string? EndNote { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<OrderRequirement> Requirements => _requirements;
    public IReadOnlyList<OrderContact> Contacts => _contacts;
    public IReadOnlyList<OrderWarning> Warnings => _warnings;
    public IReadOnlyList<BreachAction> Breaches => _breaches;
    public IReadOnlyList<OrderPanel> Panels => _panels;
    public IReadOnlyList<ReparationSession> Reparation => _reparation;
    public IReadOnlyList<PlanActivity> Plan => _plan;
    public IReadOnlyList<PlanReview> Reviews => _reviews;

    /// <summary>For each requirement measured in hours (reparation, unpaid work, community service): ordered, done and left.</summary>
    public IReadOnlyList<HoursDone> Hours => _requirements
        .Where(r => r.Amount is not null && r.Kind is RequirementKind.Reparation or RequirementKind.UnpaidWork or RequirementKind.CommunityService)
        .Select(r => new HoursDone(r.Id, r.Kind, r.Amount!.Value, _reparation.Where(s => s.RequirementId == r.Id && s.Attendance == Attendance.Attended).Sum(s => s.Hours)))
        .ToList();

    /// <summary>
    /// A parent must be ordered to attend a referral order's panels when the child is under 16 when the order is made
    /// (Sentencing Act 2020, s.90); true when that is so, or may be (only a stated age is known, or none).
    /// </summary>
    public bool ParentMustAttendPanels => Kind == DisposalKind.ReferralOrder && (AgeYoungest is not { } youngest || youngest < 16);

    public DisposalInfo Info => DisposalKinds.Of(Kind);

    public bool IsOpen => EndedOn is null;

    /// <summary>The day the law in force and the child's age are read on: conviction, else the decision.</summary>
    public DateOnly LawDate => ConvictedOn ?? DecidedOn;

    private Order()
    {
    }

    /// <summary>Records a disposal; refused, naming the field, on a case of the other jurisdiction or with dates that cannot be.</summary>
    public static Order Record(Guid caseId, Jurisdiction caseJurisdiction, OrderDetails d, People.AgeRange? ageThen, DateOnly today, string byName,
        DateTime now)
    {
        var info = DisposalKinds.Of(d.Kind);
        if (info.Jurisdiction != caseJurisdiction)
        {
            throw new DomainRuleException($"{info.Name} is a disposal in {Words(info.Jurisdiction)}; this is a case in {Words(caseJurisdiction)}.", "kind");
        }

        if (d.DecidedOn > today)
        {
            throw new DomainRuleException("The date of the decision must be today or in the past.", "decidedOn");
        }

        if (d.ConvictedOn is { } convicted && (convicted > d.DecidedOn || !info.ByCourt))
        {
            throw new DomainRuleException(info.ByCourt ? "The conviction date must be on or before the sentence." : "Only a court order has a conviction date.",
                "convictedOn");
        }

        if (info.ShortestMonths is { } shortest && d.LengthMonths is not { } months)
        {
            throw new DomainRuleException($"Enter the length of the {info.Name.ToLowerInvariant()} in months, from {shortest} to {info.LongestMonths}.", "lengthMonths");
        }

        if (d.LengthMonths is { } length && (info.ShortestMonths is null || length < info.ShortestMonths || length > info.LongestMonths))
        {
            throw new DomainRuleException(info.ShortestMonths is null
                ? $"A {info.Name.ToLowerInvariant()} has no length in months; give its end date."
                : $"A {info.Name.ToLowerInvariant()} lasts {info.ShortestMonths} to {info.LongestMonths} months (Sentencing Act 2020, s.83).", "lengthMonths");
        }

        var starts = d.Kind == DisposalKind.ReferralOrder ? d.StartsOn : d.StartsOn ?? d.DecidedOn;
        if (starts is { } s && s < d.DecidedOn)
        {
            throw new DomainRuleException("Supervision cannot start before the decision.", "startsOn");
        }

        var ends = d.LengthMonths is { } n ? (starts is { } from ? PeriodEnd(from, n) : null) : d.EndsOn;
        if (ends is { } e && starts is { } b && e < b)
        {
            throw new DomainRuleException("The end must be on or after the start.", "endsOn");
        }

        if (d.ReturnOn is { } back && (d.Kind != DisposalKind.ParishHallDeferredDecision || back <= d.DecidedOn))
        {
            throw new DomainRuleException(d.Kind == DisposalKind.ParishHallDeferredDecision
                ? "The return to the Parish Hall must be after the enquiry." : "Only a deferred decision has a return date.", "returnOn");
        }

        if (d.Court is not null && !(info.ByCourt && info.Jurisdiction == Jurisdiction.Jersey))
        {
            throw new DomainRuleException("Only a Jersey court order names the Jersey court that made it.", "court");
        }

        return new Order
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            Jurisdiction = caseJurisdiction,
            Kind = d.Kind,
            DecidedOn = d.DecidedOn,
            ConvictedOn = d.ConvictedOn,
            StartsOn = starts,
            LengthMonths = d.LengthMonths,
            EndsOn = ends,
            ReturnOn = d.ReturnOn,
            Level = d.Level,
            Court = d.Court,
            DecidedBy = d.DecidedBy,
            AgeYoungest = ageThen?.Youngest,
            AgeOldest = ageThen?.Oldest,
            CreatedByName = byName,
            CreatedAt = now,
            ChangedAt = now,
        };
    }

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months beginning with <paramref name="start"/>: the day before
    /// the same date that many months later, or the last day of that month when it has no such date (31 January, 3 months: 30 April).
    /// </summary>
    public static DateOnly PeriodEnd(DateOnly start, int months)
    {
        var same = start.AddMonths(months);
        return same.Day == start.Day ? same.AddDays(-1) : same;
    }

    /// <summary>A referral order runs from the day its contract is signed (Sentencing Act 2020, s.84(1)(b)... see DOMAIN.md).</summary>
    public void SignContract(DateOnly signedOn, DateOnly today)
    {
        RequireOpen();
        if (Kind != DisposalKind.ReferralOrder)
        {
            throw new DomainRuleException("Only a referral order has a contract.", "signedOn");
        }

        if (signedOn < DecidedOn || signedOn > today)
        {
            throw new DomainRuleException("The contract is signed on or after the order was made, and not in the future.", "signedOn");
        }

        StartsOn = signedOn;
        EndsOn = PeriodEnd(signedOn, LengthMonths!.Value);
    }

    /// <summary>Extends the end once, by up to 6 months (Sentencing Act 2020, Sch 7 para 10(4) to (6)).</summary>
    public void Extend(DateOnly newEnd, DateOnly today)
    {
        RequireOpen();
        if (OriginalEndsOn is not null)
        {
            throw new DomainRuleException("An order's end can be extended only once.", "endsOn");
        }

        if (EndsOn is not { } end || newEnd <= end || newEnd > end.AddMonths(6))
        {
            throw new DomainRuleException(EndsOn is null ? "The order has no end yet to extend." : "Extend the end by up to 6 months, to a later date.", "endsOn");
        }

        OriginalEndsOn = end;
        EndsOn = newEnd;
        ExtendedOn = today;
    }

    public void End(EndReason reason, DateOnly on, string? note, DateOnly today)
    {
        RequireOpen();
        if (on > today || on < DecidedOn)
        {
            throw new DomainRuleException("The order ends on or after it was made, and not in the future.", "endedOn");
        }

        if (reason == Orders.EndReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say how the order ended.", "note");
        }

        EndedOn = on;
        EndReason = reason;
        EndNote = note;
    }

    /// <summary>Adds a requirement or condition, checked by <see cref="RequirementRules"/> against the law in force on the conviction date.</summary>
    /// <param name="inPilot">Whether the service is in the intensive supervision pilot (longer extended activity).</param>
    /// <param name="responsible">Who does what: for a contract item, who carries it out or helps (the child, a parent, the case worker).</param>
    public OrderRequirement AddRequirement(RequirementKind kind, decimal? amount, int? dailyHours, int? weeklyHours, string? detail, bool inPilot,
        string? responsible = null)
    {
        RequireOpen();
        if (amount is { } exact && exact % 0.1m != 0)
        {
            throw new DomainRuleException("Enter the amount in whole numbers or tenths, like 10 or 10.5.", "amount");
        }

        if (RequirementRules.Problems(this, kind, amount, dailyHours, weeklyHours, inPilot).FirstOrDefault() is { Key: { } field, Value: { } problem })
        {
            throw new DomainRuleException(problem + ".", field);
        }

        var requirement = new OrderRequirement(kind, amount, dailyHours, weeklyHours, detail) { Responsible = responsible };
        _requirements.Add(requirement);
        return requirement;
    }

    /// <summary>An appointment the child is to attend; a session of a plan activity (Positive Steps) when <paramref name="activityId"/> is given.</summary>
    public OrderContact ArrangeContact(DateTime at, string purpose, long? activityId = null)
    {
        RequireOpen();
        if (activityId is not null && _plan.All(a => a.Id != activityId))
        {
            throw new DomainRuleException("Choose an activity in this order's plan.", "activityId");
        }

        var contact = new OrderContact(at, purpose) { ActivityId = activityId };
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>Whether the child attended; not for an appointment still to come.</summary>
    /// <remarks>
    /// A mistake can be corrected until the absence is warned or a return to court is decided on it; after that the record
    /// stands, as the warning or decision relied on it.
    /// </remarks>
    public void RecordAttendance(long contactId, Attendance attendance, string? reason, string byName, DateTime now)
    {
        RequireOpen();
        var contact = _contacts.FirstOrDefault(c => c.Id == contactId) ?? throw new DomainRuleException("Choose an appointment on this order.", "contactId");
        if (!AttendanceCorrectable(this, contactId))
        {
            throw new DomainRuleException("A warning or a decision on a return to court relies on this attendance, so it cannot be changed.", "contactId");
        }

        if (contact.At > now)
        {
            throw new DomainRuleException("Attendance is recorded once the appointment has happened.", "attendance");
        }

        if (attendance != Attendance.Attended && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why they did not attend.", "reason");
        }

        contact.Record(attendance, reason, byName, now);
    }

    /// <summary>Whether the attendance at an appointment can still be recorded or corrected: no warning or breach decision relies on it.</summary>
    public static bool AttendanceCorrectable(Order order, long contactId) =>
        order._warnings.All(w => w.ContactId != contactId) && order._breaches.All(b => b.ContactId != contactId);

    /// <summary>The follow-up of a missed appointment (due within one working day).</summary>
    public void FollowUp(long contactId, string note, DateTime now)
    {
        RequireOpen();
        var contact = _contacts.FirstOrDefault(c => c.Id == contactId) ?? throw new DomainRuleException("Choose an appointment on this order.", "contactId");
        if (contact.Attendance is null or Attendance.Attended)
        {
            throw new DomainRuleException("Only a missed appointment is followed up.", "contactId");
        }

        if (contact.FollowedUpAt is not null)
        {
            throw new DomainRuleException("This missed appointment has already been followed up.", "contactId");
        }

        contact.FollowedUp(note, now);
    }

    /// <summary>
    /// A warning for an unacceptable absence; refused when the failure calls for a return to court instead (two warnings
    /// already in the warned period), or is already warned.
    /// </summary>
    public OrderWarning GiveWarning(long contactId, DateOnly givenOn, string byName, DateOnly today)
    {
        RequireOpen();
        var step = CompliancePolicy.StepFor(this, contactId)
            ?? throw new DomainRuleException("A warning is for an unacceptable absence from an appointment on this order.", "contactId");
        if (step.Kind != EnforcementStep.Warning)
        {
            throw new DomainRuleException(step.Kind == EnforcementStep.ReturnToCourt
                ? $"Two warnings were already given in the warned period, so the child must be returned to {DisposalKinds.ReturnTo(Kind)} instead ({CompliancePolicy.Source})."
                : "This absence has already been warned.", "contactId");
        }

        if (givenOn > today || givenOn < step.FailedOn)
        {
            throw new DomainRuleException("The warning is given on or after the absence, and not in the future.", "givenOn");
        }

        var warning = new OrderWarning(contactId, givenOn, byName);
        _warnings.Add(warning);
        return warning;
    }

    /// <summary>The manager's decision on a breach action that is due: proceed, or not in the interest of justice, with reasons.</summary>
    public BreachAction DecideBreach(long contactId, bool proceed, string reasons, string byName, DateOnly today)
    {
        RequireOpen();
        if (CompliancePolicy.StepFor(this, contactId) is not { Kind: EnforcementStep.ReturnToCourt })
        {
            throw new DomainRuleException(
                $"A return to {DisposalKinds.ReturnTo(Kind)} is for a failure after two warnings in the warned period; this absence does not have them.", "contactId");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException("Give the reasons for the decision.", "reasons");
        }

        var action = new BreachAction(contactId, proceed, reasons.Trim(), byName, today);
        _breaches.Add(action);
        return action;
    }

    public void RecordHearing(long breachId, DateOnly heardOn, string outcome, DateOnly today)
    {
        RequireOpen();
        var action = _breaches.FirstOrDefault(b => b.Id == breachId) ?? throw new DomainRuleException("Choose a breach action on this order.", "breachId");
        if (action.HeardOn is not null)
        {
            throw new DomainRuleException("The hearing has already been recorded.", "breachId");
        }

        if (!action.Proceed || heardOn > today || heardOn < action.DecidedOn)
        {
            throw new DomainRuleException(action.Proceed ? "The hearing is on or after the decision, and not in the future." : "No hearing follows a decision not to proceed.",
                "heardOn");
        }

        action.Heard(heardOn, outcome.Trim());
    }

    /// <summary>
    /// A youth offender panel meeting held on a referral order: the first (which agrees the contract), a progress
    /// meeting, or the final one. A parent's attendance is recorded when they must attend.
    /// </summary>
    public OrderPanel RecordPanel(PanelKind kind, DateOnly heldOn, bool? parentAttended, string? note, string byName, DateOnly today)
    {
        RequireOpen();
        if (Kind != DisposalKind.ReferralOrder)
        {
            throw new DomainRuleException("Only a referral order has youth offender panels.", "kind");
        }

        if (heldOn > today || heldOn < DecidedOn)
        {
            throw new DomainRuleException("The panel met on or after the order was made, and not in the future.", "heldOn");
        }

        if (kind == PanelKind.Initial && _panels.Any(p => p.Kind == PanelKind.Initial) || kind == PanelKind.Final && _panels.Any(p => p.Kind == PanelKind.Final))
        {
            throw new DomainRuleException(kind == PanelKind.Initial ? "The initial panel has already been recorded." : "The final panel has already been recorded.", "kind");
        }

        if (kind != PanelKind.Initial && _panels.All(p => p.Kind != PanelKind.Initial))
        {
            throw new DomainRuleException("Record the initial panel first: it agrees the contract.", "kind");
        }

        if (ParentMustAttendPanels && parentAttended is null)
        {
            throw new DomainRuleException("Say whether the parent attended: the child was under 16 when the order was made (Sentencing Act 2020, s.90).", "parentAttended");
        }

        var panel = new OrderPanel(kind, heldOn, parentAttended, note, byName);
        _panels.Add(panel);
        return panel;
    }

    /// <summary>
    /// A reparation session at an active placement or project, counted towards an hours requirement on this order, or an
    /// outcome-agreement item of reparation hours on the case (<paramref name="agreementItemOnCase"/> says whether the item given is one).
    /// Hours worked are 0.5 to 12 for an attended session, none for an absence, and not more than are left.
    /// </summary>
    public ReparationSession RecordReparation(int projectId, bool projectActive, long? requirementId, long? agreementItemId, bool agreementItemOnCase,
        DateOnly on, decimal? hours, Attendance attendance, string? note, string byName, DateOnly today)
    {
        RequireOpen();
        if (!projectActive)
        {
            throw new DomainRuleException("Choose a placement or project in use.", "projectId");
        }

        var counted = requirementId is { } rid ? Hours.FirstOrDefault(h => h.RequirementId == rid) : null;
        if (requirementId is not null && counted is null)
        {
            throw new DomainRuleException("Choose a requirement of this order measured in hours.", "requirementId");
        }

        if (agreementItemId is not null && !agreementItemOnCase)
        {
            throw new DomainRuleException("Choose an outcome-agreement item of reparation hours on this case.", "agreementItemId");
        }

        if (on > today || on < DecidedOn)
        {
            throw new DomainRuleException("The session is on or after the order was made, and not in the future.", "on");
        }

        var worked = attendance == Attendance.Attended ? hours : 0;
        if (attendance == Attendance.Attended && hours is not (>= 0.5m and <= 12))
        {
            throw new DomainRuleException("Enter the hours worked, from 0.5 to 12.", "hours");
        }

        if (attendance == Attendance.Attended && hours % 0.1m != 0)
        {
            throw new DomainRuleException("Enter the hours worked in whole hours or tenths, like 2 or 2.5.", "hours");
        }

        if (counted is not null && worked > counted.Left)
        {
            throw new DomainRuleException($"Only {counted.Left:0.#} hours are left on this requirement.", "hours");
        }

        var session = new ReparationSession(projectId, requirementId, agreementItemId, on, worked ?? 0, attendance, note, byName);
        _reparation.Add(session);
        return session;
    }

    /// <summary>Adds an activity to the intervention plan, delivered by an agency in use (or by the service itself).</summary>
    public PlanActivity AddActivity(string title, int? agencyId, bool agencyActive, string owner, DateOnly startsOn, DateOnly? endsOn, bool positiveSteps)
    {
        RequireOpen();
        if (agencyId is not null && !agencyActive)
        {
            throw new DomainRuleException("Choose a partner agency in use, or none if the service delivers it.", "agencyId");
        }

        if (startsOn < DecidedOn)
        {
            throw new DomainRuleException("The activity starts on or after the order was made.", "startsOn");
        }

        if (endsOn < startsOn)
        {
            throw new DomainRuleException("The end must be on or after the start.", "endsOn");
        }

        var activity = new PlanActivity(title, agencyId, owner, startsOn, endsOn, positiveSteps);
        _plan.Add(activity);
        return activity;
    }

    public void UpdateActivity(long activityId, ActivityProgress progress, string? note, DateOnly today)
    {
        RequireOpen();
        var activity = _plan.FirstOrDefault(a => a.Id == activityId) ?? throw new DomainRuleException("Choose an activity in this plan.", "activityId");
        if (progress == ActivityProgress.Stopped && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say why the activity stopped.", "note");
        }

        activity.Update(progress, note, today);
    }

    /// <summary>A review of the intervention plan, due at least every three months.</summary>
    public PlanReview ReviewPlan(DateOnly reviewedOn, string note, string byName, DateOnly today)
    {
        RequireOpen();
        if (_plan.Count == 0)
        {
            throw new DomainRuleException("Add the plan's activities before reviewing it.", "reviewedOn");
        }

        if (reviewedOn > today || reviewedOn < DecidedOn)
        {
            throw new DomainRuleException("The review is on or after the order was made, and not in the future.", "reviewedOn");
        }

        var review = new PlanReview(reviewedOn, note, byName);
        _reviews.Add(review);
        return review;
    }

    public void Touch(DateTime now) => ChangedAt = now;

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This order has ended; its record can no longer be changed.");
        }
    }

    private static string Words(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.Jersey ? "Jersey" : "England and Wales";
}

public enum RequirementKind
{
    // Youth rehabilitation order (England and Wales)
    Activity,
    ExtendedActivity,
    Supervision,
    UnpaidWork,
    Programme,
    AttendanceCentre,
    ProhibitedActivity,
    Curfew,
    Exclusion,
    Residence,
    EducationRequirement,
    ElectronicMonitoring,
    Reparation,

    // Out-of-court conditions, referral order contracts, Parish Hall deferred decisions, Jersey orders
    Condition,
    Apology,
    CommunityService,
    PositiveSteps,
    WorkPlan,
}

public sealed class OrderRequirement(RequirementKind kind, decimal? amount, int? dailyHours, int? weeklyHours, string? detail)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public RequirementKind Kind { get; private set; } = kind;

    /// <summary>Hours (unpaid work, community service, reparation, attendance centre) or days (activity), by kind.</summary>
    public decimal? Amount { get; private set; } = amount;

    /// <summary>A curfew's hours a day and hours a week.</summary>
    public int? DailyHours { get; private set; } = dailyHours;
    public int? WeeklyHours { get; private set; } = weeklyHours;
    public string? Detail { get; private set; } = detail;

    /// <summary>Who does what: who carries the item out or helps with it (up to 200 characters).</summary>
    public string? Responsible { get; init; }
}

/// <summary>Which youth offender panel meeting.</summary>
public enum PanelKind
{
    Initial,
    Progress,
    Final,
}

public sealed class OrderPanel(PanelKind kind, DateOnly heldOn, bool? parentAttended, string? note, string byName)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public PanelKind Kind { get; private set; } = kind;
    public DateOnly HeldOn { get; private set; } = heldOn;
    public bool? ParentAttended { get; private set; } = parentAttended;
    public string? Note { get; private set; } = note;
    public string ByName { get; private set; } = byName;
}

public enum Attendance
{
    Attended,
    AcceptableAbsence,
    UnacceptableAbsence,
}

public sealed class OrderContact(DateTime at, string purpose)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public DateTime At { get; private set; } = at;
    public string Purpose { get; private set; } = purpose;

    /// <summary>The plan activity (a Positive Steps programme, say) this appointment is a session of.</summary>
    public long? ActivityId { get; init; }
    public Attendance? Attendance { get; private set; }
    public string? AbsenceReason { get; private set; }
    public string? RecordedByName { get; private set; }
    public DateTime? RecordedAt { get; private set; }
    public DateTime? FollowedUpAt { get; private set; }
    public string? FollowUpNote { get; private set; }

    internal void Record(Attendance attendance, string? reason, string byName, DateTime now)
    {
        Attendance = attendance;
        AbsenceReason = attendance == Orders.Attendance.Attended ? null : reason?.Trim();
        RecordedByName = byName;
        RecordedAt = now;
    }

    internal void FollowedUp(string note, DateTime now)
    {
        FollowUpNote = note;
        FollowedUpAt = now;
    }
}

public sealed class OrderWarning(long contactId, DateOnly givenOn, string byName)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>The unacceptable absence warned.</summary>
    public long ContactId { get; private set; } = contactId;
    public DateOnly GivenOn { get; private set; } = givenOn;
    public string ByName { get; private set; } = byName;

    /// <summary>The last day of the warned period: 12 months beginning with the day the warning was given.</summary>
    public DateOnly WarnedUntil => Order.PeriodEnd(GivenOn, CompliancePolicy.WarnedMonths);
}

public sealed class BreachAction(long contactId, bool proceed, string reasons, string decidedByName, DateOnly decidedOn)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>The failure that called for the return to court (or the Parish Hall).</summary>
    public long ContactId { get; private set; } = contactId;

    /// <summary>True to return the child to court; false when a manager decided it is not in the interest of justice.</summary>
    public bool Proceed { get; private set; } = proceed;
    public string Reasons { get; private set; } = reasons;
    public string DecidedByName { get; private set; } = decidedByName;
    public DateOnly DecidedOn { get; private set; } = decidedOn;
    public DateOnly? HeardOn { get; private set; }
    public string? HearingOutcome { get; private set; }

    internal void Heard(DateOnly on, string outcome)
    {
        HeardOn = on;
        HearingOutcome = outcome;
    }
}
