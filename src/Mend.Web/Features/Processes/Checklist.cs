using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Processes;

/// <summary>What must be done before the day, worked out from the process, its venue and the assessment gate.</summary>
public static class Checklist
{
    public sealed record Item(string Text, bool Done, string? Detail);

    public static IReadOnlyList<Item> For(RjProcess process, ProcessReadiness.Answer? readiness, Venues.Venue? venue, IReadOnlyDictionary<Guid, string> names,
        bool harmedRepresented = false)
    {
        var unprepared = process.Participants.Where(p => process.Preparation.All(s => s.PersonId != p.PersonId)).Select(p => names.GetValueOrDefault(p.PersonId, "")).ToList();
        var missingParty = ProcessParties.Missing(process.Kind, process.Participants.Select(p => p.Role).ToList(), harmedRepresented);
        var items = new List<Item>
        {
            new("Everyone this kind of process needs is taking part", missingParty is null, missingParty),
            new("Everyone taking part has an approved, in-date assessment for this kind of process", readiness?.Ready == true,
                readiness is { Ready: false } r ? string.Join("; ", r.Missing) : null),
            new("A preparation session has been held with each person", unprepared.Count == 0, unprepared.Count == 0 ? null : "Not yet: " + string.Join(", ", unprepared)),
            new("The safety plan is written", process.SafetyPlanCiphertext is not null, null),
        };
        if (process.IsMeeting)
        {
            items.Add(new("The meeting is scheduled with an accredited facilitator and staggered arrivals", process.Status == ProcessStatus.Scheduled, null));
        }

        if (process.NeedsPanel)
        {
            items.Add(new("The panel that will meet is chosen", process.PanelId is not null, null));
        }

        var victimAndYoungPerson = process.Participants.Any(p => p.Role == ParticipantRole.Victim) && process.Participants.Any(p => p.Role == ParticipantRole.YoungPerson);
        if (venue is not null && victimAndYoungPerson)
        {
            items.Add(new("The victim and the young person can wait apart", venue.SeparateWaitingRooms,
                venue.SeparateWaitingRooms ? null : $"{venue.Name} has no separate waiting rooms: say in the safety plan how they will be kept apart"));
        }

        return items;
    }
}
