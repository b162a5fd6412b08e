using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Mend.Web.Features.Processes;

/// <summary>
/// Meetings as iCalendar (.ics) for Outlook or Google: one meeting as a file or an invitation, or
/// many as a calendar feed. They name the case reference and the place, never the people, because
/// calendars are shared and synchronised outside Mend.
/// </summary>
public static class MeetingCalendar
{
    public sealed record Entry(RjProcess Process, string CaseReference, string? Place, string Link);

    public static string For(RjProcess process, string caseReference, string? place) =>
        Serialize(NewCalendar(), [new Entry(process, caseReference, place, "Open the case in Mend for the safety plan and who is attending.")]);

    /// <summary>An e-mailed invitation, or the cancellation of one (calendar clients match them by the meeting's UID).</summary>
    public static string Invitation(Entry entry, bool cancel)
    {
        var calendar = NewCalendar();
        calendar.Method = cancel ? "CANCEL" : "PUBLISH";
        return Serialize(calendar, [entry], cancel);
    }

    public static string Feed(IEnumerable<Entry> entries, string owner)
    {
        var calendar = NewCalendar();
        calendar.AddProperty("X-WR-CALNAME", $"Mend meetings – {owner}");
        return Serialize(calendar, entries);
    }

    private static Calendar NewCalendar() => new() { ProductId = "-//Mend//Restorative justice case management//EN" };

    private static string Serialize(Calendar calendar, IEnumerable<Entry> entries, bool cancelled = false)
    {
        foreach (var (process, reference, place, link) in entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{process.Id}@mend",
                Summary = $"Restorative meeting – case {reference}",
                Description = $"{ProcessWords.Describe(process.Kind)} for case {reference}. {link}",
                Location = place,
                Start = new CalDateTime(DateTime.SpecifyKind(process.StartsAt!.Value, DateTimeKind.Utc)),
                End = new CalDateTime(DateTime.SpecifyKind(process.EndsAt!.Value, DateTimeKind.Utc)),
                Sequence = process.Version,
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
