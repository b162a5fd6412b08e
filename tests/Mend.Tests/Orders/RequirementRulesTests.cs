using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Features.People;
using Mend.Web.Platform;

namespace Mend.Tests.Orders;

/// <summary>The statutory limits on requirements, case by case at their boundaries, read on the conviction date with the child's age then.</summary>
public sealed class RequirementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static Order Yro(DateOnly convicted, int age) => Order.Record(Guid.NewGuid(), Jurisdiction.EnglandAndWales,
        new OrderDetails(DisposalKind.YouthRehabilitationOrder, convicted.AddDays(14), convicted, null, null, convicted.AddMonths(12), InterventionLevel.Standard,
            null, "Youth court", null), new AgeRange(age, age), Today, "Test", DateTime.UtcNow);

    private static Order JerseyCso(JerseyCourt court, int age) => Order.Record(Guid.NewGuid(), Jurisdiction.Jersey,
        new OrderDetails(DisposalKind.CommunityServiceOrder, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 20), null, null, new DateOnly(2027, 3, 1),
            InterventionLevel.Standard, court, null, null), new AgeRange(age, age), Today, "Test", DateTime.UtcNow);

    private static string? Problem(Order order, RequirementKind kind, decimal? amount = null, int? daily = null, int? weekly = null, bool pilot = false) =>
        RequirementRules.Problems(order, kind, amount, daily, weekly, pilot) is { Count: > 0 } problems ? string.Join(" | ", problems.Select(p => $"{p.Key}: {p.Value}")) : null;

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    [InlineData(17, true)]
    [InlineData(18, false)]
    public void UnpaidWork_IsOnlyFor16And17YearOlds_AtConviction(int age, bool allowed)
    {
        var problem = Problem(Yro(new DateOnly(2025, 5, 1), age), RequirementKind.UnpaidWork, 60);
        Assert.Equal(allowed, problem is null);
        if (!allowed)
        {
            Assert.Equal("kind: Unpaid work is only for a child aged 16 or 17 when convicted (Sentencing Act 2020, s.185(2))", problem);
        }
    }

    [Theory]
    [InlineData(39, false)]
    [InlineData(40, true)]
    [InlineData(240, true)]
    [InlineData(241, false)]
    public void UnpaidWork_Is40To240Hours(int hours, bool allowed)
    {
        var problem = Problem(Yro(new DateOnly(2025, 5, 1), 16), RequirementKind.UnpaidWork, hours);
        Assert.Equal(allowed, problem is null);
        Assert.True(allowed || problem!.Contains("Sch 6 para 10(3)", StringComparison.Ordinal), problem);
    }

    [Theory]
    [InlineData(RequirementKind.Activity, 90, true)]
    [InlineData(RequirementKind.Activity, 91, false)]
    [InlineData(RequirementKind.ExtendedActivity, 91, true)]
    [InlineData(RequirementKind.ExtendedActivity, 180, true)]
    [InlineData(RequirementKind.ExtendedActivity, 181, false)]
    public void Activity_Is90Days_AndExtendedActivity180(RequirementKind kind, int days, bool allowed) =>
        Assert.Equal(allowed, Problem(Yro(new DateOnly(2025, 5, 1), 15), kind, days) is null);

    [Theory]
    [InlineData(2023, 7, 2, 181, false)]
    [InlineData(2023, 7, 3, 365, true)]
    [InlineData(2023, 7, 3, 366, false)]
    public void ExtendedActivity_Is365Days_OnlyInThePilot_ForConvictionsFrom3July2023(int year, int month, int day, int days, bool allowed)
    {
        var order = Yro(new DateOnly(year, month, day), 15);
        Assert.Equal(allowed, Problem(order, RequirementKind.ExtendedActivity, days, pilot: true) is null);
        Assert.NotNull(Problem(order, RequirementKind.ExtendedActivity, 181, pilot: false));
    }

    [Theory]
    [InlineData(2022, 6, 27, 16, true)]
    [InlineData(2022, 6, 27, 17, false)]
    [InlineData(2022, 6, 28, 20, true)]
    [InlineData(2022, 6, 28, 21, false)]
    [InlineData(2022, 6, 28, 1, false)]
    public void Curfew_Is2To16HoursADay_Or20ForConvictionsFrom28June2022(int year, int month, int day, int hours, bool allowed)
    {
        var problem = Problem(Yro(new DateOnly(year, month, day), 15), RequirementKind.Curfew, daily: hours, weekly: 70);
        Assert.Equal(allowed, problem is null);
        Assert.True(allowed || problem!.StartsWith("dailyHours: A curfew is 2 to", StringComparison.Ordinal), problem);
    }

    [Theory]
    [InlineData(112, true)]
    [InlineData(113, false)]
    public void Curfew_IsAtMost112HoursInAnySevenDays(int weekly, bool allowed) =>
        Assert.Equal(allowed, Problem(Yro(new DateOnly(2025, 5, 1), 15), RequirementKind.Curfew, daily: 16, weekly: weekly) is null);

    [Theory]
    [InlineData(JerseyCourt.MagistratesCourt, 180, true)]
    [InlineData(JerseyCourt.MagistratesCourt, 181, false)]
    [InlineData(JerseyCourt.YouthCourt, 181, false)]
    [InlineData(JerseyCourt.RoyalCourt, 480, true)]
    [InlineData(JerseyCourt.RoyalCourt, 481, false)]
    public void JerseyCommunityService_Is180HoursBelowTheRoyalCourt_And480InIt(JerseyCourt court, int hours, bool allowed) =>
        Assert.Equal(allowed, Problem(JerseyCso(court, 16), RequirementKind.CommunityService, hours) is null);

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void JerseyCommunityService_IsFrom15(int age, bool allowed) =>
        Assert.Equal(allowed, Problem(JerseyCso(JerseyCourt.YouthCourt, age), RequirementKind.CommunityService, 40) is null);

    [Fact]
    public void ARequirementTheOrderCannotCarry_IsRefused_NamingTheOrder() =>
        Assert.Equal("kind: A youth rehabilitation order cannot carry this requirement", Problem(Yro(new DateOnly(2025, 5, 1), 16), RequirementKind.CommunityService, 40));

    [Fact]
    public void UnpaidWork_WithOnlyAStatedAge_NeedsTheDateOfBirth()
    {
        var order = Order.Record(Guid.NewGuid(), Jurisdiction.EnglandAndWales, new OrderDetails(DisposalKind.YouthRehabilitationOrder, new DateOnly(2026, 5, 1),
            new DateOnly(2026, 4, 20), null, null, new DateOnly(2027, 5, 1), InterventionLevel.Standard, null, null, null), null, Today, "Test", DateTime.UtcNow);
        Assert.Contains("record the child's date of birth first", Problem(order, RequirementKind.UnpaidWork, 60), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEntity_RefusesWhatThePolicyRefuses_OnTheField()
    {
        var order = Yro(new DateOnly(2025, 5, 1), 16);
        var refused = Assert.Throws<DomainRuleException>(() => order.AddRequirement(RequirementKind.UnpaidWork, 241, null, null, null, inPilot: false));
        Assert.Equal("amount", refused.Field);
        Assert.Empty(order.Requirements);
        Assert.Equal(60, order.AddRequirement(RequirementKind.UnpaidWork, 60, null, null, null, inPilot: false).Amount);
    }
}
