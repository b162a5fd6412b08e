using Mend.Web.Platform.Documents;

namespace Mend.Web.Features.Documents;

/// <summary>What a document is about: the record its values come from.</summary>
public enum DocumentSubject
{
    /// <summary>A case: its child, offences and worker.</summary>
    Case,

    /// <summary>A victim on a case: letters to the victim.</summary>
    Victim,

    /// <summary>An order or disposal on a case: appointment and warning letters, contracts, reports for court and the Parish Hall.</summary>
    Order,

    /// <summary>A restorative process: invitations, meetings, agreements and feedback.</summary>
    Process,
}

/// <summary>One field a template may use, what it holds, and the records that supply it.</summary>
/// <param name="List">For a field inside a repeating section, the section's list ("offences").</param>
public sealed record DocumentField(string Name, FieldUse Use, string Description, IReadOnlyList<DocumentSubject> Subjects, string? List = null);

/// <summary>
/// The allow-listed data model templates are written against (the users' guide lists it): every field a template may
/// name, by subject. A template naming anything else is refused on upload; nothing a template says is ever run.
/// </summary>
public static class DocumentFields
{
    private static readonly DocumentSubject[] Every = Enum.GetValues<DocumentSubject>();
    private static readonly DocumentSubject[] VictimOnly = [DocumentSubject.Victim];

    // A letter to a victim must not carry the young person's address, date of birth or age.
    private static readonly DocumentSubject[] NotVictim = [DocumentSubject.Case, DocumentSubject.Order, DocumentSubject.Process];
    private static readonly DocumentSubject[] OrderOnly = [DocumentSubject.Order];
    private static readonly DocumentSubject[] ProcessOnly = [DocumentSubject.Process];
    private static readonly DocumentSubject[] CaseAndOrder = [DocumentSubject.Case, DocumentSubject.Order];

