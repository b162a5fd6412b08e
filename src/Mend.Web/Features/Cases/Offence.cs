using Mend.Web.Platform;
namespace Mend.Web.Features.Cases;

/// <summary>An offence on the case: what, when, where, and which victims it harmed.</summary>
public sealed class Offence
{
    private readonly List<OffenceVictim> _victims = [];

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int OffenceTypeId { get; private set; }
    public DateOnly CommittedOn { get; private set; }
    public string? Location { get; private set; }
    public string? Description { get; private set; }

    /// <summary>When the offence was added to the case; an assessment submitted before it is out of date.</summary>
    public DateTime RecordedAt { get; private set; }

    public IReadOnlyList<OffenceVictim> Victims => _victims;

    /// <summary>The offence type, only where a query includes it (the case page reads it with the case).</summary>
    public OffenceType? Type { get; private set; }

    public static Offence Record(Guid caseId, OffenceDetails details, IEnumerable<Guid> victims, DateTime now)
    {
        var offence = new Offence
        {
            CaseId = caseId,
            OffenceTypeId = details.OffenceTypeId,
            CommittedOn = details.CommittedOn,
            Location = details.Location,
            Description = details.Description,
            RecordedAt = now,
        };
        offence._victims.AddRange(victims.Select(v => new OffenceVictim(v)));
        return offence;
    }
}

public sealed class OffenceVictim(Guid personId)
{
    public long Id { get; private set; }
    public long OffenceId { get; private set; }
    public Guid PersonId { get; private set; } = personId;

    public void MoveTo(Guid personId) => PersonId = personId;
}

public sealed record OffenceDetails(int OffenceTypeId, DateOnly CommittedOn, string? Location, string? Description, IReadOnlyList<Guid> VictimPersonIds);

/// <summary>
/// A kind of offence from the service's editable list, with its YJB gravity score (1 least serious,
/// 8 most) and whether the approval policy treats it as sensitive or complex.
/// </summary>
public sealed class OffenceType
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Category { get; private set; } = "";
    public int GravityScore { get; private set; }
    public bool IsSensitive { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static OffenceType Create(string name, string category, int gravityScore, bool isSensitive)
    {
        var type = new OffenceType();
        type.Change(name, category, gravityScore, isSensitive, isActive: true);
        return type;
    }

    /// <summary>Offences already recorded keep pointing here; an unused kind is retired (inactive), never deleted.</summary>
    public void Change(string name, string category, int gravityScore, bool isSensitive, bool isActive)
    {
        if (gravityScore is < 1 or > 8)
        {
            throw new DomainRuleException("A gravity score is from 1 to 8.");
        }

        Name = name;
        Category = category;
        GravityScore = gravityScore;
        IsSensitive = isSensitive;
        IsActive = isActive;
    }
}
