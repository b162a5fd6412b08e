using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;

namespace Mend.Tests.Platform.Time;

/// <summary>Victims' Code deadlines in working days, over weekends, bank holidays and year ends, for both jurisdictions.</summary>
public sealed class WorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // An ordinary week: Monday + 5 working days is the next Monday.
    [InlineData("EnglandAndWales", "2026-11-23", 5, "2026-11-30")]
    [InlineData("EnglandAndWales", "2026-11-23", 1, "2026-11-24")]
    // Received on a Friday: the weekend does not count.
    [InlineData("EnglandAndWales", "2026-11-27", 1, "2026-11-30")]
    [InlineData("EnglandAndWales", "2026-11-27", 2, "2026-12-01")]
    // Received at the weekend: counting starts on Monday.
    [InlineData("EnglandAndWales", "2026-11-28", 1, "2026-11-30")]
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
    [InlineData("EnglandAndWales", "2026-04-02", 1, "2026-04-07")]
    [InlineData("EnglandAndWales", "2026-04-01", 5, "2026-04-10")]
    // Christmas 2026: 25 December (Friday) and Boxing Day's substitute, Monday 28 December.
    [InlineData("EnglandAndWales", "2026-12-24", 1, "2026-12-29")]
    // Across the year end 2026–27: 1 January 2027 is a Friday bank holiday.
    [InlineData("EnglandAndWales", "2026-12-30", 2, "2027-01-04")]
    [InlineData("EnglandAndWales", "2026-12-23", 5, "2027-01-04")]
    // Christmas 2027 falls at the weekend: substitutes on Monday 27 and Tuesday 28 December.
    [InlineData("EnglandAndWales", "2027-12-24", 1, "2027-12-29")]
    // 1 January 2028 is a Saturday: the substitute is Monday 3 January.
    [InlineData("EnglandAndWales", "2027-12-31", 1, "2028-01-04")]
    // Jersey's Liberation Day, 9 May, on a weekday (Friday 2025; Tuesday 2028) stops the clock there only.
    [InlineData("Jersey", "2025-05-08", 1, "2025-05-12")]
    [InlineData("EnglandAndWales", "2025-05-08", 1, "2025-05-09")]
    [InlineData("Jersey", "2028-05-08", 1, "2028-05-10")]
    [InlineData("EnglandAndWales", "2028-05-08", 1, "2028-05-09")]
    // Liberation Day on a Saturday (2026) has no substitute: Monday 11 May is a working day.
    [InlineData("Jersey", "2026-05-08", 1, "2026-05-11")]
    // Jersey shares the Christmas substitutes.
    [InlineData("Jersey", "2026-12-24", 1, "2026-12-29")]
    // One-off days: the coronation (8 May 2023) in both.
    [InlineData("EnglandAndWales", "2023-05-05", 1, "2023-05-09")]
    // ... and in Jersey Liberation Day follows the next day.
    [InlineData("Jersey", "2023-05-05", 1, "2023-05-10")]
    // Jersey's own days (States' Acts, see bank-holidays.txt): in 2020 Jersey kept the early May bank holiday
    // on Monday 4 May and added Friday 8 May, where England moved it to 8 May ...
    [InlineData("Jersey", "2020-05-01", 1, "2020-05-05")]
    [InlineData("EnglandAndWales", "2020-05-01", 1, "2020-05-04")]
    [InlineData("Jersey", "2020-05-07", 1, "2020-05-11")]
    // ... the Corn Riots anniversary (27 September 2021) and the royal visit (15 July 2024) were Jersey's alone.
    [InlineData("Jersey", "2021-09-24", 1, "2021-09-28")]
    [InlineData("EnglandAndWales", "2021-09-24", 1, "2021-09-27")]
    [InlineData("Jersey", "2024-07-12", 1, "2024-07-16")]
    [InlineData("EnglandAndWales", "2024-07-12", 1, "2024-07-15")]
    public void Add_CountsOnlyWorkingDays(string jurisdiction, string start, int days, string due)
    {
        Assert.Equal(D(due), WorkingDays.Shipped.Add(D(start), days, Enum.Parse<Jurisdiction>(jurisdiction)));
    }

    [Fact]
    public void Holidays_2026_EnglandAndWales_AreTheEightPublishedDays()
    {
        var days = Enumerable.Range(0, 365).Select(i => D("2026-01-01").AddDays(i)).Where(d => WorkingDays.Shipped.IsHoliday(d, Jurisdiction.EnglandAndWales)).ToList();

        Assert.Equal(
            new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" }.Select(D),
            days);
    }

    [Fact]
    public void Add_OutsideTheListedYears_SaysWhatToDo()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WorkingDays.Shipped.Add(D("2050-12-30"), 5, Jurisdiction.Jersey));

        Assert.Contains("bank-holidays.txt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Add_ZeroOrNegativeDays_IsRefused(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Shipped.Add(D("2026-11-23"), days, Jurisdiction.EnglandAndWales));
    }
}
