namespace Mend.Web.Features.People;

/// <summary>
/// The record of two person records found to be the same person and merged: which was kept, which was
/// merged into it, by whom, when and why, and what was moved, so the merge can be reviewed afterwards.
/// </summary>
public sealed class PersonMerge
{
    public long Id { get; private set; }
    public Guid SurvivorId { get; private set; }
    public Guid MergedId { get; private set; }
    public string MergedName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string MergedByName { get; private set; } = "";
    public Guid MergedById { get; private set; }
    public DateTime MergedAt { get; private set; }

    /// <summary>A plain account of what moved, e.g. "2 case links, 1 offence link, 1 warning, 1 address".</summary>
    public string Moved { get; private set; } = "";

    public static PersonMerge Record(Guid survivorId, Guid mergedId, string mergedName, string reason, string moved, Guid byId, string byName, DateTime now) => new()
    {
        SurvivorId = survivorId,
        MergedId = mergedId,
        MergedName = mergedName,
        Reason = reason,
        Moved = moved,
        MergedById = byId,
        MergedByName = byName,
        MergedAt = now,
    };
}
