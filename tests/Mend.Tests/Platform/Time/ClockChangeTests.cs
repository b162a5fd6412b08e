using Mend.Web.Platform.Time;

namespace Mend.Tests.Platform.Time;

/// <summary>UK time typed on the two clock-change days: the skipped spring hour is refused, the repeated autumn hour is its first (BST) occurrence.</summary>
public sealed class ClockChangeTests
{
    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2027-03-28", "00:59", "2027-03-28 00:59")]
    [InlineData("2027-03-28", "02:00", "2027-03-28 01:00")]
    [InlineData("2026-03-29", "02:30", "2026-03-29 01:30")]
    [InlineData("2027-10-31", "00:59", "2027-10-30 23:59")]
    [InlineData("2027-10-31", "01:00", "2027-10-31 00:00")]
    [InlineData("2027-10-31", "01:30", "2027-10-31 00:30")]
    [InlineData("2027-10-31", "01:59", "2027-10-31 00:59")]
    [InlineData("2027-10-31", "02:00", "2027-10-31 02:00")]
    [InlineData("2026-10-25", "01:15", "2026-10-25 00:15")]
    [InlineData("2027-07-01", "23:30", "2027-07-01 22:30")]
    [InlineData("2027-01-15", "23:30", "2027-01-15 23:30")]
    public void ToUtc_ExistingTimes_AreTheirInstant_AndTheRepeatedHourIsItsFirstOccurrence(string day, string time, string utc)
    {
        var (result, error) = London.ToUtc(DateOnly.Parse(day), TimeOnly.Parse(time));
        Assert.Null(error);
        Assert.Equal(Utc(utc), result);
    }

    [Theory]
    [InlineData("2027-03-28", "01:00")]
    [InlineData("2027-03-28", "01:30")]
    [InlineData("2027-03-28", "01:59")]
    [InlineData("2026-03-29", "01:30")]
    public void ToUtc_TheSkippedSpringHour_IsRefusedWithAMessage(string day, string time)
    {
        var (result, error) = London.ToUtc(DateOnly.Parse(day), TimeOnly.Parse(time));
        Assert.Null(result);
        Assert.StartsWith("The clocks go forward at 1am on ", error, StringComparison.Ordinal);
        Assert.EndsWith("does not exist that day. Enter a time before 1am or from 2am", error, StringComparison.Ordinal);
    }
}
