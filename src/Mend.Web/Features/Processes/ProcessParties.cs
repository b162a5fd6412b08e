using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Processes;

/// <summary>
/// Who must take part in each kind of restorative process. A restorative process brings those harmed and those
/// responsible for the harm into communication (Restorative Justice Council, "Best practice guidance for restorative
/// practice", 2011; Ministry of Justice, "Restorative Justice Action Plan for the Criminal Justice System", 2012).
/// A conference, video conference or shuttle is between the person harmed and the person responsible, so both must
/// take part (a shuttle passes messages, but both still take part). A letter, a panel or a school meeting starts from the
/// young person responsible; the person harmed may join, or be represented through the letter or the panel.
/// </summary>
public static class ProcessParties
{
    public sealed record Rule(ProcessKind Kind, bool NeedsPersonHarmed, int MinimumPeople);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(ProcessKind.FaceToFaceConference, NeedsPersonHarmed: true, MinimumPeople: 2),
        new(ProcessKind.VideoConference, NeedsPersonHarmed: true, MinimumPeople: 2),
        new(ProcessKind.ShuttleOrIndirect, NeedsPersonHarmed: true, MinimumPeople: 2),
        new(ProcessKind.Letter, NeedsPersonHarmed: false, MinimumPeople: 1),
        new(ProcessKind.CommunityPanel, NeedsPersonHarmed: false, MinimumPeople: 1),
        new(ProcessKind.ReferralOrderPanel, NeedsPersonHarmed: false, MinimumPeople: 1),
        new(ProcessKind.SchoolMeeting, NeedsPersonHarmed: false, MinimumPeople: 2),
    ];

    /// <summary>
    /// What is missing for this kind of process among the roles taking part, or null when nothing is.
    /// <paramref name="harmedRepresented"/>: a parent or carer taking part receives the victims' service for a young victim
    /// (the Victims' Code lets them), so the person harmed is represented even if the child does not attend.
    /// </summary>
    public static string? Missing(ProcessKind kind, IReadOnlyCollection<ParticipantRole> roles, bool harmedRepresented = false)
    {
        var rule = Rules.Single(r => r.Kind == kind);
        var words = ProcessWords.Describe(kind);
        var responsible = roles.Contains(ParticipantRole.YoungPerson);
        var harmed = roles.Contains(ParticipantRole.Victim) || harmedRepresented;
        if (rule.NeedsPersonHarmed && (!responsible || !harmed))
        {
            var who = (responsible, harmed) switch
            {
                (false, false) => "the person harmed (a victim on the case) and the young person responsible",
                (false, true) => "the young person responsible",
                _ => "the person harmed (a victim on the case)",
            };
            return $"A {words.ToLowerInvariant()} needs both the person harmed and the young person responsible to take part. Add {who}";
        }

        if (!responsible)
        {
            return $"A {words.ToLowerInvariant()} needs the young person responsible to take part. Add them";
        }

        return roles.Count < rule.MinimumPeople
            ? $"A {words.ToLowerInvariant()} needs at least {rule.MinimumPeople} people taking part"
            : null;
    }
}
