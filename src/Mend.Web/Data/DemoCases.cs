using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Fictional people and cases for the development demo: one referral from each source, at different
/// stages, with victims, warnings and notes. Every name is invented. Added once, only to an empty database.
/// </summary>
public static class DemoCases
{
    private sealed record Story(ReferralSource Source, string Given, string Family, int Age, string Offence, string Victim, CaseStatus Stage, RiskLevel Risk, string Note);

    private static readonly Story[] Stories =
    [
        new(ReferralSource.CourtReferralOrder, "Jayden", "Whitfield", 15, "Criminal damage", "Corner Shop Ltd", CaseStatus.Open, RiskLevel.Low, "Phoned Jayden's mum to arrange a first visit. Jayden is willing to meet the shop owner."),
        new(ReferralSource.OutOfCourtDisposal, "Maisie", "Okonjo", 14, "Theft from a shop", "Pennywise Pharmacy", CaseStatus.Open, RiskLevel.Low, "Home visit. Maisie has written a draft letter of apology."),
        new(ReferralSource.ParishHallEnquiry, "Tom", "Le Brocq", 16, "Taking a vehicle without consent", "Elaine Renouf", CaseStatus.Referred, RiskLevel.NotAssessed, "Centenier asked for RJ as part of a deferred decision."),
        new(ReferralSource.PrisonOrSecureEstate, "Kyle", "Brennan", 17, "Robbery", "Daniel Osei", CaseStatus.Open, RiskLevel.High, "Visited Kyle at the YOI with his caseworker; he asked to write to the victim."),
        new(ReferralSource.Police, "Ellie", "Marsh", 13, "Common assault", "Grace Adeyemi", CaseStatus.Open, RiskLevel.Medium, "Police officer confirmed the victim's family want to hear from us."),
        new(ReferralSource.School, "Noah", "Pritchard", 12, "Anti-social behaviour (no offence charged)", "Ruby Castell", CaseStatus.Referred, RiskLevel.NotAssessed, "Head of year asked for a restorative meeting after a fight at lunch."),
        new(ReferralSource.VictimSelfReferral, "Callum", "Dyer", 16, "Burglary of a home", "Margaret Holloway", CaseStatus.Open, RiskLevel.Medium, "Mrs Holloway rang to ask whether she could meet the young person."),
        new(ReferralSource.OtherAgency, "Leah", "Fontaine", 15, "Harassment", "Priya Raman", CaseStatus.Closed, RiskLevel.Low, "Shuttle messages exchanged; both agreed the matter is resolved."),
    ];

