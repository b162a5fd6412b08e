using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Platform;

namespace Mend.Tests.Orders;

/// <summary>An order's own rules: jurisdiction, dates, a referral order's length and contract, one extension of up to 6 months.</summary>
public sealed class OrderRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static OrderDetails Details(DisposalKind kind, DateOnly decided, int? months = null, DateOnly? ends = null, DateOnly? starts = null) =>
        new(kind, decided, null, starts, months, ends, InterventionLevel.Standard, null, null, null);

    private static Order Record(Jurisdiction jurisdiction, OrderDetails details) =>
        Order.Record(Guid.NewGuid(), jurisdiction, details, null, Today, "Test", DateTime.UtcNow);

    [Theory]
    [InlineData(2026, 1, 31, 3, 2026, 4, 30)]
    [InlineData(2026, 1, 31, 1, 2026, 2, 28)]
    [InlineData(2028, 1, 31, 1, 2028, 2, 29)]
    [InlineData(2026, 1, 30, 1, 2026, 2, 28)]
    [InlineData(2026, 1, 28, 1, 2026, 2, 27)]
    [InlineData(2026, 1, 1, 3, 2026, 3, 31)]
    [InlineData(2026, 2, 28, 12, 2027, 2, 27)]
    [InlineData(2026, 11, 30, 12, 2027, 11, 29)]
    public void APeriodOfMonths_EndsTheDayBeforeTheSameDate_OrOnTheLastDayOfAShorterMonth(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), Order.PeriodEnd(new DateOnly(y, m, d), months));

    [Fact]
    public void ADisposalOfOneJurisdiction_OnACaseOfTheOther_IsRefused()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Record(Jurisdiction.EnglandAndWales, Details(DisposalKind.ParishHallDeferredDecision, Today)));
        Assert.Equal("kind", refused.Field);
        Assert.Contains("Jersey", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void AReferralOrder_Lasts3To12Months(int months, bool allowed)
    {
        var details = Details(DisposalKind.ReferralOrder, Today.AddDays(-10), months);
        if (allowed)
        {
            Assert.Null(Record(Jurisdiction.EnglandAndWales, details).EndsOn);
        }
        else
        {
            Assert.Equal("lengthMonths", Assert.Throws<DomainRuleException>(() => Record(Jurisdiction.EnglandAndWales, details)).Field);
        }
    }

    [Fact]
    public void AReferralOrder_RunsFromTheDayItsContractIsSigned()
    {
        var order = Record(Jurisdiction.EnglandAndWales, Details(DisposalKind.ReferralOrder, new DateOnly(2026, 1, 20), 3));
        Assert.Null(order.StartsOn);
        order.SignContract(new DateOnly(2026, 1, 31), Today);
        Assert.Equal(new DateOnly(2026, 1, 31), order.StartsOn);
        Assert.Equal(new DateOnly(2026, 4, 30), order.EndsOn);
        Assert.Equal("signedOn", Assert.Throws<DomainRuleException>(() => order.SignContract(Today.AddDays(1), Today)).Field);
    }

    [Fact]
    public void AnEndBeforeTheStart_IsRefused() =>
        Assert.Equal("endsOn", Assert.Throws<DomainRuleException>(() =>
            Record(Jurisdiction.EnglandAndWales, Details(DisposalKind.YouthRehabilitationOrder, Today.AddDays(-10), ends: Today.AddDays(-20)))).Field);

    [Fact]
    public void AnOrder_IsExtendedOnce_ByUpTo6Months()
    {
        var order = Record(Jurisdiction.EnglandAndWales, Details(DisposalKind.YouthRehabilitationOrder, Today.AddDays(-10), ends: new DateOnly(2027, 3, 31)));
        Assert.Equal("endsOn", Assert.Throws<DomainRuleException>(() => order.Extend(new DateOnly(2027, 10, 1), Today)).Field);
        order.Extend(new DateOnly(2027, 9, 30), Today);
        Assert.Equal(new DateOnly(2027, 3, 31), order.OriginalEndsOn);
        Assert.Contains("only once", Assert.Throws<DomainRuleException>(() => order.Extend(new DateOnly(2027, 10, 15), Today)).Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 9, 30), order.EndsOn);
    }

    [Fact]
    public void AttendanceForAnAppointmentStillToCome_IsRefused()
    {
        var order = Record(Jurisdiction.EnglandAndWales, Details(DisposalKind.YouthRehabilitationOrder, Today.AddDays(-10), ends: Today.AddMonths(6)));
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        order.ArrangeContact(now.AddHours(2), "Supervision");
        Assert.Equal("attendance", Assert.Throws<DomainRuleException>(() => order.RecordAttendance(0, Attendance.Attended, null, "Test", now)).Field);
        Assert.Null(order.Contacts[0].Attendance);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(10.5, false)]
    public void ReparationHours_NeverExceedWhatIsLeft(double hours, bool allowed)
    {
        var order = Order.Record(Guid.NewGuid(), Jurisdiction.EnglandAndWales, new OrderDetails(DisposalKind.ReferralOrder, Today.AddDays(-30), null, null, 6, null,
            InterventionLevel.Standard, null, null, null), null, Today, "Test", DateTime.UtcNow);
        order.AddRequirement(RequirementKind.Reparation, 16, null, null, null, inPilot: false);
        order.RecordReparation(1, true, 0, null, false, Today.AddDays(-3), 6, Attendance.Attended, null, "Test", Today);
        if (allowed)
        {
            order.RecordReparation(1, true, 0, null, false, Today.AddDays(-2), (decimal)hours, Attendance.Attended, null, "Test", Today);
            Assert.Equal(0, order.Hours[0].Left);
        }
        else
        {
            Assert.Equal("hours", Assert.Throws<DomainRuleException>(() =>
                order.RecordReparation(1, true, 0, null, false, Today.AddDays(-2), (decimal)hours, Attendance.Attended, null, "Test", Today)).Field);
        }
    }

    [Fact]
    public void AJerseyProbationOrder_HasItsFirstAppointmentDueWithin7WorkingDays_UntilOneIsArranged()
    {
        var order = Order.Record(Guid.NewGuid(), Jurisdiction.Jersey, new OrderDetails(DisposalKind.ProbationOrder, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 13),
            null, null, new DateOnly(2027, 11, 19), InterventionLevel.Standard, JerseyCourt.YouthCourt, null, null), null, Today, "Test", DateTime.UtcNow);
        Assert.Equal(new DateOnly(2026, 12, 1), CompliancePolicy.FirstAppointmentDueBy(order, Mend.Web.Platform.Time.WorkingDays.Shipped));
        order.ArrangeContact(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), "First appointment");
        Assert.Null(CompliancePolicy.FirstAppointmentDueBy(order, Mend.Web.Platform.Time.WorkingDays.Shipped));
    }
}
