namespace Mend.Web.Features.Orders;

/// <summary>
/// How fast the hours of a requirement must be worked, by kind, with the source of each rule. A kind with no row
/// (reparation) has no pace beyond the order's end.
/// </summary>
/// <param name="WithinMonths">All hours are to be worked within this many months of the order taking effect.</param>
/// <param name="HoursAWeek">At least this many hours are to be worked each week from the start, until all are done.</param>
public sealed record HoursPaceRule(RequirementKind Kind, int? WithinMonths, int? HoursAWeek, string Rule, string Source);

/// <summary>Where one hours requirement stands against its pace today.</summary>
/// <param name="DueBy">The last day by which every hour is to be worked, when the rule sets one.</param>
/// <param name="Expected">The hours that should be done by today at the weekly pace, when the rule sets one.</param>
/// <param name="Behind">Hours are left after <see cref="DueBy"/>, or fewer are done than <see cref="Expected"/>.</param>
public sealed record HoursPace(long RequirementId, RequirementKind Kind, decimal Done, decimal Left, DateOnly? DueBy, decimal? Expected, bool Behind,
    string Rule, string Source);

public static class HoursPacePolicy
{
    public static readonly IReadOnlyList<HoursPaceRule> Rules =
    [
        new(RequirementKind.UnpaidWork, 12, null, "Unpaid work is done within 12 months of the order taking effect",
            "Sentencing Act 2020, Sch 6 para 10(1)(b)"),
        new(RequirementKind.CommunityService, null, 5, "Community service is worked at least 5 hours each week",
            "Jersey Probation and After-Care Service, community service scheme rules (courts.je, Undertaking Community Service)"),
    ];

    /// <summary>The pace of each hours requirement on an open order that has started; empty otherwise.</summary>
    public static IReadOnlyList<HoursPace> Of(Order order, DateOnly today)
    {
        if (!order.IsOpen || order.StartsOn is not { } start || start > today)
        {
            return [];
        }

        var paces = new List<HoursPace>();
        foreach (var hours in order.Hours)
        {
            if (Rules.FirstOrDefault(r => r.Kind == hours.Kind) is not { } rule)
            {
                continue;
            }

            var dueBy = rule.WithinMonths is { } months ? Order.PeriodEnd(start, months) : (DateOnly?)null;
            var expected = rule.HoursAWeek is { } weekly ? Math.Min(hours.Ordered, weekly * ((today.DayNumber - start.DayNumber) / 7)) : (decimal?)null;
            var behind = hours.Left > 0 && (today > dueBy || hours.Done < expected);
            paces.Add(new HoursPace(hours.RequirementId, hours.Kind, hours.Done, hours.Left, dueBy, expected, behind, rule.Rule, rule.Source));
        }

        return paces;
    }
}
