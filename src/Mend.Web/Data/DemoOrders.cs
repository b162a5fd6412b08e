using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Features.People;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Demo disposals on the demo cases: every kind, in the jurisdiction of its case, some with requirements, appointments,
/// warnings and a return to court due, so each page and the caseload have something to show.
/// </summary>
public static class DemoOrders
{
    public static async Task SeedAsync(MendDb db, TimeProvider clock, string practitionerName)
    {
        if (await db.Orders.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Participants).ToListAsync();
        var english = cases.Where(c => c.Jurisdiction == Jurisdiction.EnglandAndWales && c.Status != CaseStatus.Declined).OrderBy(c => c.Reference).ToList();
        var jersey = cases.Where(c => c.Jurisdiction == Jurisdiction.Jersey).OrderBy(c => c.Reference).ToList();
        if (english.Count == 0 || jersey.Count == 0)
        {
            return;
        }

        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var garden = ReparationProject.Create(new ReparationProjectDetails("Exampletown community garden", ReparationKind.Project, "Sam Green", "01632 960123",
            "Allotments, Mill Lane, Exampletown", "Gloves and boots are provided. Tools are signed out and back. Two adults on site with every group."));
        var shop = ReparationProject.Create(new ReparationProjectDetails("Hospice charity shop", ReparationKind.Placement, "Jo Patel", null,
            "14 High Street, Exampletown", "Young people do not handle cash. Stock room lifting limit 10 kg."));
        db.ReparationProjects.AddRange(garden, shop);
        var mentors = PartnerAgency.Create(new PartnerAgencyDetails("Exampletown Youth Mentors", "One-to-one mentoring, sport and leisure", "Ali Khan", "01632 960456",
            "mentors@example.org", PartnerSector.Voluntary, "The Old School, Church Street, Exampletown EX1 4CC"));
        mentors.AddContact("Sam Reid", "Volunteer coordinator", "01632 960457", null);
        var steps = PartnerAgency.Create(new PartnerAgencyDetails("Jersey Probation Positive Steps", "Positive Steps: rehabilitative, reparative and educational activities for under-18s",
            "Positive Steps coordinator", null, null, PartnerSector.Statutory));
        var mash = PartnerAgency.Create(new PartnerAgencyDetails("Exampletown MASH", "Multi-agency safeguarding hub: children's and adults' safeguarding referrals, one working day to decide",
            "Duty social worker", "01632 960999", "mash@example.org", PartnerSector.Statutory, "Civic Centre, Exampletown EX1 1AA"));
        db.PartnerAgencies.AddRange(mentors, steps, mash);
        var orders = new List<Order>();

        Order Add(Case @case, DisposalKind kind, int daysAgo, int? months = null, DateOnly? ends = null, JerseyCourt? court = null, DateOnly? returnOn = null,
            InterventionLevel level = InterventionLevel.Standard, string? by = null)
        {
            var decided = today.AddDays(-daysAgo);
            var info = DisposalKinds.Of(kind);
            var convicted = info.ByCourt ? decided.AddDays(-14) : (DateOnly?)null;
            var child = @case.Participants.First(p => p.Role == ParticipantRole.YoungPerson).PersonId;
            var order = Order.Record(@case.Id, @case.Jurisdiction, new OrderDetails(kind, decided, convicted, null, months, ends, level, court, by, returnOn),
                people[child].AgeRangeOn(convicted ?? decided), today, practitionerName, now);
            orders.Add(order);
            return order;
        }

        DateTime At(int daysAgo, int hour) => London.ToUtc(today.AddDays(-daysAgo), new TimeOnly(hour, 0)).Utc!.Value;

        // England and Wales, spread over the demo cases.
        var e = (int i) => english[i % english.Count];
        var referral = Add(e(0), DisposalKind.ReferralOrder, 70, months: 6, by: "Exampletown Youth Court");
        referral.SignContract(today.AddDays(-55), today);
        referral.RecordPanel(PanelKind.Initial, today.AddDays(-55), parentAttended: true, "Contract agreed; Jayden's mum attended", practitionerName, today);
        referral.AddRequirement(RequirementKind.Reparation, 10, null, null, "Clean the graffiti from the shop shutter with the owner's agreement", inPilot: false,
            "Sam, supervised by the reparation worker");
        referral.AddRequirement(RequirementKind.Apology, null, null, null, "Letter of apology to the shop owner", inPilot: false,
            "Sam writes it; the case worker helps and passes it on");
        referral.ArrangeContact(At(40, 16), "Reparation session");
        referral.ArrangeContact(At(20, 16), "Supervision");
        referral.ArrangeContact(At(6, 16), "Progress panel");
        referral.ArrangeContact(At(-5, 16), "Supervision");
        Add(e(1), DisposalKind.YouthConditionalCaution, 30, ends: today.AddDays(60), by: "Exampletown Police")
            .AddRequirement(RequirementKind.Condition, null, null, null, "Write a letter of apology to the pharmacy", inPilot: false);
        Add(e(1), DisposalKind.CommunityResolution, 400, by: "Exampletown Police").End(EndReason.Completed, today.AddDays(-300), null, today);
        Add(e(2), DisposalKind.CustodyAndLicence, 200, ends: today.AddDays(165), level: InterventionLevel.Intensive, by: "Crown Court");
        var yro = Add(e(3), DisposalKind.YouthRehabilitationOrder, 90, ends: today.AddDays(275), level: InterventionLevel.Enhanced, by: "Exampletown Youth Court");
        yro.AddRequirement(RequirementKind.Supervision, null, null, null, "Weekly supervision with the case worker", inPilot: false);
        yro.AddRequirement(RequirementKind.Curfew, null, 10, 70, "7pm to 5am at home, three months", inPilot: false);
        yro.AddRequirement(RequirementKind.Activity, 30, null, null, "Sports mentoring", inPilot: false);
        yro.AddRequirement(RequirementKind.Reparation, 20, null, null, "At the community garden on Saturdays", inPilot: false);
        yro.ArrangeContact(At(60, 15), "Supervision");
        yro.ArrangeContact(At(30, 15), "Supervision");
        yro.ArrangeContact(At(3, 15), "Supervision");
        yro.ArrangeContact(At(-2, 15), "Supervision");
        Add(e(3), DisposalKind.Outcome22, 500, by: "Joint decision-making panel").End(EndReason.Completed, today.AddDays(-420), null, today);
        Add(e(4), DisposalKind.Outcome22DeferredProsecution, 45, ends: today.AddDays(45), by: "Joint decision-making panel")
            .AddRequirement(RequirementKind.Condition, null, null, null, "Attend four sessions on the impact of burglary", inPilot: false);
        Add(e(4), DisposalKind.Outcome20Or21, 600, by: "Exampletown Police").End(EndReason.Completed, today.AddDays(-560), null, today);
        Add(e(5), DisposalKind.YouthCaution, 25, by: "Exampletown Police");
        Add(e(5), DisposalKind.ReparationOrder, 800, ends: today.AddDays(-700), by: "Exampletown Youth Court").End(EndReason.Completed, today.AddDays(-700), null, today);

        // Jersey, on the Parish Hall case.
        var j = jersey[0];
        Add(j, DisposalKind.ParishHallDeferredDecision, 20, returnOn: today.AddDays(70), by: "Centenier of St Helier")
            .AddRequirement(RequirementKind.PositiveSteps, null, null, null, "Attend Positive Steps for eight weeks", inPilot: false);
        Add(j, DisposalKind.ParishHallWrittenCaution, 700, by: "Centenier of St Helier").End(EndReason.Completed, today.AddDays(-700), null, today);
        Add(j, DisposalKind.ParishHallNoFurtherAction, 900, by: "Centenier of St Saviour").End(EndReason.Completed, today.AddDays(-900), null, today);
        Add(j, DisposalKind.ParishHallVoluntarySupervision, 1100, ends: today.AddDays(-1000), by: "Centenier of St Helier")
            .End(EndReason.Completed, today.AddDays(-1000), null, today);
        Add(j, DisposalKind.ParishHallReferralToCourt, 1300, by: "Centenier of St Clement").End(EndReason.Other, today.AddDays(-1290), "Dealt with by the Youth Court", today);
        Add(j, DisposalKind.ProbationOrder, 1280, ends: today.AddDays(-915), court: JerseyCourt.YouthCourt, by: "Youth Court")
            .End(EndReason.Completed, today.AddDays(-915), null, today);
        Add(j, DisposalKind.CommunityServiceOrder, 60, ends: today.AddDays(300), court: JerseyCourt.YouthCourt, by: "Youth Court")
            .AddRequirement(RequirementKind.CommunityService, 80, null, null, "Beach clean-up with the Parish, at least 5 hours a week", inPilot: false);
        Add(j, DisposalKind.BindingOver, 1500, ends: today.AddDays(-1135), court: JerseyCourt.MagistratesCourt, by: "Magistrate's Court")
            .End(EndReason.Completed, today.AddDays(-1135), null, today);

        db.Orders.AddRange(orders);
        await db.SaveChangesAsync();
        yro.AddActivity("Weekly mentoring", mentors.Id, true, practitionerName, today.AddDays(-85), today.AddDays(90), positiveSteps: false);
        yro.ReviewPlan(today.AddDays(-30), "Mentoring going well; curfew kept; school attendance improving.", practitionerName, today);
        orders.Single(o => o.Kind == DisposalKind.ParishHallDeferredDecision)
            .AddActivity("Positive Steps, eight weeks", steps.Id, true, practitionerName, today.AddDays(-14), today.AddDays(42), positiveSteps: true);

        // What happened at the appointments, and the warnings they called for (they need the appointments' ids).
        void Attend(Order order, int index, Attendance attendance, string? reason) =>
            order.RecordAttendance(order.Contacts.OrderBy(c => c.At).ElementAt(index).Id, attendance, reason, practitionerName, now);
        Attend(referral, 0, Attendance.Attended, null);
        Attend(referral, 1, Attendance.UnacceptableAbsence, "Did not come; not at home when phoned");
        Attend(referral, 2, Attendance.Attended, null);
        var unpaid = yro.Requirements.Single(r => r.Kind == RequirementKind.Reparation).Id;
        yro.RecordReparation(garden.Id, true, unpaid, null, false, today.AddDays(-50), 6, Attendance.Attended, "Cleared two beds", practitionerName, today);
        yro.RecordReparation(garden.Id, true, unpaid, null, false, today.AddDays(-43), 0, Attendance.AcceptableAbsence, "Ill, with a note", practitionerName, today);
        var reparation = referral.Requirements.Single(r => r.Kind == RequirementKind.Reparation).Id;
        referral.RecordReparation(shop.Id, true, reparation, null, false, today.AddDays(-30), 3, Attendance.Attended, null, practitionerName, today);
        Attend(yro, 0, Attendance.UnacceptableAbsence, "Went to a friend's instead");
        Attend(yro, 1, Attendance.UnacceptableAbsence, "No reason given");
        Attend(yro, 2, Attendance.UnacceptableAbsence, "Said he forgot");
        referral.FollowUp(referral.Contacts.OrderBy(c => c.At).ElementAt(1).Id, "Phoned mum; rearranged for the next week", now);
        referral.GiveWarning(referral.Contacts.OrderBy(c => c.At).ElementAt(1).Id, today.AddDays(-19), practitionerName, today);
        await db.SaveChangesAsync();
        yro.GiveWarning(yro.Contacts.OrderBy(c => c.At).ElementAt(0).Id, today.AddDays(-59), practitionerName, today);
        await db.SaveChangesAsync();
        yro.GiveWarning(yro.Contacts.OrderBy(c => c.At).ElementAt(1).Id, today.AddDays(-29), practitionerName, today);
        await db.SaveChangesAsync();
    }
}
