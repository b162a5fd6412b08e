using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Orders;

/// <summary>
/// One statutory limit on a requirement: which orders may carry it, the ages it is for, and the amount or hours allowed,
/// for convictions on or after <see cref="From"/> (and before <see cref="Until"/>), with the provision it comes from.
/// </summary>
/// <param name="Field">The API field the limit concerns: "amount", "dailyHours", "weeklyHours" or "kind" (the age or the order).</param>
public sealed record RequirementLimit(RequirementKind Kind, string Field, string What, decimal? Least, decimal? Most, int? YoungestAge, int? OldestAge,
    DateOnly? From, DateOnly? Until, string Source, Func<Order, bool>? AppliesTo = null, bool PilotOnly = false);

/// <summary>
/// The limits the law sets on an order's requirements, read on the conviction date with the child's age then, as one
/// table; each refusal names its rule and source. Checked against legislation.gov.uk and jerseylaw.je (see DOMAIN.md and
/// docs/decisions/0011-orders-and-compliance.md for what could not be confirmed).
/// </summary>
public static class RequirementRules
{
    /// <summary>PCSC Act 2022, s.208(5)(u): curfew of up to 20 hours a day for convictions from this day.</summary>
    public static readonly DateOnly TwentyHourCurfewFrom = new(2022, 6, 28);

    /// <summary>SI 2023/705: extended activity of up to 365 days, in the listed youth justice services only, for convictions from this day.</summary>
    public static readonly DateOnly LongerExtendedActivityFrom = new(2023, 7, 3);

    private const string Sch6 = "Sentencing Act 2020, Sch 6";

    /// <summary>Which kinds each disposal may carry; others are refused naming the order.</summary>
    private static readonly IReadOnlyDictionary<DisposalKind, RequirementKind[]> Allowed = new Dictionary<DisposalKind, RequirementKind[]>
    {
        [DisposalKind.YouthRehabilitationOrder] =
        [
            RequirementKind.Activity, RequirementKind.ExtendedActivity, RequirementKind.Supervision, RequirementKind.UnpaidWork, RequirementKind.Programme,
            RequirementKind.AttendanceCentre, RequirementKind.ProhibitedActivity, RequirementKind.Curfew, RequirementKind.Exclusion, RequirementKind.Residence,
            RequirementKind.EducationRequirement, RequirementKind.ElectronicMonitoring, RequirementKind.Reparation,
        ],
        [DisposalKind.ReferralOrder] = [RequirementKind.Reparation, RequirementKind.Apology, RequirementKind.Activity, RequirementKind.Condition],
        [DisposalKind.ReparationOrder] = [RequirementKind.Reparation],
        [DisposalKind.YouthConditionalCaution] = [RequirementKind.Condition, RequirementKind.Reparation],
        [DisposalKind.Outcome22DeferredProsecution] = [RequirementKind.Condition, RequirementKind.Reparation],
        [DisposalKind.ParishHallDeferredDecision] = [RequirementKind.Condition, RequirementKind.PositiveSteps, RequirementKind.Reparation],
        [DisposalKind.ProbationOrder] = [RequirementKind.WorkPlan, RequirementKind.PositiveSteps, RequirementKind.Condition],
        [DisposalKind.CommunityServiceOrder] = [RequirementKind.CommunityService],
    };

    public static readonly IReadOnlyList<RequirementLimit> Limits =
    [
        new(RequirementKind.UnpaidWork, "kind", "Unpaid work is only for a child aged 16 or 17 when convicted", null, null, 16, 17, null, null,
            "Sentencing Act 2020, s.185(2)"),
        new(RequirementKind.UnpaidWork, "amount", "Unpaid work is 40 to 240 hours", 40, 240, null, null, null, null, Sch6 + " para 10(3)"),
        new(RequirementKind.Activity, "amount", "An activity requirement is for at most 90 days", 1, 90, null, null, null, null, Sch6 + " para 1(3)",
            o => o.Kind == DisposalKind.YouthRehabilitationOrder),
        new(RequirementKind.ExtendedActivity, "amount", "An extended activity requirement is for more than 90 days and at most 180", 91, 180, null, null,
            null, null, Sch6 + " para 2(2)"),
        new(RequirementKind.ExtendedActivity, "amount", "In the intensive supervision pilot, an extended activity requirement is for more than 90 days and at most 365",
            91, 365, null, null, LongerExtendedActivityFrom, null, Sch6 + " para 2(2A); SI 2023/705", PilotOnly: true),
        new(RequirementKind.Curfew, "dailyHours", "A curfew is 2 to 16 hours a day for a conviction before 28 June 2022", 2, 16, null, null, null,
            TwentyHourCurfewFrom, Sch6 + " para 18(4)"),
        new(RequirementKind.Curfew, "dailyHours", "A curfew is 2 to 20 hours a day for a conviction from 28 June 2022", 2, 20, null, null,
            TwentyHourCurfewFrom, null, Sch6 + " para 18(4A)"),
        new(RequirementKind.Curfew, "weeklyHours", "A curfew is at most 112 hours in any 7 days", 1, 112, null, null, null, null, Sch6 + " para 18(5)"),
        new(RequirementKind.CommunityService, "kind", "Community service is for a child aged 15 or over when convicted", null, null, 15, null, null, null,
            "Criminal Justice (Community Service Orders) (Jersey) Law 2001, Art 2(2)"),
        new(RequirementKind.CommunityService, "amount", "The Youth Court and the Magistrate's Court order up to 180 hours of community service", 1, 180, null,
            null, null, null, "Criminal Justice (Community Service Orders) (Jersey) Law 2001, Art 2(3)", o => o.Court != JerseyCourt.RoyalCourt),
        new(RequirementKind.CommunityService, "amount", "The Royal Court orders up to 480 hours of community service", 1, 480, null, null, null, null,
            "Criminal Justice (Community Service Orders) (Jersey) Law 2001, Art 2(3)", o => o.Court == JerseyCourt.RoyalCourt),
    ];

