using System.Collections.Frozen;
using System.Globalization;
using Mend.Web.Features.Cases;

namespace Mend.Web.Platform.Time;

/// <summary>
/// Working days for the Victims' Code deadlines: Monday to Friday, less the bank and public holidays of the case's
/// jurisdiction: the shipped list (bank-holidays.txt, <see cref="Shipped"/>) and any day an administrator has added
/// since (<see cref="ProclaimedHoliday"/>, through <see cref="HolidayCalendar"/>).
/// </summary>
public sealed class WorkingDays
{
    private static readonly Lazy<ShippedList> List = new(Load);

    private readonly FrozenDictionary<Jurisdiction, FrozenSet<DateOnly>> _holidays;

    private WorkingDays(IReadOnlyDictionary<Jurisdiction, HashSet<DateOnly>> holidays) =>
        _holidays = holidays.ToFrozenDictionary(h => h.Key, h => h.Value.ToFrozenSet());

    public static int FirstYear { get; } = 2020;

    public static int LastYear { get; } = 2050;

    /// <summary>The shipped list alone.</summary>
    public static WorkingDays Shipped { get; } = new(List.Value.Days.ToDictionary(d => d.Key, d => d.Value.Select(h => h.Date).ToHashSet()));

    /// <summary>The shipped holidays, by jurisdiction, with their names (for the administrators' page).</summary>
    public static IReadOnlyDictionary<Jurisdiction, IReadOnlyList<(DateOnly Date, string Name)>> ShippedDays => List.Value.Days;

    /// <summary>
    /// The last year whose shipped list was checked against the jurisdiction's published list (the "# checked" lines);
    /// years after it follow the regular rules until an administrator confirms them.
    /// </summary>
    public static IReadOnlyDictionary<Jurisdiction, int> CheckedThrough => List.Value.CheckedThrough;

    /// <summary>The shipped list with more days added (days proclaimed after it was made).</summary>
    public WorkingDays With(IEnumerable<(Jurisdiction Jurisdiction, DateOnly Date)> added)
    {
        var days = _holidays.ToDictionary(h => h.Key, h => h.Value.ToHashSet());
        foreach (var (jurisdiction, date) in added)
        {
            days[jurisdiction].Add(date);
        }

        return new WorkingDays(days);
    }

    public bool IsHoliday(DateOnly day, Jurisdiction jurisdiction)
    {
        if (day.Year < FirstYear || day.Year > LastYear)
        {
            throw new InvalidOperationException(
                $"The bank-holiday list covers {FirstYear} to {LastYear}; {day.Year} is outside it. Add that year's holidays to Platform/Time/bank-holidays.txt.");
        }

        return _holidays[jurisdiction].Contains(day);
    }

    public bool IsWorkingDay(DateOnly day, Jurisdiction jurisdiction) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day, jurisdiction);

    /// <summary>
    /// The day by which something must be done, <paramref name="days"/> working days after
    /// <paramref name="start"/>: the start day itself does not count, as in "within 5 working days of receiving".
    /// </summary>
    public DateOnly Add(DateOnly start, int days, Jurisdiction jurisdiction)
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

    private sealed record ShippedList(
        IReadOnlyDictionary<Jurisdiction, IReadOnlyList<(DateOnly Date, string Name)>> Days, IReadOnlyDictionary<Jurisdiction, int> CheckedThrough);

    private static ShippedList Load()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("Mend.BankHolidays")
            ?? throw new InvalidOperationException("The bank-holiday list is missing from the build.");
        using var reader = new StreamReader(stream);
        var days = Enum.GetValues<Jurisdiction>().ToDictionary(j => j, _ => new List<(DateOnly, string)>());
        var checkedThrough = new Dictionary<Jurisdiction, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# checked ", StringComparison.Ordinal))
            {
                var check = line["# checked ".Length..].Split(' ', 2);
                checkedThrough[Enum.Parse<Jurisdiction>(check[0])] = int.Parse(check[1].Trim(), CultureInfo.InvariantCulture);
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 3);
            days[Enum.Parse<Jurisdiction>(parts[0])].Add((DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[2]));
        }

        return new ShippedList(days.ToDictionary(d => d.Key, d => (IReadOnlyList<(DateOnly, string)>)d.Value), checkedThrough);
    }
}
