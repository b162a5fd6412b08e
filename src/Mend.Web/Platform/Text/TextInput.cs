using System.Text.RegularExpressions;

namespace Mend.Web.Platform.Text;

public static partial class TextInput
{
    /// <summary>Typed text trimmed, or null when nothing but white space was typed.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// One-line text as typed, with line breaks, tabs and other control characters each run made one space,
    /// trimmed; null when nothing is left. For names, address lines and other single-line fields.
    /// </summary>
    public static string? CleanLine(string? value) => Clean(value) is { } clean ? Clean(OneLine(clean)) : null;

    public static bool IsMultiLine(string value) => value.Any(char.IsControl);

    public static string OneLine(string value) => ControlRuns().Replace(value, " ").Trim();

    /// <summary>Error text for a value over its limit, or null: "Venue name must be 200 characters or fewer".</summary>
    public static string? TooLong(string? value, int max, string label) =>
        value is not null && value.Length > max ? $"{label} must be {max} characters or fewer" : null;

    [GeneratedRegex(@"[\p{Cc}]+(\s*[\p{Cc}]+)*")]
    private static partial Regex ControlRuns();
}
