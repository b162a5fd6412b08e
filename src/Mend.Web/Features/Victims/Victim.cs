using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Victims;

/// <summary>
/// A victim's part in one case under the Victims' Code: how their details reached the service, the
/// choices they made (each dated and withdrawable), every contact, the service's decision whether to
/// invite them into a restorative process, their views, the offer of RJ, support and updates, and
/// how satisfied they were. A choice not to be contacted is honoured by every action here.
/// </summary>
public sealed class Victim : IVersioned, IPersonalData
{
    /// <summary>Why a victim's journey is read, in the audit trail, from its page and its API alike.</summary>
    public const string ViewPurpose = "Victim's journey";

    /// <summary>What a user is told when someone else saved the victim's record first.</summary>
    public static readonly string StaleMessage = Platform.Changes.Conflicts.Message("this victim's record");

    Guid? IPersonalData.SubjectPersonId => PersonId;

    private readonly List<VictimChoice> _choices = [];
    private readonly List<VictimContact> _contacts = [];
    private readonly List<VictimRecord> _records = [];
    private readonly List<VictimViews> _views = [];
    private readonly List<SatisfactionSurvey> _surveys = [];
    private readonly List<VictimUnsafeAddress> _unsafeAddresses = [];

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The victim's person record was a duplicate merged into another; the journey follows the kept record.</summary>
    public void MoveTo(Guid personId) => PersonId = personId;

    /// <summary>For a parent or guardian receiving the service for a young victim: that victim.</summary>
    public Guid? OnBehalfOfPersonId { get; private set; }
    public DetailsSource DetailsSource { get; private set; }
    public DateOnly DetailsReceivedOn { get; private set; }
    public EnhancedReasons Enhanced { get; private set; }
    public ContactMethod? PreferredMethod { get; private set; }
    public string? SafeTimes { get; private set; }
    public ContactMethods BlockedMethods { get; private set; }
    public bool? InviteAppropriate { get; private set; }
    public string? InviteReasonsCiphertext { get; private set; }
    public DateOnly? InviteDecidedOn { get; private set; }
    public string? InviteDecidedByName { get; private set; }
    public DateOnly? DeclinedOn { get; private set; }

    /// <summary>Kept when the rest is removed after the victim declined: enough to count them, nothing more.</summary>
    public string? AgeBand { get; private set; }
    public DateTime? MinimisedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When anything on the record last changed; it moves the version when only a contact or other child row was added.</summary>
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<VictimChoice> Choices => _choices;
    public IReadOnlyList<VictimContact> Contacts => _contacts;
    public IReadOnlyList<VictimRecord> Records => _records;
    public IReadOnlyList<VictimViews> Views => _views;
    public IReadOnlyList<SatisfactionSurvey> Surveys => _surveys;
    public IReadOnlyList<VictimUnsafeAddress> UnsafeAddresses => _unsafeAddresses;

    public bool HasDeclined => DeclinedOn is not null;

