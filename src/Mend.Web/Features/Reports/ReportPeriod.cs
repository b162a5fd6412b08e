namespace Mend.Web.Features.Reports;

/// <summary>A report's date range (London dates, both days included), at most <see cref="LongestYears"/> years long.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int LongestYears = 5;

    /// <summary>The years a report may cover (as the quarters do).</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>The period, or the errors by field: both days given, in order, and no longer than five years.</summary>
    public static (ReportPeriod? Period, Dictionary<string, string> Errors) Check(DateOnly? from, DateOnly? to)
    {
        var errors = new Dictionary<string, string>();
        if (from is null)
        {
            errors["from"] = "Enter the first day of the period";
        }
        else if (from.Value.Year is < FirstYear or > LastYear)
        {
            errors["from"] = $"The first day must be in a year from {FirstYear} to {LastYear}";
        }

        if (to is null)
        {
            errors["to"] = "Enter the last day of the period";
        }
        else if (to.Value.Year is < FirstYear or > LastYear)
        {
            errors["to"] = $"The last day must be in a year from {FirstYear} to {LastYear}";
        }
        else if (from is { } f && !errors.ContainsKey("from") && to < f)
        {
            errors["to"] = "The last day must be the same as or after the first day";
        }
        else if (from is { } start && !errors.ContainsKey("from") && to > start.AddYears(LongestYears).AddDays(-1))
        {
            errors["to"] = $"A report covers at most {LongestYears} years: choose a shorter period";
        }

        return errors.Count == 0 ? (new ReportPeriod(from!.Value, to!.Value), errors) : (null, errors);
    }
}
