namespace Mend.Web.Features.Reports;

/// <summary>A report's date range (London dates, both days included), at most <see cref="LongestYears"/> years long.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int LongestYears = 5;

    /// <summary>The period, or the errors by field: both days given, in order, and no longer than five years.</summary>
    public static (ReportPeriod? Period, Dictionary<string, string> Errors) Check(DateOnly? from, DateOnly? to)
    {
        var errors = new Dictionary<string, string>();
        if (from is null)
        {
            errors["from"] = "Enter the first day of the period";
        }

        if (to is null)
        {
            errors["to"] = "Enter the last day of the period";
        }
        else if (from is { } f && to < f)
        {
            errors["to"] = "The last day must be the same as or after the first day";
        }
        else if (from is { } start && to > start.AddYears(LongestYears).AddDays(-1))
        {
            errors["to"] = $"A report covers at most {LongestYears} years: choose a shorter period";
        }

        return errors.Count == 0 ? (new ReportPeriod(from!.Value, to!.Value), errors) : (null, errors);
    }
}