    public static Victim Start(Guid caseId, Guid personId, Guid? onBehalfOf, DetailsSource source, DateOnly receivedOn, EnhancedReasons enhanced, int? age,
        AgeRange? ageAtOffence, DateTime now) => new()
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            PersonId = personId,
            OnBehalfOfPersonId = onBehalfOf,
            DetailsSource = source,
            DetailsReceivedOn = receivedOn,
            Enhanced = WithAge(enhanced, ageAtOffence),
            AgeBand = AgeBands.Of(age),
            CreatedAt = now,
            ChangedAt = now,
        };

    public void Touch(DateTime now) => ChangedAt = now;

    /// <summary>
    /// A victim under 18 at the time of the offence is entitled to the enhanced service whatever else is chosen
    /// (Code of Practice for Victims of Crime in England and Wales, 2020: Rights 1 to 4 and the definition of
    /// vulnerable victims; "under 18 at the time of the offence"). Where only a stated age is known and it could
    /// have been under 18 then, the victim gets the enhanced service: the stricter deadline is the safe side.
    /// </summary>
    public static EnhancedReasons WithAge(EnhancedReasons chosen, AgeRange? ageAtOffence) =>
        ageAtOffence?.AnyUnder(18) == true ? chosen | EnhancedReasons.ChildAtOffence : chosen & ~EnhancedReasons.ChildAtOffence;

    public void ChangeDetails(DetailsSource source, DateOnly receivedOn, EnhancedReasons enhanced, int? age, AgeRange? ageAtOffence, ContactMethod? preferred, string? safeTimes, ContactMethods blocked, IEnumerable<long> unsafeAddressIds)
    {
        RequireNotMinimised();
        DetailsSource = source;
        DetailsReceivedOn = receivedOn;
        Enhanced = WithAge(enhanced, ageAtOffence);
        AgeBand = AgeBands.Of(age);
        PreferredMethod = preferred;
        SafeTimes = safeTimes;
        BlockedMethods = blocked;
        _unsafeAddresses.RemoveAll(u => !unsafeAddressIds.Contains(u.PersonAddressId));
        foreach (var id in unsafeAddressIds.Where(id => _unsafeAddresses.All(u => u.PersonAddressId != id)))
        {
            _unsafeAddresses.Add(new VictimUnsafeAddress(id));
        }
    }

    /// <summary>The victim's current answer to one choice, or null when they have not been asked.</summary>
    public VictimChoice? Current(ChoiceKind kind) =>
        _choices.Where(c => c.Kind == kind).OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt)
            .ThenByDescending(c => c.Id == 0 ? long.MaxValue : c.Id).FirstOrDefault();

    public bool Agreed(ChoiceKind kind) => !HasDeclined && Current(kind)?.Agreed == true;

    public void RecordChoice(ChoiceKind kind, bool agreed, DateOnly on, string? note, string byName, DateTime now)
    {
        RequireNotMinimised();
        if (agreed && HasDeclined)
        {
            throw new DomainRuleException("The victim has declined the service. Record that they have come back to it before recording new choices.");
        }

        _choices.Add(new VictimChoice(kind, agreed, on, note, byName, now));
    }

    /// <summary>The victim no longer wants anything from the service: every choice is withdrawn, and the record is reduced later.</summary>
    public void DeclineService(DateOnly on, string byName, DateTime now)
    {
        RequireNotMinimised();
        if (HasDeclined)
        {
            throw new DomainRuleException("The victim has already declined the service.");
        }

        foreach (var kind in Enum.GetValues<ChoiceKind>())
        {
            _choices.Add(new VictimChoice(kind, false, on, "Declined the service", byName, now));
        }

        DeclinedOn = on;
    }

    public void ReturnToService(string byName, DateTime now)
    {
        RequireNotMinimised();
        if (!HasDeclined)
        {
            throw new DomainRuleException("The victim has not declined the service.");
        }

        DeclinedOn = null;
        _choices.Add(new VictimChoice(ChoiceKind.Contact, true, London.DateOf(now), "Came back to the service", byName, now));
    }

    /// <summary>
    /// Why an outgoing contact by this method (directly or through someone) to this address must not
    /// happen, or null when it may. Honours the victim's choices, the person's "do not contact directly"
    /// warning, blocked methods and addresses not to use.
    /// </summary>
    /// <summary>
    /// Why an outgoing contact would go against the victim's choices, with the field it concerns (the API's names:
    /// "via", "method", "addressId", or "" when no contact at all is allowed), or null when it may go ahead.
    /// Every way Mend reaches a victim (contacts, RJ and compensation information, and letters to come) asks this.
    /// </summary>
    public ContactRefusal? WhyNotContact(ContactMethod method, bool direct, long? addressId, bool doNotContactDirectly)
    {
        if (WhyNoContactAtAll() is { } why)
        {
            return new ContactRefusal("", why);
        }

        if (direct && doNotContactDirectly)
        {
            return new ContactRefusal("via", "The victim must not be contacted directly (see the warning on their record): record who the contact went through");
        }

        if (BlockedMethods.HasFlag(Words.AsFlag(method)))
        {
            return new ContactRefusal("method", $"The victim must not be contacted by {Words.Describe(method).ToLowerInvariant()}");
        }

        if (addressId is { } id && _unsafeAddresses.Any(u => u.PersonAddressId == id))
        {
            return new ContactRefusal("addressId", "That address must not be used for this victim");
        }

        return null;
    }

    /// <summary>Why the victim must not be contacted by any means, or null.</summary>
    public string? WhyNoContactAtAll()
    {
        if (HasDeclined)
        {
            return $"The victim declined the service on {Words.Date(DeclinedOn!.Value)}, so they must not be contacted";
        }

        if (Current(ChoiceKind.Contact) is { Agreed: false } refused)
        {
            return $"The victim said on {Words.Date(refused.On)} that they do not want to be contacted. If they have changed their mind, record their new choice first";
        }

        return null;
    }

    public VictimContact RecordContact(ContactDetails details, bool doNotContactDirectly, string byName, DateTime now)
    {
        RequireNotMinimised();
        if (details.Direction == ContactDirection.Outgoing && WhyNotContact(details.Method, details.Via is null, details.AddressId, doNotContactDirectly) is { } why)
        {
            throw new DomainRuleException(why.Message + ".", why.Field);
        }

        var contact = new VictimContact(details, byName, now);
        _contacts.Add(contact);
        return contact;
    }

    public void DecideInvitation(bool appropriate, string reasons, DateOnly on, FieldEncryption encryption, string byName)
    {
        RequireNotMinimised();
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException("Give the reasons for the decision; the Victims' Code requires them.");
        }

        InviteAppropriate = appropriate;
        InviteReasonsCiphertext = encryption.Encrypt(reasons.Trim());
        InviteDecidedOn = on;
        InviteDecidedByName = byName;
    }

    /// <summary>
    /// Records a dated fact: RJ explained and the answer, support wanted or referred, compensation
    /// information, a progress update, or the news that the intervention has concluded. Each checks
    /// the victim's choices, and one recorded after its deadline needs the reason it was late.
    /// </summary>
    public VictimRecord Record(RecordDetails details, DateOnly? dueOn, FieldEncryption encryption, string byName, DateTime now)
    {
        RequireNotMinimised();
        switch (details.Kind)
        {
            case RecordKind.RjInformation or RecordKind.CompensationInformation:
                if ((details.Method is { } method ? WhyNotContact(method, direct: false, null, false)?.Message : WhyNoContactAtAll()) is { } why)
                {
                    throw new DomainRuleException(why + ".");
                }

                if (details.Kind == RecordKind.RjInformation && details.Response is null)
                {
                    throw new DomainRuleException("Record the victim's answer to the offer: yes, not now, or no.");
                }

                break;
            case RecordKind.ProgressUpdate or RecordKind.ConclusionNotice:
                if (!Agreed(ChoiceKind.KeptInformed))
                {
                    throw new DomainRuleException("The victim has not asked to be kept informed (or has withdrawn that choice), so no update can be given.");
                }

                break;
            case RecordKind.SupportReferral:
                if (!_records.Any(r => r.Kind == RecordKind.SupportWanted) || HasDeclined)
                {
                    throw new DomainRuleException("Record that the victim wants support before referring them.");
                }

                if (string.IsNullOrWhiteSpace(details.To))
                {
                    throw new DomainRuleException("Say which service the victim was referred to.");
                }

                break;
        }

        if (dueOn is { } due && details.On > due && string.IsNullOrWhiteSpace(details.LateReason))
        {
            throw new DomainRuleException($"This was due by {Words.Date(due)}. Say why it was late; the service must give a good reason.");
        }

        var record = new VictimRecord(details, details.Detail is null ? null : encryption.Encrypt(details.Detail), byName, now);
        _records.Add(record);
        if (details.Kind == RecordKind.RjInformation && details.Response is RjResponse.Yes or RjResponse.No)
        {
            _choices.Add(new VictimChoice(ChoiceKind.TakePartInRj, details.Response == RjResponse.Yes, details.On, "Answer to the offer of restorative justice", byName, now));
        }

        return record;
    }

    public VictimViews RecordViews(DecisionMaker decisionMaker, string views, bool wantsToAttend, string? representedBy, DateOnly on, FieldEncryption encryption, string byName, DateTime now)
    {
        RequireNotMinimised();
        if (string.IsNullOrWhiteSpace(views))
        {
            throw new DomainRuleException("Enter what the victim wants the decision-maker to know.");
        }

        var recorded = new VictimViews(decisionMaker, encryption.Encrypt(views.Trim()), wantsToAttend, representedBy, on, byName, now);
        _views.Add(recorded);
        return recorded;
    }

    /// <summary>Sharing the victim's views is a disclosure: only with their agreement, and recorded.</summary>
    public VictimViewsShare ShareViews(VictimViews views, string sharedWith, DateOnly on, string byName, DateTime now)
    {
        RequireNotMinimised();
        if (!Agreed(ChoiceKind.ShareViews))
        {
            throw new DomainRuleException("The victim has not agreed to their views being shared (or has withdrawn that choice).");
        }

        if (string.IsNullOrWhiteSpace(sharedWith))
        {
            throw new DomainRuleException("Say who the views were shared with.");
        }

        return views.Share(sharedWith.Trim(), on, byName, now);
    }

    public SatisfactionSurvey StartSurvey(string? tokenHash, DateTime? expiresAt, DateTime now)
    {
        RequireNotMinimised();
        if (!Agreed(ChoiceKind.SatisfactionSurvey))
        {
            throw new DomainRuleException("The victim has not agreed to receive a satisfaction survey (or has withdrawn that choice).");
        }

        var survey = SatisfactionSurvey.Create(Id, tokenHash, expiresAt, now);
        _surveys.Add(survey);
        return survey;
    }

    /// <summary>
    /// Removes everything but what is needed to count the victim (age band, the decision and its
    /// date; gender, ethnicity and the offence link stay with the person and the case).
    /// </summary>
    public void Minimise(DateTime now)
    {
        if (!HasDeclined || MinimisedAt is not null)
        {
            throw new DomainRuleException("Only a victim who declined the service is reduced, and only once.");
        }

        _contacts.Clear();
        _records.Clear();
        _views.Clear();
        _surveys.Clear();
        _unsafeAddresses.Clear();
        _choices.RemoveAll(c => c.Note != "Declined the service");
        foreach (var choice in _choices)
        {
            choice.Minimise();
        }

        SafeTimes = null;
        PreferredMethod = null;
        InviteReasonsCiphertext = null;
        MinimisedAt = now;
    }

    private void RequireNotMinimised()
    {
        if (MinimisedAt is not null)
        {
            throw new DomainRuleException("This victim declined the service and their record has been reduced to what is needed to count them.");
        }
    }
}

