using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;

namespace Mend.Tests.Orders;

/// <summary>The pace of hours requirements, at the boundaries of each rule in <see cref="HoursPacePolicy"/>.</summary>
public sealed class HoursPaceTests
{
    private static readonly DateOnly Start = new(2026, 1, 31);

    private static Order WithHours(Jurisdiction jurisdiction, DisposalKind kind, RequirementKind requirement, decimal hours, JerseyCourt? court = null)
    {
        var order = Order.Record(Guid.NewGuid(), jurisdiction, new OrderDetails(kind, Start, Start.AddDays(-7), Start, null, Start.AddMonths(18),
            InterventionLevel.Standard, court, null, null), new Mend.Web.Features.People.AgeRange(16, 16), new DateOnly(2026, 2, 1), "Test", DateTime.UtcNow);
        order.AddRequirement(requirement, hours, null, null, null, inPilot: false);
        return order;
    }

    private static void Worked(Order order, DateOnly on, decimal hours) =>
        order.RecordReparation(1, true, 0, null, false, on, hours, Attendance.Attended, null, "Test", on);

    [Fact]
    public void UnpaidWork_IsBehindTheDayAfter12MonthsFromTheStart_WithHoursLeft()
    {
        var order = WithHours(Jurisdiction.EnglandAndWales, DisposalKind.YouthRehabilitationOrder, RequirementKind.UnpaidWork, 40);
        Worked(order, Start.AddDays(10), 8);

        var lastDay = Assert.Single(HoursPacePolicy.Of(order, new DateOnly(2027, 1, 30)));
        Assert.Equal(new DateOnly(2027, 1, 30), lastDay.DueBy);
        Assert.False(lastDay.Behind);
        Assert.True(Assert.Single(HoursPacePolicy.Of(order, new DateOnly(2027, 1, 31))).Behind);
        Assert.Contains("Sch 6 para 10(1)(b)", lastDay.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpaidWorkDone_IsNeverBehind()
    {
        var order = WithHours(Jurisdiction.EnglandAndWales, DisposalKind.YouthRehabilitationOrder, RequirementKind.UnpaidWork, 40);
        for (var i = 0; i < 5; i++)
        {
            Worked(order, Start.AddDays(7 * i), 8);
        }

        Assert.False(Assert.Single(HoursPacePolicy.Of(order, new DateOnly(2027, 6, 1))).Behind);
    }

    [Theory]
    [InlineData(6, 0, false)]
    [InlineData(7, 4.5, true)]
    [InlineData(7, 5, false)]
    [InlineData(14, 9.5, true)]
    [InlineData(14, 10, false)]
    public void CommunityService_IsWorkedAtLeast5HoursEachWeek(int days, double done, bool behind)
    {
        var order = WithHours(Jurisdiction.Jersey, DisposalKind.CommunityServiceOrder, RequirementKind.CommunityService, 80, JerseyCourt.YouthCourt);
        if (done > 0)
        {
            Worked(order, Start, (decimal)done);
        }

        var pace = Assert.Single(HoursPacePolicy.Of(order, Start.AddDays(days)));
        Assert.Equal(behind, pace.Behind);
        Assert.Equal(5 * (days / 7), pace.Expected);
    }

    [Fact]
    public void Reparation_HasNoPace_AndAnEndedOrderNone()
    {
        var reparation = WithHours(Jurisdiction.EnglandAndWales, DisposalKind.YouthRehabilitationOrder, RequirementKind.Reparation, 10);
        Assert.Empty(HoursPacePolicy.Of(reparation, Start.AddMonths(20)));

        var ended = WithHours(Jurisdiction.EnglandAndWales, DisposalKind.YouthRehabilitationOrder, RequirementKind.UnpaidWork, 40);
        ended.End(EndReason.Revoked, Start.AddMonths(2), null, Start.AddMonths(2));
        Assert.Empty(HoursPacePolicy.Of(ended, Start.AddMonths(14)));
    }
}
