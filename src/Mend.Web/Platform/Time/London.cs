using System.Globalization;

namespace Mend.Web.Platform.Time;

/// <summary>Times are stored in UTC and shown in UK time (Europe/London, which Jersey shares).</summary>
public static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// A user's "today": the calendar date in the UK now. Every "today" in Mend comes from here, so between midnight and
    /// 1am in summer (23:00 to 00:00 UTC) a deadline, a "not in the future" check or a caseload is not a day out.
    /// </summary>
    public static DateOnly LondonToday(this TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UK calendar date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc.ToLondonTime());

    public static DateTime ToLondonTime(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A day as GOV.UK writes it: "1 December 2026".</summary>
    public static string ToGovUkDate(this DateOnly day) => day.ToString("d MMMM yyyy", EnGb);

    /// <summary>A short UK day for a moment: "Thu 3 Dec".</summary>
    public static string ToLondonShortDay(this DateTime utc) => utc.ToLondonTime().ToString("ddd d MMM", EnGb);

    /// <summary>GOV.UK style: 5 January 2026 at 2:30pm.</summary>
    public static string ToLondon(this DateTime utc) => utc.ToLondonTime().ToString("d MMMM yyyy", EnGb) + " at " + utc.ToLondonClock();

    /// <summary>GOV.UK style time of day: 2:30pm.</summary>
    public static string ToLondonClock(this DateTime utc)
    {
        var local = utc.ToLondonTime();
        return local.ToString("h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>
    /// The UTC instant of a day and time typed as UK time, or the message to show. A time inside the hour skipped when
    /// the clocks go forward (1am to 2am on the last Sunday in March) does not exist and is refused. A time in the hour
    /// that happens twice when they go back (1am to 2am on the last Sunday in October) is taken as its first occurrence,
    /// in British Summer Time, the rule RFC 5545 (3.3.5) gives calendars; the users' guide says so.
    /// </summary>
    public static (DateTime? Utc, string? Error) ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return (null, $"The clocks go forward at 1am on {day.ToString("d MMMM yyyy", EnGb)}, so {Clock(time)} does not exist that day. Enter a time before 1am or from 2am");
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var summerTime = Zone.GetAmbiguousTimeOffsets(local).Max();
            return (DateTime.SpecifyKind(local - summerTime, DateTimeKind.Utc), null);
        }

        return (TimeZoneInfo.ConvertTimeToUtc(local, Zone), null);
    }

    /// <summary>A time of day as a person types it ("9:30", "14:30"); null when blank; an error when it is not a time.</summary>
    public static (TimeOnly? Time, string? Error) ParseTime(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null);
        }

        return TimeOnly.TryParseExact(typed.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time, null)
            : (null, "Enter a time like 14:30");
    }

    /// <summary>
    /// A day and a typed time of day in London as a UTC instant (<see cref="ParseTime"/> then <see cref="ToUtc"/>): null
    /// without an error when the time is blank; an error when it is not a time or falls in the skipped spring hour.
    /// </summary>
    public static (DateTime? Utc, string? Error) ToUtc(DateOnly day, string? typedTime)
    {
        var (time, error) = ParseTime(typedTime);
        return time is { } t ? ToUtc(day, t) : (null, error);
    }

    private static string Clock(TimeOnly time) => time.ToString("h:mm", EnGb) + (time.Hour < 12 ? "am" : "pm");

    /// <summary>The UTC instant at which a London calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
