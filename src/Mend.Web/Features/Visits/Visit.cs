using Mend.Web.Platform;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Visits;

/// <summary>Where a visit or appointment takes place (issue 19).</summary>
public enum VisitPlace
{
    Home,
    School,
    PrisonOrSecureEstate,
    PoliceCustody,
    Office,
    CommunityVenue,
}

public static class VisitPlaces
{
    public static readonly IReadOnlyList<VisitPlace> All = Enum.GetValues<VisitPlace>();

    public static string Describe(VisitPlace place) => place switch
    {
        VisitPlace.Home => "Home visit",
        VisitPlace.School => "School",
        VisitPlace.PrisonOrSecureEstate => "Prison or secure estate",
        VisitPlace.PoliceCustody => "Police custody",
        VisitPlace.Office => "Office",
        _ => "Community venue",
    };
}

public enum VisitStatus
{
    Planned,
    InProgress,
    Finished,
    Cancelled,
}

/// <summary>What a worker's check-out code turned out to be.</summary>
public enum CheckOutCode
{
    Normal,
    Duress,
    Wrong,
}

/// <summary>
/// A worker's visit or appointment, planned before they leave and checked in and out from a phone: where, for which
/// case, the expected start and end, the buddy who is told first if they do not check out, how they travel and, when
/// a "do not visit alone" warning applies, the second worker going with them. A visit that runs past its expected end
/// plus the grace period is overdue (<see cref="IsOverdueAt"/>), which starts the escalation (<see cref="EscalationLadder"/>).
/// </summary>
public sealed class Visit : IVersioned, Platform.Audit.IPersonalData
{
    public const int AddressLength = 300;
    public const int TravelLength = 200;
    public const int PurposeLength = 200;

    Guid? Platform.Audit.IPersonalData.SubjectPersonId => PersonId;

    public Guid Id { get; private set; }
    public Guid? CaseId { get; private set; }

    /// <summary>Whom the worker is seeing, when it is one person on the case; their warnings show on the plan.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The venue, when the visit is at one Mend knows; its safety notes show on the plan.</summary>
    public int? VenueId { get; private set; }

    /// <summary>What the visit is for, in a few words ("Preparation meeting"); shown in the worker's diary, never in the calendar feed.</summary>
    public string? Purpose { get; private set; }
    public Guid WorkerId { get; private set; }
    public string WorkerName { get; private set; } = "";
    public Guid? SecondWorkerId { get; private set; }
    public string? SecondWorkerName { get; private set; }
    public Guid BuddyId { get; private set; }
    public string BuddyName { get; private set; } = "";
    public VisitPlace Place { get; private set; }
    public string Address { get; private set; } = "";
    public string? Travel { get; private set; }
    public DateTime StartsAt { get; private set; }

    /// <summary>When the worker expects to finish: the plan's end, moved by each extension.</summary>
    public DateTime ExpectedEndAt { get; private set; }
    public VisitStatus Status { get; private set; }
    public DateTime? CheckedInAt { get; private set; }
    public DateTime? CheckedOutAt { get; private set; }

    /// <summary>True when the worker checked out with the duress code: the screen looked normal, a red alert went at once.</summary>
    public bool Duress { get; private set; }
    public int Version { get; set; }

    /// <summary>Who plans and goes, with whom, where and when.</summary>
    public sealed record Plan(Guid? CaseId, Guid? PersonId, int? VenueId, VisitPlace? Place, string? Address, DateTime? StartsAt, DateTime? EndsAt,
        Guid? BuddyId, string? BuddyName, Guid? SecondWorkerId, string? SecondWorkerName, string? Travel, string? Purpose = null);

