using Mend.Web.Platform;
namespace Mend.Web.Features.People;

/// <summary>
/// A warning that must be impossible to miss wherever the person is shown: who raised it, when,
/// and when it is to be reviewed. Flags are removed, never deleted, so the history stays.
/// </summary>
public sealed class PersonFlag : Platform.Audit.IPersonalData
{
    Guid? Platform.Audit.IPersonalData.SubjectPersonId => PersonId;

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public FlagType Type { get; private set; }
    public string? Note { get; private set; }
    public DateOnly? ReviewOn { get; private set; }
    public Guid SetById { get; private set; }
    public string SetByName { get; private set; } = "";
    public DateTime SetAt { get; private set; }
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedByName { get; private set; }
    public string? RemovalReason { get; private set; }

    public bool IsActive => RemovedAt is null;

    public static PersonFlag Raise(Guid personId, FlagType type, string? note, DateOnly? reviewOn, Guid setById, string setByName, DateTime now) => new()
    {
        PersonId = personId,
        Type = type,
        Note = note,
        ReviewOn = reviewOn,
        SetById = setById,
        SetByName = setByName,
        SetAt = now,
    };

    public void Remove(string reason, string byName, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This flag has already been removed.");
        }

        RemovedAt = now;
        RemovedByName = byName;
        RemovalReason = reason;
    }
}

public enum FlagType
{
    RiskToStaff,
    DoNotContactDirectly,
    DomesticAbuse,
    ChildLookedAfter,
    CareLeaver,
    SafeguardingConcern,

    /// <summary>Staff go to this person, or their address, in twos (issue 19): a visit plan then needs a second worker.</summary>
    DoNotVisitAlone,
}

public static class FlagTypes
{
    public static readonly IReadOnlyList<FlagType> All = Enum.GetValues<FlagType>();

    public static string Describe(FlagType type) => type switch
    {
        FlagType.RiskToStaff => "Risk to staff",
        FlagType.DoNotContactDirectly => "Do not contact directly",
        FlagType.DomesticAbuse => "Domestic abuse",
        FlagType.ChildLookedAfter => "Child looked after",
        FlagType.CareLeaver => "Care leaver",
        FlagType.SafeguardingConcern => "Safeguarding concern",
        FlagType.DoNotVisitAlone => "Do not visit alone",
        _ => type.ToString(),
    };

    /// <summary>Red for danger to people, orange for ways of working with them.</summary>
    public static string Colour(FlagType type) => type is FlagType.RiskToStaff or FlagType.SafeguardingConcern or FlagType.DomesticAbuse or FlagType.DoNotVisitAlone ? "red" : "orange";
}
