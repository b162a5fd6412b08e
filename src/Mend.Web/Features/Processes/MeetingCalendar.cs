using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Mend.Web.Features.Processes;

/// <summary>
/// The meeting as an iCalendar (.ics) file for Outlook or Google. It names the case reference and
/// the place, never the people, because calendars are shared and synchronised outside Mend.
/// </summary>
public static class MeetingCalendar
{
    public static string For(RjProcess process, string caseReference, string? place)
    {
        var calendar = new Calendar { ProductId = "-//Mend//Restorative justice case management//EN" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{process.Id}@mend",
            Summary = $"Restorative meeting – case {caseReference}",
            Description = $"{ProcessWords.Describe(process.Kind)} for case {caseReference}. Open the case in Mend for the safety plan and who is attending.",
            Location = place,
            Start = new CalDateTime(DateTime.SpecifyKind(process.StartsAt!.Value, DateTimeKind.Utc)),
            End = new CalDateTime(DateTime.SpecifyKind(process.EndsAt!.Value, DateTimeKind.Utc)),
            Sequence = process.Version,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