    /// <summary>
    /// A visit planned: the end after the start and at most <paramref name="longest"/> later; a buddy who is not the worker;
    /// a second worker (not the worker) when a "do not visit alone" warning applies to anyone or anywhere on it.
    /// </summary>
    /// <exception cref="DomainRuleException">A plan refused, naming its field.</exception>
    public static Visit Make(Plan plan, Guid workerId, string workerName, bool notAlone, TimeSpan longest)
    {
        if (plan.Place is null)
        {
            throw new DomainRuleException("Choose where the visit is", "place");
        }

        if (string.IsNullOrWhiteSpace(plan.Address))
        {
            throw new DomainRuleException("Enter the address or place of the visit", "address");
        }

        if (plan.Address.Length > AddressLength)
        {
            throw new DomainRuleException($"The address must be {AddressLength} characters or fewer", "address");
        }

        if (plan.StartsAt is null)
        {
            throw new DomainRuleException("Enter when the visit starts", "startsAt");
        }

        if (plan.EndsAt is null || plan.EndsAt <= plan.StartsAt)
        {
            throw new DomainRuleException("The expected end must be after the start", "endsAt");
        }

        if (plan.EndsAt - plan.StartsAt > longest)
        {
            throw new DomainRuleException($"A visit can be planned for at most {longest.TotalHours:0} hours", "endsAt");
        }

        if (plan.BuddyId is null || plan.BuddyId == workerId)
        {
            throw new DomainRuleException("Choose a buddy: another worker on duty, who is told first if you do not check out", "buddyId");
        }

        if (plan.SecondWorkerId is { } second && second == plan.BuddyId)
        {
            throw new DomainRuleException("Your buddy must stay behind: choose a buddy who is not going on the visit", "buddyId");
        }

        if (notAlone && (plan.SecondWorkerId is null || plan.SecondWorkerId == workerId))
        {
            throw new DomainRuleException("A \"do not visit alone\" warning applies: choose a second worker to go with you", "secondWorkerId");
        }

        if (plan.Travel is { Length: > TravelLength })
        {
            throw new DomainRuleException($"How you travel must be {TravelLength} characters or fewer", "travel");
        }

        if (plan.Purpose is { Length: > PurposeLength })
        {
            throw new DomainRuleException($"What the visit is for must be {PurposeLength} characters or fewer", "purpose");
        }

        return new Visit
        {
            Id = Guid.CreateVersion7(),
            CaseId = plan.CaseId,
            PersonId = plan.CaseId is null ? null : plan.PersonId,
            VenueId = plan.VenueId,
            Purpose = string.IsNullOrWhiteSpace(plan.Purpose) ? null : plan.Purpose.Trim(),
            WorkerId = workerId,
            WorkerName = workerName,
            SecondWorkerId = plan.SecondWorkerId,
            SecondWorkerName = plan.SecondWorkerId is null ? null : plan.SecondWorkerName,
            BuddyId = plan.BuddyId.Value,
            BuddyName = plan.BuddyName ?? "",
            Place = plan.Place.Value,
            Address = plan.Address.Trim(),
            Travel = string.IsNullOrWhiteSpace(plan.Travel) ? null : plan.Travel.Trim(),
            StartsAt = plan.StartsAt.Value,
            ExpectedEndAt = plan.EndsAt.Value,
            Status = VisitStatus.Planned,
        };
    }

    /// <summary>
    /// The worker has arrived; the visit is live from now. Checked in early or late, it is expected to last as long as
    /// planned from now, so an alert is never hours away (or already due) because of when the worker pressed the button.
    /// </summary>
    /// <exception cref="DomainRuleException">Not planned (already started, finished or cancelled).</exception>
    public void CheckIn(DateTime now)
    {
        if (Status != VisitStatus.Planned)
        {
            throw new DomainRuleException(Status == VisitStatus.InProgress ? "You have already checked in to this visit" : "This visit has ended");
        }

        (Status, CheckedInAt) = (VisitStatus.InProgress, now);
        if (now < StartsAt || now >= ExpectedEndAt)
        {
            ExpectedEndAt = now + (ExpectedEndAt - StartsAt);
        }
    }

    /// <summary>The worker needs longer: a new expected end, after now and no later than <paramref name="longest"/> after checking in.</summary>
    /// <exception cref="DomainRuleException">Not checked in, or the new end refused ("expectedEndAt").</exception>
    public void Extend(DateTime? newEnd, DateTime now, TimeSpan longest)
    {
        RequireInProgress("extend");
        if (newEnd is null || newEnd <= now)
        {
            throw new DomainRuleException("The new expected end must be later than now", "expectedEndAt");
        }

        if (newEnd - CheckedInAt!.Value > longest)
        {
            throw new DomainRuleException($"A visit can last at most {longest.TotalHours:0} hours; check out, or call your manager", "expectedEndAt");
        }

        ExpectedEndAt = newEnd.Value;
    }

    /// <summary>
    /// The worker checks out with a code: the normal one finishes the visit; the duress one finishes it the same way on the
    /// screen and marks it for a red alert at once; any other code is refused and the visit stays live.
    /// </summary>
    /// <exception cref="DomainRuleException">Not checked in, or a wrong code ("code").</exception>
    public void CheckOut(CheckOutCode code, DateTime now)
    {
        RequireInProgress("check out of");
        if (code == CheckOutCode.Wrong)
        {
            throw new DomainRuleException("That code is not right. Enter your check-out code", "code");
        }

        (Status, CheckedOutAt, Duress) = (VisitStatus.Finished, now, code == CheckOutCode.Duress);
    }

    /// <summary>A planned visit that will not happen.</summary>
    /// <exception cref="DomainRuleException">Already started or ended.</exception>
    public void Cancel()
    {
        if (Status != VisitStatus.Planned)
        {
            throw new DomainRuleException(Status == VisitStatus.InProgress ? "You are on this visit: check out instead of cancelling it" : "This visit has already ended");
        }

        Status = VisitStatus.Cancelled;
    }

    /// <summary>True while the worker is out on it or it is still to come.</summary>
    public bool IsOpen => Status is VisitStatus.Planned or VisitStatus.InProgress;

    /// <summary>Live and past its expected end plus the grace period.</summary>
    public bool IsOverdueAt(DateTime now, TimeSpan grace) => Status == VisitStatus.InProgress && now > ExpectedEndAt + grace;

    private void RequireInProgress(string what)
    {
        if (Status != VisitStatus.InProgress)
        {
            throw new DomainRuleException(Status == VisitStatus.Planned ? $"Check in before you {what} this visit" : "This visit has ended");
        }
    }
}
