using System.Globalization;

namespace Mend.Web.Features.Orders;

/// <summary>Reading what a person typed into an order's forms: a choice, a number of hours or days, a whole number.</summary>
public static class OrderForms
{
    public static T? Enum<T>(string? value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, out var parsed) && System.Enum.IsDefined(parsed) ? parsed : null;

    public static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static int? Whole(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>The words an order's pages use.</summary>
public static class OrderWords
{
    public static string Describe(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "Attended",
        Attendance.AcceptableAbsence => "Acceptable absence",
        _ => "Unacceptable absence",
    };

    public static string Describe(InterventionLevel level) => level switch
    {
        InterventionLevel.Intensive => "Intensive",
        InterventionLevel.Enhanced => "Enhanced",
        _ => "Standard",
    };
}
