using System.Globalization;
using Mend.Web.Features.Cases;

namespace Mend.Web.Platform.Time;

/// <summary>
/// Working days for the Victims' Code deadlines: Monday to Friday, less the bank and public holidays
/// of the case's jurisdiction (the shipped list, bank-holidays.txt).
/// </summary>
public static class WorkingDays
{
    private static readonly Lazy<Dictionary<Jurisdiction, HashSet<DateOnly>>> Holidays = new(Load);

    public static int FirstYear { get; } = 2020;

    public static int LastYear { get; } = 2050;

    public static bool IsHoliday(DateOnly day, Jurisdiction jurisdiction)
    {
        if (day.Year < FirstYear || day.Year > LastYear)
        {
            throw new InvalidOperationException(
                $"The bank-holiday list covers {FirstYear} to {LastYear}; {day.Year} is outside it. Add that year's holidays to Platform/Time/bank-holidays.txt.");
        }

        return Holidays.Value[jurisdiction].Contains(day);
    }

    public static bool IsWorkingDay(DateOnly day, Jurisdiction jurisdiction) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day, jurisdiction);

    /// <summary>
    /// The day by which something must be done, <paramref name="days"/> working days after
    /// <paramref name="start"/>: the start day itself does not count, as in "within 5 working days of receiving".
    /// </summary>
    public static DateOnly Add(DateOnly start, int days, Jurisdiction jurisdiction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, jurisdiction))
            {
                counted++;
            }
        }

        return day;
    }

    private static Dictionary<Jurisdiction, HashSet<DateOnly>> Load()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("Mend.BankHolidays")
            ?? throw new InvalidOperationException("The bank-holiday list is missing from the build.");
        using var reader = new StreamReader(stream);
        var result = Enum.GetValues<Jurisdiction>().ToDictionary(j => j, _ => new HashSet<DateOnly>());
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 3);
            result[Enum.Parse<Jurisdiction>(parts[0])].Add(DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return result;
    }
}