public enum DetailsSource
{
    PolicePassedDetails,
    SelfReferral,
    OtherAgency,
}

[Flags]
public enum EnhancedReasons
{
    None = 0,

    /// <summary>Under 18 at the time of the offence (stored as 1, the value once named for under 17s).</summary>
    ChildAtOffence = 1,
    MostSeriousCrime = 2,
    PersistentlyTargeted = 4,
    VulnerableOrIntimidated = 8,
}

public enum ChoiceKind
{
    Contact,
    TakePartInRj,
    ShareViews,
    KeptInformed,
    SatisfactionSurvey,
}

public enum ContactMethod
{
    Phone,
    Letter,
    Email,
    Text,
    Visit,
    Meeting,
}

[Flags]
public enum ContactMethods
{
    None = 0,
    Phone = 1,
    Letter = 2,
    Email = 4,
    Text = 8,
    Visit = 16,
    Meeting = 32,
}

public enum ContactDirection
{
    Outgoing,
    Incoming,
}

public enum ContactOutcome
{
    Spoke,
    NoAnswer,
    LeftMessage,
    Sent,
    Met,
    Other,
}

public enum RecordKind
{
    RjInformation,
    SupportWanted,
    SupportReferral,
    CompensationInformation,
    ProgressUpdate,
    ConclusionNotice,
}

