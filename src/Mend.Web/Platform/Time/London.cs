using System.Globalization;

namespace Mend.Web.Platform.Time;

/// <summary>Times are stored in UTC and shown in UK time (Europe/London, which Jersey shares).</summary>
public static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLondonTime(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>GOV.UK style: 5 January 2026 at 2:30pm.</summary>
    public static string ToLondon(this DateTime utc) => utc.ToLondonTime().ToString("d MMMM yyyy", EnGb) + " at " + utc.ToLondonClock();

    /// <summary>GOV.UK style time of day: 2:30pm.</summary>
    public static string ToLondonClock(this DateTime utc)
    {
        var local = utc.ToLondonTime();
        return local.ToString("h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>The UTC instant at which a London calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