    public static readonly IReadOnlyList<DocumentField> All =
    [
        V("today", "Today's date, as 1 December 2026", Every),
        V("service.name", "The service's name (Mend:Documents:ServiceName)", Every),
        V("service.address", "The service's postal address, one line each", Every),
        V("service.phone", "The service's telephone number", Every),
        V("service.email", "The service's e-mail address", Every),
        V("worker.name", "The name of the person producing the document", Every),
        V("worker.role", "Their role, as RJ worker or manager", Every),
        V("case.reference", "The case reference", Every),
        V("case.jurisdiction", "England and Wales, or Jersey", Every),
        C("case.isJersey", "The case is in Jersey", Every),
        V("case.allocatedTo", "The worker the case is allocated to", Every),
        V("child.name", "The young person's full name", Every),
        V("child.firstName", "The young person's first name", Every),
        V("child.dateOfBirth", "Their date of birth, when known (not in documents about a victim)", NotVictim),
        V("child.age", "Their age today, when known (not in documents about a victim)", NotVictim),
        V("child.address", "Their current address, one line each (not in documents about a victim)", NotVictim),
        E("offences", "Each offence on the case", Every),
        V("offence.description", "The kind of offence, and its description when one was recorded", Every, "offences"),
        V("offence.date", "The date it was committed", Every, "offences"),
        V("offence.place", "Where, when recorded", Every, "offences"),

        V("victim.name", "The victim's full name (or the organisation's)", VictimOnly),
        V("victim.firstName", "The victim's first name", VictimOnly),
        V("victim.address", "An address the victim may be written to, one line each (never one marked not to use)", VictimOnly),
        C("victim.isYoung", "The victim was under 18 at the time of the offence", VictimOnly),
        C("victim.isEnhanced", "The victim is entitled to the enhanced service under the Victims' Code", VictimOnly),
        V("victim.detailsReceivedOn", "The day the service received the victim's details", VictimOnly),

        V("order.name", "The disposal, in its jurisdiction's words", OrderOnly),
        V("order.nameInText", "The same, as it reads mid-sentence (youth rehabilitation order)", OrderOnly),
        V("order.decidedOn", "The date of the sentence or decision", OrderOnly),
        V("order.decidedBy", "The court or decision maker", OrderOnly),
        V("order.startsOn", "When supervision started", OrderOnly),
        V("order.endsOn", "When the order ends", OrderOnly),
        V("order.level", "The intervention level", OrderOnly),
        V("order.returnTo", "Where a breach goes back to: court, or the Parish Hall", OrderOnly),
        V("order.returnOn", "A Parish Hall deferred decision's return date", OrderOnly),
        V("order.compliance", "Its compliance today, as Complying or Warning due", OrderOnly),
        V("order.warningsInPeriod", "Warnings in the warned period today", OrderOnly),
        V("order.warnedUntil", "The last day of the warned period", OrderOnly),
        V("order.attended", "Appointments attended", OrderOnly),
        V("order.missed", "Appointments missed without an acceptable reason", OrderOnly),
        V("order.nextAppointment", "The next appointment arranged: day and time", OrderOnly),
        V("order.nextAppointmentPurpose", "What the next appointment is for", OrderOnly),
        V("order.lastAbsence", "The latest unacceptable absence: day and time", OrderOnly),
        V("order.lastAbsencePurpose", "What that appointment was for", OrderOnly),
        C("order.isReferralOrder", "The order is a referral order", OrderOnly),
        C("order.finalWarning", "Two warnings have been given in the warned period: a further failure goes back to court", OrderOnly),
        C("order.breachDue", "A return to court (or the Parish Hall) is due", OrderOnly),
        E("requirements", "Each requirement, condition or contract item", OrderOnly),
        V("item.what", "The requirement or contract item", OrderOnly, "requirements"),
        V("item.amount", "Its hours or days, when it has them", OrderOnly, "requirements"),
        V("item.detail", "Its details", OrderOnly, "requirements"),
        V("item.who", "Who does what", OrderOnly, "requirements"),
        E("attendance", "Each appointment that has happened, oldest first", OrderOnly),
        V("appointment.date", "Its day and time", OrderOnly, "attendance"),
        V("appointment.purpose", "What it was for", OrderOnly, "attendance"),
        V("appointment.attendance", "Attended, acceptable absence or unacceptable absence", OrderOnly, "attendance"),
        V("appointment.reason", "The reason given for an absence", OrderOnly, "attendance"),
        E("warnings", "Each warning given", OrderOnly),
        V("warning.date", "The day it was given", OrderOnly, "warnings"),
        V("warning.until", "The last day of its warned period", OrderOnly, "warnings"),
        E("panels", "Each youth offender panel meeting held", OrderOnly),
        V("panel.kind", "Initial, progress or final", OrderOnly, "panels"),
        V("panel.date", "The day it met", OrderOnly, "panels"),
        E("plan", "Each activity of the intervention plan", OrderOnly),
        V("activity.title", "The activity", OrderOnly, "plan"),
        V("activity.owner", "Whose it is", OrderOnly, "plan"),
        V("activity.progress", "How far it has got", OrderOnly, "plan"),
        E("hours", "Each requirement measured in hours", OrderOnly),
        V("hours.what", "The requirement", OrderOnly, "hours"),
        V("hours.ordered", "Hours ordered", OrderOnly, "hours"),
        V("hours.done", "Hours done", OrderOnly, "hours"),
        V("hours.left", "Hours left", OrderOnly, "hours"),

        E("assessments", "Each assessment decided on the case (summaries only)", CaseAndOrder),
        V("assessment.person", "Whose assessment: young person, victim, supporter", CaseAndOrder, "assessments"),
        V("assessment.risk", "The overall risk", CaseAndOrder, "assessments"),
        V("assessment.recommendation", "The recommendation", CaseAndOrder, "assessments"),
        V("assessment.decidedOn", "The day it was decided", CaseAndOrder, "assessments"),
        E("processes", "Each restorative process on the case", CaseAndOrder),
        V("process.kind", "Conference, shuttle, letter and so on", CaseAndOrder, "processes"),
        V("process.outcome", "Where it stands, or how it ended", CaseAndOrder, "processes"),
        E("victimViews", "The latest views of each victim who agreed to share them, given for this kind of decision (a panel, the court, the Parish Hall, an out-of-court decision); sending the document records the disclosure", CaseAndOrder),
        V("view.victim", "Whose views (the victim, or their representative)", CaseAndOrder, "victimViews"),
        V("view.text", "The views as recorded", CaseAndOrder, "victimViews"),
        V("view.recordedOn", "The day they were recorded", CaseAndOrder, "victimViews"),

        V("meeting.kind", "The kind of process: conference, shuttle, letter of explanation", ProcessOnly),
        V("meeting.date", "The day of the meeting", ProcessOnly),
        V("meeting.time", "Its start time (UK time)", ProcessOnly),
        V("meeting.venue", "The venue's name", ProcessOnly),
        V("meeting.address", "The venue's address", ProcessOnly),
        V("meeting.facilitator", "The facilitator", ProcessOnly),
        V("meeting.outcome", "Where the process stands, or how it ended", ProcessOnly),
        E("agreement", "Each outcome agreement item", ProcessOnly),
        V("agreement.what", "What was agreed", ProcessOnly, "agreement"),
        V("agreement.who", "Who does it", ProcessOnly, "agreement"),
        V("agreement.dueOn", "By when", ProcessOnly, "agreement"),
        V("agreement.status", "Open, done or not done", ProcessOnly, "agreement"),
    ];

    private static readonly Dictionary<(FieldUse, string), DocumentField> ByName = All.ToDictionary(f => (f.Use == FieldUse.Unless ? FieldUse.If : f.Use, f.Name));

    /// <summary>
    /// What is wrong with a template's fields for a subject: unknown fields, fields of another subject, and item
    /// fields outside their repeating section. Each problem names the field as written in Word.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<FieldUsage> fields, DocumentSubject subject)
    {
        var problems = new List<string>();
        foreach (var (field, inList) in fields)
        {
            var use = field.Use == FieldUse.Unless ? FieldUse.If : field.Use;
            if (!ByName.TryGetValue((use, field.Name), out var known))
            {
                problems.Add($"The template uses “{field}”, which is not a field Mend knows. See the list of fields in the users' guide");
            }
            else if (!known.Subjects.Contains(subject))
            {
                problems.Add($"The template uses “{field}”, which a document about {Describe(subject).ToLowerInvariant()} does not have");
            }
            else if (known.List is { } list && inList != list)
            {
                problems.Add($"The template uses “{field}” outside the repeating section “each:{list}” it belongs to");
            }
        }

        return problems.Distinct().ToList();
    }

    public static string Describe(DocumentSubject subject) => subject switch
    {
        DocumentSubject.Victim => "A victim",
        DocumentSubject.Order => "An order",
        DocumentSubject.Process => "A restorative process",
        _ => "A case",
    };

    private static DocumentField V(string name, string description, DocumentSubject[] subjects, string? list = null) =>
        new(name, FieldUse.Value, description, subjects, list);

    private static DocumentField C(string name, string description, DocumentSubject[] subjects) => new(name, FieldUse.If, description, subjects);

    private static DocumentField E(string name, string description, DocumentSubject[] subjects) => new(name, FieldUse.Each, description, subjects);
}