public enum RjResponse
{
    Yes,
    NotNow,
    No,
}

public enum DecisionMaker
{
    ReferralOrderPanel,
    OutOfCourtDisposal,
    Court,
    ParishHallEnquiry,
}

public sealed record ContactDetails(DateTime At, ContactDirection Direction, ContactMethod Method, string? Via, ContactOutcome Outcome, string? NextStep, long? AddressId, bool TimeRecorded = true);

public sealed record RecordDetails(RecordKind Kind, DateOnly On, string? Detail, string? To, RjResponse? Response, ContactMethod? Method, string? LateReason);

/// <summary>A dated answer to one of the victim's choices. A withdrawal is a new answer; the history stays.</summary>
public sealed class VictimChoice(ChoiceKind kind, bool agreed, DateOnly on, string? note, string recordedByName, DateTime recordedAt)
{
    public long Id { get; private set; }
    public Guid VictimId { get; private set; }
    public ChoiceKind Kind { get; private set; } = kind;
    public bool Agreed { get; private set; } = agreed;
    public DateOnly On { get; private set; } = on;
    public string? Note { get; private set; } = note;
    public string RecordedByName { get; private set; } = recordedByName;
    public DateTime RecordedAt { get; private set; } = recordedAt;

    public void Minimise() => RecordedByName = "";
}

