using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Orders;

/// <summary>Every step of an order on the case's timeline (kind "orders"): made, contract, appointments, warnings, breach and end.</summary>
public static class OrderTimeline
{
    public static IEnumerable<CaseFile.TimelineEntry> For(Order o)
    {
        static DateTime Noon(DateOnly day) => London.ToUtc(day, new TimeOnly(12, 0)).Utc ?? day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var name = o.Info.Name;
        yield return new(Noon(o.DecidedOn), "orders", $"{name} made", o.DecidedBy, o.CreatedByName, TimeKnown: false);
        if (o.Kind == DisposalKind.ReferralOrder && o.StartsOn is { } signed)
        {
            yield return new(Noon(signed), "orders", "Referral order contract signed", $"The order runs until {o.EndsOn:d MMMM yyyy}", null, TimeKnown: false);
        }

        foreach (var c in o.Contacts.Where(c => c.Attendance is not null))
        {
            yield return new(c.At, "orders", $"{c.Purpose}: {OrderWords.Describe(c.Attendance!.Value).ToLowerInvariant()}", c.AbsenceReason, c.RecordedByName);
        }

        foreach (var w in o.Warnings)
        {
            yield return new(Noon(w.GivenOn), "orders", $"Warning given ({name})", $"Warned period until {w.WarnedUntil:d MMMM yyyy}", w.ByName, TimeKnown: false);
        }

        foreach (var b in o.Breaches)
        {
            yield return new(Noon(b.DecidedOn), "orders", b.Proceed ? $"Decided to return the child to {DisposalKinds.ReturnTo(o.Kind)}" : "Decided not to return the child: not in the interest of justice",
                b.Reasons, b.DecidedByName, TimeKnown: false);
            if (b.HeardOn is { } heard)
            {
                yield return new(Noon(heard), "orders", "Breach hearing", b.HearingOutcome, null, TimeKnown: false);
            }
        }

        foreach (var p in o.Panels)
        {
            yield return new(Noon(p.HeldOn), "orders", $"Referral order panel: {p.Kind.ToString().ToLowerInvariant()} meeting",
                p.ParentAttended switch { true => "Parent attended", false => "Parent did not attend", _ => null }, p.ByName, TimeKnown: false);
        }

        foreach (var r in o.Reparation)
        {
            yield return new(Noon(r.On), "orders", r.Attendance == Attendance.Attended ? $"Reparation: {r.Hours:0.#} hours worked" : $"Reparation: {OrderWords.Describe(r.Attendance).ToLowerInvariant()}",
                r.Note, r.ByName, TimeKnown: false);
        }

        foreach (var a in o.Plan)
        {
            yield return new(Noon(a.StartsOn), "orders", $"Plan: {a.Title} starts", a.Owner, null, TimeKnown: false);
            if (a.ProgressOn is { } progressed)
            {
                yield return new(Noon(progressed), "orders", $"Plan: {a.Title} {PlanActivity.Describe(a.Progress).ToLowerInvariant()}", a.ProgressNote, null, TimeKnown: false);
            }
        }

        foreach (var r in o.Reviews)
        {
            yield return new(Noon(r.ReviewedOn), "orders", "Intervention plan reviewed", r.Note, r.ByName, TimeKnown: false);
        }

        if (o.OriginalEndsOn is { } was && o.ExtendedOn is { } extended)
        {
            yield return new(Noon(extended), "orders", $"{name} extended", $"From {was:d MMMM yyyy} to {o.EndsOn:d MMMM yyyy}", null, TimeKnown: false);
        }

        if (o.EndedOn is { } ended)
        {
            yield return new(Noon(ended), "orders", $"{name} ended: {DisposalKinds.Describe(o.EndReason!.Value).ToLowerInvariant()}", o.EndNote, null, TimeKnown: false);
        }
    }
}
