using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Cases;

/// <summary>
/// A case note as typed: its kind, the UK date and optional time it happened, with whom (up to 300 characters) and the
/// note (up to 20,000 characters, kept encrypted). <see cref="Read"/> gives the note's details or each error by field.
/// </summary>
public sealed class NoteForm
{
    public string? Type { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Time { get; set; }
    public string? WithWhom { get; set; }
    public string? Text { get; set; }

    /// <param name="errors">Receives a message per field of this form ("Type", "Date", "Time", "WithWhom", "Text").</param>
    public NoteDetails? Read(DateOnly today, IDictionary<string, string> errors)
    {
        var (date, dateError) = Date.Parse("Date");
        if (!Enum.TryParse<NoteType>(Type, out var type) || !Enum.IsDefined(type))
        {
            errors[nameof(Type)] = "Select the kind of note";
        }

        if (dateError is not null || date is null || date > today)
        {
            errors[nameof(Date)] = dateError ?? (date is null ? "Enter the date it happened" : "Date must be today or in the past");
        }

        if (WithWhom?.Trim().Length > 300)
        {
            errors[nameof(WithWhom)] = "Who it was with must be 300 characters or fewer";
        }

        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > TextLimits.Longest)
        {
            errors[nameof(Text)] = string.IsNullOrEmpty(text) ? "Enter the note" : "Note must be 20,000 characters or fewer";
        }

        var (at, timeError) = date is { } day ? London.ToUtc(day, string.IsNullOrWhiteSpace(Time) ? "00:00" : Time) : (null, null);
        if (timeError is not null)
        {
            errors[nameof(Time)] = timeError;
        }

        return errors.Count > 0 ? null : new NoteDetails(type, at!.Value, TextInput.Clean(WithWhom), text!, TimeRecorded: !string.IsNullOrWhiteSpace(Time));
    }
}