public sealed class VictimContact
{
    private VictimContact()
    {
    }

    public VictimContact(ContactDetails details, string byName, DateTime recordedAt)
    {
        At = details.At;
        Direction = details.Direction;
        Method = details.Method;
        Via = details.Via;
        Outcome = details.Outcome;
        NextStep = details.NextStep;
        AddressId = details.AddressId;
        TimeRecorded = details.TimeRecorded;
        ByName = byName;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public Guid VictimId { get; private set; }
    public DateTime At { get; private set; }
    public ContactDirection Direction { get; private set; }
    public ContactMethod Method { get; private set; }
    public string? Via { get; private set; }
    public ContactOutcome Outcome { get; private set; }
    public string? NextStep { get; private set; }
    public long? AddressId { get; private set; }

    /// <summary>False when only the day was given, so pages show the date without a made-up time.</summary>
    public bool TimeRecorded { get; private set; }
    public string ByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>An attempt that did not reach the victim.</summary>
    public bool IsAttempt => Outcome is ContactOutcome.NoAnswer or ContactOutcome.LeftMessage;
}

public sealed class VictimRecord
{
    private VictimRecord()
    {
    }

    public VictimRecord(RecordDetails details, string? detailCiphertext, string byName, DateTime recordedAt)
    {
        Kind = details.Kind;
        On = details.On;
        DetailCiphertext = detailCiphertext;
        To = details.To;
        Response = details.Response;
        Method = details.Method;
        LateReason = details.LateReason;
        ByName = byName;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public Guid VictimId { get; private set; }
    public RecordKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public string? DetailCiphertext { get; private set; }
    public string? To { get; private set; }
    public RjResponse? Response { get; private set; }
    public ContactMethod? Method { get; private set; }
    public string? LateReason { get; private set; }
    public string ByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}

public sealed class VictimViews
{
    private readonly List<VictimViewsShare> _shares = [];

    private VictimViews()
    {
    }

    public VictimViews(DecisionMaker decisionMaker, string viewsCiphertext, bool wantsToAttend, string? representedBy, DateOnly on, string byName, DateTime recordedAt)
    {
        DecisionMaker = decisionMaker;
        ViewsCiphertext = viewsCiphertext;
        WantsToAttend = wantsToAttend;
        RepresentedBy = representedBy;
        On = on;
        ByName = byName;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public Guid VictimId { get; private set; }
    public DecisionMaker DecisionMaker { get; private set; }
    public string ViewsCiphertext { get; private set; } = "";
    public bool WantsToAttend { get; private set; }
    public string? RepresentedBy { get; private set; }
    public DateOnly On { get; private set; }
    public string ByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public IReadOnlyList<VictimViewsShare> Shares => _shares;

    internal VictimViewsShare Share(string sharedWith, DateOnly on, string byName, DateTime now)
    {
        var share = new VictimViewsShare(sharedWith, on, byName, now);
        _shares.Add(share);
        return share;
    }
}

/// <summary>The disclosure record: whose views went to whom, when, and who sent them.</summary>
public sealed class VictimViewsShare(string sharedWith, DateOnly on, string byName, DateTime recordedAt)
{
    public long Id { get; private set; }
    public long VictimViewsId { get; private set; }
    public string SharedWith { get; private set; } = sharedWith;
    public DateOnly On { get; private set; } = on;
    public string ByName { get; private set; } = byName;
    public DateTime RecordedAt { get; private set; } = recordedAt;
}

public sealed class VictimUnsafeAddress(long personAddressId)
{
    public long Id { get; private set; }
    public Guid VictimId { get; private set; }
    public long PersonAddressId { get; private set; } = personAddressId;
}

public static class AgeBands
{
    public static string? Of(int? age) => age switch
    {
        null => null,
        < 10 => "Under 10",
        < 18 => "10 to 17",
        < 25 => "18 to 24",
        < 65 => "25 to 64",
        _ => "65 and over",
    };
}

/// <summary>A contact the victim's choices refuse: the message, and the field it concerns (see <see cref="Victim.WhyNotContact"/>).</summary>
public sealed record ContactRefusal(string Field, string Message);
