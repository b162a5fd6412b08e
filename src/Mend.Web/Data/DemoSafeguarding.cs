using Mend.Web.Features.Cases;
using Mend.Web.Features.Meetings;
using Mend.Web.Features.People;
using Mend.Web.Features.Safeguarding;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Demo safeguarding and partnership work on the practitioner's first case: a referral to the MASH awaiting its
/// follow-up tomorrow (with the warning it raised), a strategy meeting with one action due this week, and a training
/// session given to the Honorary Police. All made up.
/// </summary>
public static class DemoSafeguarding
{
    public static async Task SeedAsync(MendDb db, FieldEncryption encryption, TimeProvider clock, Guid practitionerId, string practitionerName)
    {
        if (await db.SafeguardingReferrals.AnyAsync() || await db.ProfessionalMeetings.AnyAsync() || await db.TrainingSessions.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        var first = await db.Cases.Where(c => c.AllocatedWorkerId == practitionerId).OrderBy(c => c.Reference).Select(c => new { c.Id, c.TeamId }).FirstOrDefaultAsync();
        if (first is null)
        {
            return;
        }

        var youngPersonId = await db.CaseParticipants.Where(p => p.CaseId == first.Id && p.Role == ParticipantRole.YoungPerson).Select(p => p.PersonId).FirstAsync();
        var referral = SafeguardingReferral.Make(new(youngPersonId, first.Id, today.AddDays(-2), SafeguardingAgency.Mash, "Exampletown MASH",
            "Said at the preparation meeting that an older cousin takes his money and threatens him on the way home from school.", today.AddDays(1)),
            today, encryption, practitionerId, practitionerName, now);
        db.SafeguardingReferrals.Add(referral);
        var person = await db.People.Include(p => p.Flags).SingleAsync(p => p.Id == youngPersonId);
        if (!person.Flags.Any(f => f.IsActive && f.Type == FlagType.SafeguardingConcern))
        {
            person.RaiseFlag(FlagType.SafeguardingConcern, $"Safeguarding referral to Exampletown MASH on {today.AddDays(-2):d MMMM yyyy}", null, practitionerId, practitionerName, now);
        }

        var meeting = ProfessionalMeeting.Record(first.Id, new(MeetingKind.StrategyMeeting, today.AddDays(-1), "Children's social care, police, school, youth justice",
            "Section 47 enquiry to start. The restorative process pauses until the social worker has seen him; no contact with the cousin."), today, encryption, practitionerName, now);
        meeting.AddAction("Tell the victim's family the meeting is postponed", practitionerId, practitionerName, today.AddDays(3));
        meeting.AddAction("Visit at home with the social worker", null, "Social worker, children's social care", today.AddDays(10));
        db.ProfessionalMeetings.Add(meeting);

        db.TrainingSessions.Add(TrainingSession.Record(new("Restorative approaches at Parish Hall Enquiries", today.AddDays(-14), TrainingAudience.HonoraryPolice, practitionerId, 2.5m,
            [("Centenier A. Le Brun", "St Helier parish"), ("Vingtenier B. Vibert", "St Helier parish"), ("Centenier C. Renouf", "St Brelade parish")], 3, 4.3m,
            "Useful role-play; would like a follow-up on victims' views."), practitionerName, first.TeamId, today, "Demo data", now));
        await db.SaveChangesAsync();
    }
}
