using Mend.Web.Features.Visits;
using Mend.Web.Platform;

namespace Mend.Tests.Visits;

/// <summary>A visit's plan, check-in, extension and check-out, and the escalation ladder, at their boundaries (issue 19).</summary>
public sealed class VisitRulesTests
{
    private static readonly DateTime Nine = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Buddy = Guid.NewGuid();
    private static readonly LoneWorkingSettings Settings = new();

    private static Visit.Plan Plan(DateTime? end = null, Guid? buddy = null, Guid? second = null) =>
        new(null, null, null, VisitPlace.Home, "1 High Street", Nine, end ?? Nine.AddHours(1), buddy ?? Buddy, "Bea Buddy", second, second is null ? null : "Sam Second", "Car");

    private static Visit Live()
    {
        var visit = Visit.Make(Plan(), Worker, "Wes Worker", notAlone: false, Settings.LongestVisit);
        visit.CheckIn(Nine);
        return visit;
    }

    [Theory]
    [InlineData(0, "endsAt")]
    [InlineData(-30, "endsAt")]
    [InlineData(12 * 60 + 1, "endsAt")]
    public void APlan_WithAnEndNotAfterTheStart_OrTooLong_IsRefusedOnTheEnd(int minutes, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Visit.Make(Plan(Nine.AddMinutes(minutes)), Worker, "W", false, Settings.LongestVisit)).Field);

    [Fact]
    public void APlan_Of12Hours_IsAccepted() =>
        Assert.Equal(Nine.AddHours(12), Visit.Make(Plan(Nine.AddHours(12)), Worker, "W", false, Settings.LongestVisit).ExpectedEndAt);

    [Fact]
    public void TheWorker_CannotBeTheirOwnBuddy_NorTheirOwnSecondWorker()
    {
        Assert.Equal("buddyId", Assert.Throws<DomainRuleException>(() => Visit.Make(Plan(buddy: Worker), Worker, "W", false, Settings.LongestVisit)).Field);
        Assert.Equal("secondWorkerId", Assert.Throws<DomainRuleException>(() => Visit.Make(Plan(second: Worker), Worker, "W", true, Settings.LongestVisit)).Field);
    }

    [Fact]
    public void ADoNotVisitAloneWarning_NeedsASecondWorker()
    {
        Assert.Equal("secondWorkerId", Assert.Throws<DomainRuleException>(() => Visit.Make(Plan(), Worker, "W", notAlone: true, Settings.LongestVisit)).Field);
        Assert.NotNull(Visit.Make(Plan(second: Guid.NewGuid()), Worker, "W", notAlone: true, Settings.LongestVisit).SecondWorkerId);
    }

    [Fact]
    public void TheBuddy_CannotAlsoBeOnTheVisit() =>
        Assert.Equal("buddyId", Assert.Throws<DomainRuleException>(() => Visit.Make(Plan(second: Buddy), Worker, "W", notAlone: true, Settings.LongestVisit)).Field);

    [Theory]
    [InlineData(-120, -60)] // two hours early: an hour from now, not from the planned end
    [InlineData(0, 60)]
    [InlineData(30, 60)] // late within the plan: the planned end stands
    [InlineData(90, 150)] // after the planned end: an hour from now
    public void CheckingIn_EarlyOrAfterThePlannedEnd_ExpectsTheVisitToLastAsPlannedFromNow(int minutesFromStart, int expectedEndFromStart)
    {
        var visit = Visit.Make(Plan(), Worker, "W", false, Settings.LongestVisit);
        visit.CheckIn(Nine.AddMinutes(minutesFromStart));
        Assert.Equal(Nine.AddMinutes(expectedEndFromStart), visit.ExpectedEndAt);
    }

    [Fact]
    public void CheckingOut_BeforeCheckingIn_OrWithAWrongCode_IsRefused_AndTheVisitStaysLive()
    {
        var visit = Visit.Make(Plan(), Worker, "W", false, Settings.LongestVisit);
        Assert.Contains("Check in before", Assert.Throws<DomainRuleException>(() => visit.CheckOut(CheckOutCode.Normal, Nine)).Message, StringComparison.Ordinal);
        visit.CheckIn(Nine);
        Assert.Equal("code", Assert.Throws<DomainRuleException>(() => visit.CheckOut(CheckOutCode.Wrong, Nine.AddHours(1))).Field);
        Assert.Equal(VisitStatus.InProgress, visit.Status);
    }

    [Fact]
    public void CheckingOutWithTheDuressCode_FinishesTheVisitLikeTheNormalCode_ButMarksIt()
    {
        var normal = Live();
        normal.CheckOut(CheckOutCode.Normal, Nine.AddHours(1));
        var duress = Live();
        duress.CheckOut(CheckOutCode.Duress, Nine.AddHours(1));
        Assert.Equal(normal.Status, duress.Status);
        Assert.False(normal.Duress);
        Assert.True(duress.Duress);
    }

    [Fact]
    public void AnExtension_MustEndAfterNow_AndWithinTheLongestVisitFromCheckIn()
    {
        var visit = Live();
        Assert.Equal("expectedEndAt", Assert.Throws<DomainRuleException>(() => visit.Extend(Nine.AddMinutes(30), Nine.AddMinutes(30), Settings.LongestVisit)).Field);
        Assert.Equal("expectedEndAt", Assert.Throws<DomainRuleException>(() => visit.Extend(Nine.AddHours(12).AddMinutes(1), Nine.AddHours(1), Settings.LongestVisit)).Field);
        visit.Extend(Nine.AddHours(12), Nine.AddHours(1), Settings.LongestVisit);
        Assert.Equal(Nine.AddHours(12), visit.ExpectedEndAt);
    }

    [Fact]
    public void AVisit_IsOverdueOnlyAfterItsExpectedEndPlusTheGrace()
    {
        var visit = Live();
        var end = visit.ExpectedEndAt + Settings.Grace;
        Assert.Null(EscalationLadder.First(visit, end, Settings));
        Assert.Equal(AlertStep.Worker, EscalationLadder.First(visit, end.AddSeconds(1), Settings));
        visit.CheckOut(CheckOutCode.Normal, end.AddMinutes(1));
        Assert.Null(EscalationLadder.First(visit, end.AddHours(1), Settings));
    }

    [Theory]
    [InlineData(AlertStep.Worker, 9, false, null)]
    [InlineData(AlertStep.Worker, 10, false, AlertStep.Buddy)]
    [InlineData(AlertStep.Worker, 0, true, AlertStep.Buddy)]
    [InlineData(AlertStep.Buddy, 9, false, null)]
    [InlineData(AlertStep.Buddy, 10, false, AlertStep.Manager)]
    [InlineData(AlertStep.Manager, 10, false, AlertStep.DutyManager)]
    [InlineData(AlertStep.Manager, 1, true, AlertStep.DutyManager)]
    [InlineData(AlertStep.DutyManager, 10, false, AlertStep.DutyManager)]
    [InlineData(AlertStep.DutyManager, 0, true, null)]
    [InlineData(AlertStep.DutyManager, 1, true, AlertStep.DutyManager)]
    public void TheLadder_ClimbsAfterEachWait_OrAtOnceWhenASendFailed(AlertStep last, int minutesLater, bool failed, AlertStep? next) =>
        Assert.Equal(next, EscalationLadder.Next(last, Nine, failed, Nine.AddMinutes(minutesLater), Settings));

    [Fact]
    public void Duress_TellsTheBuddyTheManagerAndTheDutyManagerAtOnce() =>
        Assert.Equal([AlertStep.Buddy, AlertStep.Manager, AlertStep.DutyManager], EscalationLadder.Duress);
}
