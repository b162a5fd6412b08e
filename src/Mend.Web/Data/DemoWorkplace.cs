using Mend.Web.Features.Panels;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Venues;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// The demo service's working set-up: two venues, the demo practitioner's facilitator accreditation
/// and a community panel chaired by the demo volunteer, so a conference can be planned end to end.
/// Added once, only when there are no venues.
/// </summary>
public static class DemoWorkplace
{
    public static async Task SeedAsync(MendDb db, TimeProvider clock, Guid practitionerId, string practitionerName, Guid? volunteerId, string? volunteerName)
    {
        if (await db.Venues.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        db.Venues.AddRange(
            Venue.Create(new VenueDetails("Exampletown YOT office", Features.Assessments.VenueKind.YotOffice, "1 Station Road, Exampletown EX1 1AA",
                ["Meeting room 1", "Meeting room 2", "Quiet room"], SeparateWaitingRooms: true, StaffMayBeAlone: true,
                "Front door to Station Road; fire exit from meeting room 2 to the car park", "Step-free; hearing loop in meeting room 1", null)),
            Venue.Create(new VenueDetails("Exampletown community centre", Features.Assessments.VenueKind.CommunityVenue, "Market Square, Exampletown EX1 2BB",
                ["Hall", "Side room"], SeparateWaitingRooms: false, StaffMayBeAlone: false, "Main doors and a side door to the square", "Step-free", null)));
        db.Accreditations.Add(Accreditation.Award(practitionerId, AccreditationLevel.Facilitator, "Restorative Justice Council", today.AddYears(-1), today.AddYears(2),
            "Demo data", now));
        var panel = Panel.Create("Exampletown Community Panel", PanelKind.CommunityRj);
        panel.AddMember(practitionerId, practitionerName, now);
        if (volunteerId is { } volunteer)
        {
            panel.AddMember(volunteer, volunteerName!, now);
            panel.MakeChair(volunteer);
        }

        db.Panels.AddRange(panel, Panel.Create("Exampletown Referral Order Panel", PanelKind.ReferralOrder));
        await db.SaveChangesAsync();
    }
}
