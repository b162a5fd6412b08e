using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Venues;

/// <summary>
/// A place where restorative meetings are held, from the service's managed list, with what a
/// facilitator must know to keep people safe there. Venues in use are retired, never deleted.
/// </summary>
public sealed class Venue : IVersioned
{
    private readonly List<VenueRoom> _rooms = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public Assessments.VenueKind Kind { get; private set; }
    public string? Address { get; private set; }
    public bool SeparateWaitingRooms { get; private set; }
    public bool StaffMayBeAlone { get; private set; }
    public string? Exits { get; private set; }
    public string? Accessibility { get; private set; }
    public string? EscortRules { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int Version { get; set; }

    public IReadOnlyList<VenueRoom> Rooms => _rooms;

    public static Venue Create(VenueDetails details)
    {
        var venue = new Venue();
        venue.Change(details, isActive: true);
        return venue;
    }

    public void Change(VenueDetails details, bool isActive)
    {
        if (details.Kind == Assessments.VenueKind.NotDecided)
        {
            throw new DomainRuleException("Choose what kind of venue this is.");
        }

        var rooms = details.Rooms.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (rooms.Count == 0)
        {
            throw new DomainRuleException("A venue needs at least one room.");
        }

        Name = details.Name;
        Kind = details.Kind;
        Address = details.Address;
        SeparateWaitingRooms = details.SeparateWaitingRooms;
        StaffMayBeAlone = details.StaffMayBeAlone;
        Exits = details.Exits;
        Accessibility = details.Accessibility;
        EscortRules = details.EscortRules;
        IsActive = isActive;

        // Rooms already booked keep their ids; a room taken off the list is marked closed, not deleted.
        foreach (var room in _rooms)
        {
            room.SetOpen(rooms.Contains(room.Name, StringComparer.OrdinalIgnoreCase));
        }

        foreach (var name in rooms.Where(n => !_rooms.Any(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            _rooms.Add(new VenueRoom(name));
        }
    }
}

public sealed class VenueRoom(string name)
{
    public int Id { get; private set; }
    public int VenueId { get; private set; }
    public string Name { get; private set; } = name;
    public bool IsOpen { get; private set; } = true;

    internal void SetOpen(bool open) => IsOpen = open;
}

public sealed record VenueDetails(string Name, Assessments.VenueKind Kind, string? Address, IReadOnlyList<string> Rooms, bool SeparateWaitingRooms, bool StaffMayBeAlone,
    string? Exits, string? Accessibility, string? EscortRules);
