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

    /// <summary>Every .ics Mend sends or serves is UTF-8 and says so, or some clients show a dash as garbage.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>An e-mailed invitation's attachment type: RFC 6047 asks for the iTIP method on the MIME type too.</summary>
    public static string InvitationContentType(bool cancel) => $"{ContentType}; method={(cancel ? "CANCEL" : "PUBLISH")}";

    public static string For(RjProcess process, string caseReference, string? place) =>
        Serialize(NewCalendar(), [new Entry(process, caseReference, place, "Open the case in Mend for the safety plan and who is attending.")]);

    /// <summary>
    /// An e-mailed invitation, or the cancellation of one (calendar clients match them by the meeting's UID). A
    /// cancellation names the organiser (Mend's sending address) and the attendee it is for, which RFC 5546 (3.2.5)
    /// requires before a recipient's calendar will apply it.
    /// </summary>
    public static string Invitation(Entry entry, bool cancel, string organiserEmail, string attendeeEmail)
    {
        var calendar = NewCalendar();
        calendar.Method = cancel ? "CANCEL" : "PUBLISH";
        return Serialize(calendar, [entry], cancel, (organiserEmail, attendeeEmail));
    }

    /// <summary>Something else in the feed (a visit, an order appointment): when and where, what kind, never whom.</summary>
    public sealed record Other(string Uid, string Summary, string? Location, DateTime StartsAt, DateTime EndsAt, int Sequence);

    public static string Feed(IEnumerable<Entry> entries, string owner, IEnumerable<Other>? others = null)
    {
        var calendar = NewCalendar();
        calendar.AddProperty("X-WR-CALNAME", $"Mend – {owner}");
        foreach (var other in others ?? [])
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = other.Uid,
                Summary = other.Summary,
                Description = "Open Mend for the details, the risks, and to check in and out.",
                Location = other.Location,
                Start = new CalDateTime(DateTime.SpecifyKind(other.StartsAt, DateTimeKind.Utc)),
                End = new CalDateTime(DateTime.SpecifyKind(other.EndsAt, DateTimeKind.Utc)),
                Sequence = other.Sequence,
                Status = EventStatus.Confirmed,
            });
        }

        return Serialize(calendar, entries);
    }

    private static Calendar NewCalendar() => new() { ProductId = "-//Mend//Restorative justice case management//EN" };

    private static string Serialize(Calendar calendar, IEnumerable<Entry> entries, bool cancelled = false, (string Organiser, string Attendee)? people = null)
    {
        foreach (var (process, reference, place, link) in entries)
        {
            var meeting = new CalendarEvent
            {
                Uid = $"{process.Id}@mend",
                Summary = $"Restorative meeting – case {reference}",
                Description = $"{ProcessWords.Describe(process.Kind)} for case {reference}. {link}",
                Location = place,
                Start = new CalDateTime(DateTime.SpecifyKind(process.StartsAt!.Value, DateTimeKind.Utc)),
                End = new CalDateTime(DateTime.SpecifyKind(process.EndsAt!.Value, DateTimeKind.Utc)),
                Sequence = process.Version,
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            // RFC 5546: a CANCEL names the organiser and the attendees it is for; a PUBLISH has no attendees.
            if (cancelled && people is { } who)
            {
                meeting.Organizer = new Organizer($"mailto:{who.Organiser}") { CommonName = "Mend" };
                meeting.Attendees.Add(new Attendee($"mailto:{who.Attendee}"));
            }

            calendar.Events.Add(meeting);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
