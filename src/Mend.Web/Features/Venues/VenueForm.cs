using Mend.Web.Platform;
using Mend.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Venues;

/// <summary>The venue form as typed, checked into <see cref="VenueDetails"/> with a message for each wrong field.</summary>
public sealed class VenueForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Address { get; set; }
    public string? Rooms { get; set; }
    public string? SeparateWaitingRooms { get; set; }
    public string? StaffMayBeAlone { get; set; }
    public string? Exits { get; set; }
    public string? Accessibility { get; set; }
    public string? EscortRules { get; set; }
    public string? Status { get; set; } = "active";

    public bool IsActive => Status != "retired";

    public static IEnumerable<SelectListItem> KindItems =>
        Enum.GetValues<Assessments.VenueKind>().Where(v => v != Assessments.VenueKind.NotDecided)
            .Select(v => new SelectListItem(Assessments.AssessmentWords.Describe(v), v.ToString()));

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static VenueForm From(Venue v) => new()
    {
        Name = v.Name,
        Kind = v.Kind.ToString(),
        Address = v.Address,
        Rooms = string.Join('\n', v.Rooms.Where(r => r.IsOpen).Select(r => r.Name)),
        SeparateWaitingRooms = v.SeparateWaitingRooms ? "yes" : "no",
        StaffMayBeAlone = v.StaffMayBeAlone ? "yes" : "no",
        Exits = v.Exits,
        Accessibility = v.Accessibility,
        EscortRules = v.EscortRules,
        Status = v.IsActive ? "active" : "retired",
    };

    public VenueDetails? Validate(ModelStateDictionary state, string prefix)
    {
        var name = TextInput.Clean(Name);
        if (name is null)
        {
            state.AddModelError($"{prefix}.Name", "Enter the venue's name");
        }
        else if (name.Length > 200)
        {
            state.AddModelError($"{prefix}.Name", "Name must be 200 characters or fewer");
        }

        if (!Enum.TryParse<Assessments.VenueKind>(Kind, out var kind) || !Enum.IsDefined(kind) || kind == Assessments.VenueKind.NotDecided)
        {
            state.AddModelError($"{prefix}.Kind", "Select what kind of venue this is");
        }

        var rooms = (Rooms ?? "").Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (rooms.Count == 0)
        {
            state.AddModelError($"{prefix}.Rooms", "Enter at least one room, one a line");
        }
        else if (rooms.Any(r => r.Length > 100))
        {
            state.AddModelError($"{prefix}.Rooms", "Each room's name must be 100 characters or fewer");
        }

        if (SeparateWaitingRooms is not ("yes" or "no"))
        {
            state.AddModelError($"{prefix}.SeparateWaitingRooms", "Select whether there are separate waiting rooms");
        }

        if (StaffMayBeAlone is not ("yes" or "no"))
        {
            state.AddModelError($"{prefix}.StaffMayBeAlone", "Select whether staff may be alone there");
        }

        if (Status is not ("active" or "retired"))
        {
            state.AddModelError($"{prefix}.Status", "Select whether the venue is in use or retired");
        }

        foreach (var (field, value, max) in new[] { (nameof(Address), Address, 500), (nameof(Exits), Exits, 1000), (nameof(Accessibility), Accessibility, 1000), (nameof(EscortRules), EscortRules, 1000) })
        {
            if (value?.Trim().Length > max)
            {
                state.AddModelError($"{prefix}.{field}", $"Must be {max:N0} characters or fewer");
            }
        }

        return state.IsValid
            ? new VenueDetails(name!, kind, TextInput.Clean(Address), rooms, SeparateWaitingRooms == "yes", StaffMayBeAlone == "yes",
                TextInput.Clean(Exits), TextInput.Clean(Accessibility), TextInput.Clean(EscortRules))
            : null;
    }
}
