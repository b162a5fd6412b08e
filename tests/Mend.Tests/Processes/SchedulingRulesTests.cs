using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform;

namespace Mend.Tests.Processes;

/// <summary>The scheduling rules over a process and its facts, without a database; the entity refuses what they refuse.</summary>
public sealed class SchedulingRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Starts = new(2026, 12, 10, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Facilitator = Guid.NewGuid();
    private static readonly Guid Victim = Guid.NewGuid();
    private static readonly Guid YoungPerson = Guid.NewGuid();

    private static readonly Venue Office = WithIds(Venue.Create(new VenueDetails("YOT office", VenueKind.YotOffice, null, ["Room 1"], true, true, null, null, null)));

    private static Venue WithIds(Venue venue)
    {
        typeof(Venue).GetProperty(nameof(Venue.Id))!.SetValue(venue, 7);
        typeof(VenueRoom).GetProperty(nameof(VenueRoom.Id))!.SetValue(venue.Rooms[0], 70);
        return venue;
    }

    private static RjProcess Conference() =>
        RjProcess.Plan(Guid.NewGuid(), ProcessKind.FaceToFaceConference, [(YoungPerson, ParticipantRole.YoungPerson), (Victim, ParticipantRole.Victim)], "Ada", Now);

    private static ScheduleRequest Request(int victimEarlyMinutes = 30, int hours = 1, int daysAhead = 9) =>
        new(Facilitator, null, 7, 70, Now.Date.AddDays(daysAhead).AddHours(10), Now.Date.AddDays(daysAhead).AddHours(10 + hours),
            [new(Victim, Now.Date.AddDays(daysAhead).AddHours(10).AddMinutes(-victimEarlyMinutes), Now.Date.AddDays(daysAhead).AddHours(10 + hours).AddMinutes(20)),
             new(YoungPerson, Now.Date.AddDays(daysAhead).AddHours(10), Now.Date.AddDays(daysAhead).AddHours(10 + hours))]);

    private static SchedulingFacts Facts(AccreditationLevel? held = AccreditationLevel.Facilitator, AccreditationLevel needed = AccreditationLevel.Facilitator,
        IReadOnlyList<RjProcess>? overlapping = null) =>
        new(Now, 4, 15, null, needed, new Dictionary<Guid, string> { [Facilitator] = "Fran" },
            held is { } level ? [Accreditation.Award(Facilitator, level, "RJC", new DateOnly(2024, 1, 1), null, "Test", Now)] : [],
            Office, overlapping ?? [], new Dictionary<Guid, string> { [Victim] = "Vic", [YoungPerson] = "Yan" });

    [Fact]
    public void AllInOrder_HasNoProblems_AndTheEntitySchedules()
    {
        var process = Conference();
        Assert.Empty(SchedulingRules.Problems(process, Request(), Facts()));
        process.Schedule(Request(), Facts());
        Assert.Equal(ProcessStatus.Scheduled, process.Status);
        Assert.Equal(70, process.RoomId);
    }

    [Theory]
    [InlineData(14, "times")]
    [InlineData(15, null)]
    public void VictimAndYoungPerson_ArriveAtLeastTheStaggerApart(int victimEarlyMinutes, string? field)
    {
        var problems = SchedulingRules.Problems(Conference(), Request(victimEarlyMinutes), Facts());
        Assert.Equal(field is null ? [] : [field], problems.Keys);
    }

    [Fact]
    public void AFacilitatorWithoutACurrentDbsCheck_IsRefused_NamingIt()
    {
        var problems = SchedulingRules.Problems(Conference(), Request(), Facts() with { WithoutDbs = new HashSet<Guid> { Facilitator } });
        Assert.StartsWith("Fran has no DBS check current on", problems["facilitatorId"], StringComparison.Ordinal);
        var both = SchedulingRules.Problems(Conference(), Request(), Facts(held: null) with { WithoutDbs = new HashSet<Guid> { Facilitator } })["facilitatorId"];
        Assert.Contains("accreditation", both, StringComparison.Ordinal);
        Assert.Contains("and has no DBS check", both, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLong_InThePast_UnaccreditedOrNotAdvancedEnough_AreEachNamed()
    {
        Assert.Equal(["endsAt"], SchedulingRules.Problems(Conference(), Request(hours: 5), Facts()).Keys);
        Assert.Equal(["startsAt"], SchedulingRules.Problems(Conference(), Request(daysAhead: -1), Facts()).Keys);
        Assert.Equal(["facilitatorId"], SchedulingRules.Problems(Conference(), Request(), Facts(held: null)).Keys);
        Assert.Contains("advanced", SchedulingRules.Problems(Conference(), Request(), Facts(needed: AccreditationLevel.AdvancedFacilitator))["facilitatorId"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void ARoomAlreadyBooked_IsRefused_AndTheEntityRefusesItNamingTheField()
    {
        var other = Conference();
        other.Schedule(Request(), Facts());
        var process = Conference();
        var facts = Facts(overlapping: [other]);
        Assert.Contains("roomId", SchedulingRules.Problems(process, Request(), facts).Keys);
        Assert.Equal("roomId", Assert.Throws<DomainRuleException>(() => process.Schedule(Request(), facts)).Field);
    }
}
