using System.Globalization;
using System.Text.RegularExpressions;

namespace Mend.Web.Features.Reports;

/// <summary>
/// A quarter of a financial year, as the YJB labels its returns ("Quarter 1 of 2025/2026": April to June 2025; YJB,
/// "Quality and methodology information for new KPIs", 12 June 2025). Written "2026-Q3": the third quarter of the
/// financial year that starts in April 2026, 1 October to 31 December 2026.
/// </summary>
public sealed partial record ReportQuarter(int Year, int Number)
{
    /// <summary>The first day of the quarter.</summary>
    public DateOnly Starts => new DateOnly(Year, 4, 1).AddMonths(3 * (Number - 1));

    /// <summary>The last day of the quarter (London dates: an intervention ending at 23:30 on it is in the quarter).</summary>
    public DateOnly Ends => Starts.AddMonths(3).AddDays(-1);

    /// <summary>As written in the API: "2026-Q3".</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>As the YJB writes it: "2026/27 Q3".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year}/{(Year + 1) % 100:00} Q{Number}");

    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;

    /// <summary>The quarter a day falls in.</summary>
    public static ReportQuarter Of(DateOnly day)
    {
        var year = day.Month >= 4 ? day.Year : day.Year - 1;
        return new ReportQuarter(year, ((day.Month + 8) % 12 / 3) + 1);
    }

    /// <summary>The last quarter that has ended by today (a London date): the one a return is usually made for.</summary>
    public static ReportQuarter LastEnded(TimeProvider clock)
    {
        var current = Of(Platform.Time.London.DateOf(clock.GetUtcNow().UtcDateTime));
        return current.Number == 1 ? new ReportQuarter(current.Year - 1, 4) : current with { Number = current.Number - 1 };
    }

    /// <summary>Reads "2026-Q3"; null with the message to show when it is not a quarter Mend can report.</summary>
    public static (ReportQuarter? Quarter, string? Error) Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return (null, "Enter the quarter as a year and a quarter of its financial year, like 2026-Q3 (October to December 2026)");
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2100)
        {
            return (null, "Enter a quarter of a financial year from 2000 to 2100");
        }

        return (new ReportQuarter(year, match.Groups[2].Value[0] - '0'), null);
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
