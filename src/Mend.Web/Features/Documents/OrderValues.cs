using Mend.Web.Features.Orders;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Documents;

/// <summary>The order fields of <see cref="DocumentFields"/>: dates, compliance, requirements, attendance, warnings, panels, plan and hours.</summary>
public static class OrderValues
{
    public static void Fill(TemplateValues values, Order order, Compliance compliance, DateTime now)
    {
        string D(DateOnly? day) => day is { } d ? DocumentValues.Date(d) : "";
        var past = order.Contacts.Where(c => c.Attendance is not null).OrderBy(c => c.At).ToList();
        var next = order.Contacts.Where(c => c.Attendance is null && c.At >= now).MinBy(c => c.At);
        var absence = order.Contacts.Where(c => c.Attendance == Attendance.UnacceptableAbsence).MaxBy(c => c.At);
        values.Set("order.name", order.Info.Name).Set("order.nameInText", InText(order.Info.Name)).Set("order.decidedOn", D(order.DecidedOn)).Set("order.decidedBy", order.DecidedBy)
            .Set("order.startsOn", D(order.StartsOn)).Set("order.endsOn", D(order.EndsOn)).Set("order.level", OrderWords.Describe(order.Level))
            .Set("order.returnTo", DisposalKinds.ReturnTo(order.Kind)).Set("order.returnOn", D(order.ReturnOn))
            .Set("order.compliance", compliance.Status).Set("order.warningsInPeriod", compliance.WarningsInWarnedPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("order.warnedUntil", D(compliance.WarnedUntil))
            .Set("order.attended", past.Count(c => c.Attendance == Attendance.Attended).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("order.missed", past.Count(c => c.Attendance == Attendance.UnacceptableAbsence).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("order.nextAppointment", next?.At.ToLondon()).Set("order.nextAppointmentPurpose", next?.Purpose)
            .Set("order.lastAbsence", absence?.At.ToLondon()).Set("order.lastAbsencePurpose", absence?.Purpose)
            .When("order.isReferralOrder", order.Kind == DisposalKind.ReferralOrder)
            .When("order.finalWarning", compliance.WarningsInWarnedPeriod >= 2)
            .When("order.breachDue", compliance.BreachActionDue);

        values.List("requirements").List("attendance").List("warnings").List("panels").List("plan").List("hours");
        foreach (var r in order.Requirements)
        {
            values.Add("requirements").Set("item.what", RequirementRules.Describe(r.Kind))
                .Set("item.amount", r.Amount is { } amount ? $"{amount:0.#} {RequirementRules.Unit(r.Kind)}" : r.DailyHours is { } daily ? $"{daily} hours a day" : "")
                .Set("item.detail", r.Detail).Set("item.who", r.Responsible);
        }

        foreach (var c in past)
        {
            values.Add("attendance").Set("appointment.date", c.At.ToLondon()).Set("appointment.purpose", c.Purpose)
                .Set("appointment.attendance", OrderWords.Describe(c.Attendance!.Value)).Set("appointment.reason", c.AbsenceReason);
        }

        foreach (var w in order.Warnings.OrderBy(w => w.GivenOn))
        {
            values.Add("warnings").Set("warning.date", D(w.GivenOn)).Set("warning.until", D(w.WarnedUntil));
        }

        foreach (var p in order.Panels.OrderBy(p => p.HeldOn))
        {
            values.Add("panels").Set("panel.kind", p.Kind.ToString()).Set("panel.date", D(p.HeldOn));
        }

        foreach (var a in order.Plan.OrderBy(a => a.StartsOn))
        {
            values.Add("plan").Set("activity.title", a.Title).Set("activity.owner", a.Owner).Set("activity.progress", PlanActivity.Describe(a.Progress));
        }

        foreach (var h in order.Hours)
        {
            values.Add("hours").Set("hours.what", RequirementRules.Describe(h.Kind)).Set("hours.ordered", $"{h.Ordered:0.#}")
                .Set("hours.done", $"{h.Done:0.#}").Set("hours.left", $"{h.Left:0.#}");
        }
    }

    /// <summary>A disposal's name as it reads mid-sentence: "youth rehabilitation order", but "Outcome 22" and "Parish Hall" keep their capitals.</summary>
    public static string InText(string name) =>
        name.Length > 1 && !name.StartsWith("Outcome", StringComparison.Ordinal) && !name.StartsWith("Parish", StringComparison.Ordinal) && char.IsLower(name[1])
            ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