    /// <summary>
    /// Every problem with adding this requirement to the order, by field, each ending with the rule's source in brackets.
    /// Empty when it may be added.
    /// </summary>
    /// <param name="inPilot">Whether the service is in the intensive supervision pilot (Mend:Orders:IntensiveSupervisionPilot).</param>
    public static Dictionary<string, string> Problems(Order order, RequirementKind kind, decimal? amount, int? dailyHours, int? weeklyHours, bool inPilot)
    {
        var problems = new Dictionary<string, string>();
        if (!Allowed.TryGetValue(order.Kind, out var kinds) || !kinds.Contains(kind))
        {
            problems["kind"] = $"A {order.Info.Name.ToLowerInvariant()} cannot carry this requirement";
            return problems;
        }

        var law = order.LawDate;
        foreach (var limit in LimitsFor(order, kind, law, inPilot))
        {
            if (problems.ContainsKey(limit.Field))
            {
                continue;
            }

            var value = limit.Field switch { "amount" => amount, "dailyHours" => dailyHours, "weeklyHours" => weeklyHours, _ => null };
            var ageWrong = limit.Field == "kind" && (order.AgeYoungest is not { } youngest
                || youngest < (limit.YoungestAge ?? 0) || (order.AgeOldest ?? youngest) > (limit.OldestAge ?? int.MaxValue));
            var amountWrong = limit.Field != "kind" && (value is null || value < limit.Least || value > limit.Most);
            if (ageWrong || amountWrong)
            {
                problems[limit.Field] = limit.Field == "kind" && order.AgeYoungest is null
                    ? $"{limit.What}; record the child's date of birth first ({limit.Source})"
                    : $"{limit.What} ({limit.Source})";
            }
        }

        return problems;
    }

    /// <summary>The limits in force for this kind on the conviction date; the pilot's replace the national ones where it runs.</summary>
    public static IReadOnlyList<RequirementLimit> LimitsFor(Order order, RequirementKind kind, DateOnly law, bool inPilot)
    {
        var inForce = Limits.Where(l => l.Kind == kind && (l.From is null || law >= l.From) && (l.Until is null || law < l.Until)
            && (l.AppliesTo is null || l.AppliesTo(order)) && (!l.PilotOnly || inPilot)).ToList();
        var pilot = inForce.Where(l => l.PilotOnly).Select(l => l.Field).ToHashSet();
        return inForce.Where(l => l.PilotOnly || !pilot.Contains(l.Field)).ToList();
    }

    public static bool MayCarry(DisposalKind order, RequirementKind kind) => Allowed.TryGetValue(order, out var kinds) && kinds.Contains(kind);

    public static IReadOnlyList<RequirementKind> KindsFor(DisposalKind order) => Allowed.TryGetValue(order, out var kinds) ? kinds : [];

    public static string Describe(RequirementKind kind) => kind switch
    {
        RequirementKind.Activity => "Activity",
        RequirementKind.ExtendedActivity => "Extended activity (intensive supervision and surveillance)",
        RequirementKind.Supervision => "Supervision",
        RequirementKind.UnpaidWork => "Unpaid work",
        RequirementKind.Programme => "Programme",
        RequirementKind.AttendanceCentre => "Attendance centre",
        RequirementKind.ProhibitedActivity => "Prohibited activity",
        RequirementKind.Curfew => "Curfew",
        RequirementKind.Exclusion => "Exclusion",
        RequirementKind.Residence => "Residence",
        RequirementKind.EducationRequirement => "Education",
        RequirementKind.ElectronicMonitoring => "Electronic monitoring",
        RequirementKind.Reparation => "Reparation",
        RequirementKind.Condition => "Condition",
        RequirementKind.Apology => "Apology",
        RequirementKind.CommunityService => "Community service",
        RequirementKind.PositiveSteps => "Positive Steps",
        _ => "Work plan",
    };

    /// <summary>The unit an amount is in, for a kind that has one.</summary>
    public static string? Unit(RequirementKind kind) => kind switch
    {
        RequirementKind.UnpaidWork or RequirementKind.CommunityService or RequirementKind.Reparation or RequirementKind.AttendanceCentre => "hours",
        RequirementKind.Activity or RequirementKind.ExtendedActivity => "days",
        _ => null,
    };
}
