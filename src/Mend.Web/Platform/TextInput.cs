namespace Mend.Web.Platform;

public static class TextInput
{
    /// <summary>Typed text trimmed, or null when nothing but white space was typed.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