    public static async Task SeedAsync(MendDb db, FieldEncryption encryption, CaseSettings settings, TimeProvider clock, Guid practitionerId, string practitionerName)
    {
        if (await db.People.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        var types = await db.OffenceTypes.ToDictionaryAsync(t => t.Name, t => t.Id);
        var number = 0;
        foreach (var story in Stories)
        {
            number++;
            var youngPerson = Person.Create(new PersonDetails(PersonKind.Individual, story.Given, story.Family, null, null,
                today.AddYears(-story.Age).AddDays(-40 * number), null, number % 2 == 0 ? "female" : "male", "NK", "English", false, null,
                null, null, null, [], new AddressDetails($"{number + 10} Demo Street", null, "Exampletown", $"ZZ{number} 1AA".Replace("ZZ", "EX", StringComparison.Ordinal))), now, practitionerId);
            var victimIsOrganisation = story.Victim.EndsWith("Ltd", StringComparison.Ordinal) || story.Victim.Contains("Pharmacy", StringComparison.Ordinal);
            var victimNames = story.Victim.Split(' ', 2);
            var victim = Person.Create(new PersonDetails(victimIsOrganisation ? PersonKind.Organisation : PersonKind.Individual,
                victimIsOrganisation ? null : victimNames[0], victimIsOrganisation ? null : victimNames[1], victimIsOrganisation ? story.Victim : null,
                victimIsOrganisation ? "The manager" : null, null, null, null, null, null, false, null, null, null, null, [], null), now, practitionerId);
            if (story.Risk == RiskLevel.High)
            {
                youngPerson.RaiseFlag(FlagType.RiskToStaff, "Two staff at every visit", today.AddMonths(3), practitionerId, practitionerName, now);
            }

            db.People.AddRange(youngPerson, victim);
            var received = today.AddDays(-7 * number);
            var reference = $"{settings.ReferencePrefix}-{today.Year}-{number:D5}";
            var @case = Case.Refer(reference, new ReferralDetails(story.Source, received, "Demo referrer", "Demo agency", null),
                Team.DefaultId, story.Source == ReferralSource.ParishHallEnquiry ? Jurisdiction.Jersey : settings.Jurisdiction, youngPerson.Id, now);
            @case.AddParticipant(victim.Id, ParticipantRole.Victim, now);
            @case.AddOffence(new OffenceDetails(types[story.Offence], received.AddDays(-5), "Exampletown", null, [victim.Id]), now);
            if (story.Stage != CaseStatus.Referred)
            {
                @case.Accept("Suitable for restorative work", practitionerName, now);
                @case.Allocate(practitionerId, practitionerName, "Demo data", now);
                @case.SetRisk(story.Risk, today.AddDays(14 * number), now);
            }

            if (story.Stage == CaseStatus.Closed)
            {
                @case.Close(ClosureReason.Completed, null, now);
            }

            db.Cases.Add(@case);
            if (story.Stage == CaseStatus.Open)
            {
                db.Assessments.Add(DemoAssessment(@case.Id, victim.Id, story.Risk, encryption, practitionerId, practitionerName, now));
            }

            if (story.Stage != CaseStatus.Declined)
            {
                db.Victims.Add(DemoVictim(@case.Id, victim.Id, received, explained: number % 3 != 0, encryption, practitionerName, now));
            }

            db.CaseNotes.Add(CaseNote.Write(@case.Id, new NoteDetails(NoteType.PhoneCall, now.AddDays(-number), null, story.Note), encryption, practitionerId, practitionerName, now));
        }

        db.CaseReferenceCounters.Add(new CaseReferenceCounter { Year = today.Year, LastNumber = number });
        await db.SaveChangesAsync();
    }

    /// <summary>A victim's assessment: approved by the practitioner, or waiting for a manager when the risk is high.</summary>
    public static Assessment DemoAssessment(Guid caseId, Guid victimId, RiskLevel risk, FieldEncryption encryption, Guid practitionerId, string practitionerName, DateTime now)
    {
        var assessment = Assessment.Start(caseId, victimId, ParticipantRole.Victim, 1, practitionerId, practitionerName, now);
        assessment.RecordUnderstanding(Willingness.Willing, true, "Would like to meet if it can be made safe.", encryption, now);
        assessment.RecordExpectations("To explain what the offence did to them, and to hear an apology.", encryption, now);
        assessment.RecordRisks(Enum.GetValues<RiskFactor>().ToDictionary(f => f, f => f == RiskFactor.EmotionalHarm ? (FactorRating.Low, (string?)"Some anxiety about meeting.") : (FactorRating.None, null)),
            PowerImbalanceKinds.None, encryption, now);
        assessment.RecordProcesses(SuitableProcesses.DirectConference | SuitableProcesses.Letter, VenueKind.YotOffice, "Separate waiting rooms; arrive 15 minutes apart.", encryption, now);
        var overall = risk == RiskLevel.NotAssessed ? RiskLevel.Low : risk;
        assessment.RecordOverall(overall, Recommendation.Proceed, "Willing, well supported, and the risks can be managed.", London.DateOf(now).AddMonths(3), encryption, now);
        var needsManager = overall is RiskLevel.High or RiskLevel.VeryHigh;
        assessment.Submit(new ApprovalDecision(needsManager, needsManager ? [$"The overall risk is {CaseWords.Describe(overall).ToLowerInvariant()}"] : []), practitionerId, practitionerName, now);
        if (!needsManager)
        {
            assessment.Approve(practitionerId, practitionerName, isManager: false, null, [], encryption, now);
        }

        return assessment;
    }

    /// <summary>A victim who agreed to contact and updates; most were told about RJ on time, some are left overdue to show the lists.</summary>
    public static Victim DemoVictim(Guid caseId, Guid victimId, DateOnly received, bool explained, FieldEncryption encryption, string practitionerName, DateTime now)
    {
        var victim = Victim.Start(caseId, victimId, null, DetailsSource.PolicePassedDetails, received, EnhancedReasons.None, null, null, now);
        victim.RecordChoice(ChoiceKind.Contact, true, received.AddDays(1), null, practitionerName, now);
        victim.RecordChoice(ChoiceKind.KeptInformed, true, received.AddDays(1), null, practitionerName, now);
        victim.RecordContact(new ContactDetails(received.AddDays(1).ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc), ContactDirection.Outgoing, ContactMethod.Phone, null,
            ContactOutcome.Spoke, "Send the leaflet about restorative justice", null), false, practitionerName, now);
        if (explained)
        {
            victim.Record(new RecordDetails(RecordKind.RjInformation, received.AddDays(2), "Explained conferences, shuttle and letters; would like time to think.", null,
                RjResponse.NotNow, ContactMethod.Phone, null), null, encryption, practitionerName, now);
        }

        return victim;
    }
}
