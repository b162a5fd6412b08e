using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.DataProtection;

/// <summary>The law a subject-access request is answered under, which sets its deadline.</summary>
public enum AccessRegime
{
    /// <summary>UK GDPR Art 15, with the Art 12A time limits (in force 5 February 2026).</summary>
    UkGdpr,

    /// <summary>Data Protection Act 2018 Part 3 (law enforcement processing by a competent authority), s.45 and s.54.</summary>
    LawEnforcement,

    /// <summary>Data Protection (Jersey) Law 2018, Art 28.</summary>
    Jersey,
}

/// <summary>
/// When a subject-access request must be answered, by regime, as one table: what starts the clock, the period, whether
/// it may be extended, and whether a deadline on a weekend or holiday moves to the next working day; each row with its
/// source (docs/research/data-protection-sources.md says how far each was confirmed).
/// </summary>
public static class SubjectAccessDeadline
{
    /// <param name="Months">The period in calendar months (0 for a period in weeks).</param>
    /// <param name="Weeks">The period in weeks (0 for a period in months).</param>
    /// <param name="ExtendedMonths">With an extension, the whole period in months from the same start.</param>
    /// <param name="ExtendedWeeks">With an extension, the whole period in weeks from the same start.</param>
    /// <param name="BeginsWithStartDay">True when the period "begins with" the start day (so a month beginning 5 January ends 4 February).</param>
    /// <param name="NeedsIdentity">True when the clock starts only once identity is confirmed.</param>
    public sealed record Rule(AccessRegime Regime, string Name, int Months, int Weeks, int ExtendedMonths, int ExtendedWeeks, bool BeginsWithStartDay,
        bool MovesToWorkingDay, bool NeedsIdentity, string Wording, string Source);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(AccessRegime.UkGdpr, "UK GDPR", 1, 0, 3, 0, BeginsWithStartDay: false, MovesToWorkingDay: true, NeedsIdentity: false,
            "One calendar month from the day the request (or the identity evidence asked for) arrives, to the same date the next month or the last day of a shorter month; a deadline on a weekend or bank holiday moves to the next working day. Two more months for a complex request or many requests, if the person is told why within the first month.",
            "UK GDPR Arts 12(3) and 12A (Data (Use and Access) Act 2025 s.76, in force 5 February 2026 by SI 2026/82 reg 2(h)); ICO, 'What should we consider when responding to a request?' (updated 8 December 2025)"),
        new(AccessRegime.LawEnforcement, "Data Protection Act 2018 Part 3 (law enforcement)", 1, 0, 3, 0, BeginsWithStartDay: true, MovesToWorkingDay: false, NeedsIdentity: false,
            "One month beginning with the day the request (or the identity evidence asked for) arrives. Two more months for a complex request or many requests, by a notice with reasons given within the first month.",
            "Data Protection Act 2018 s.54(1)-(3) and (3A)-(3B) as amended (legislation.gov.uk revised text). Older ICO guidance saying it cannot be extended is out of date."),
        new(AccessRegime.Jersey, "Data Protection (Jersey) Law 2018", 0, 4, 0, 12, BeginsWithStartDay: false, MovesToWorkingDay: false, NeedsIdentity: true,
            "Four weeks from the day identity is confirmed; eight more weeks for a large or complex request, with the person told.",
            "Data Protection (Jersey) Law 2018 Art 28; the four and eight weeks are from Government of Jersey and JFSC subject access pages (the Law's own text was not read)"),
    ];

    public static Rule For(AccessRegime regime) => Rules.Single(r => r.Regime == regime);

    /// <summary>The day the clock starts: the later of receipt and identity confirmed; null for Jersey until identity is confirmed.</summary>
    public static DateOnly? StartOn(AccessRegime regime, DateOnly receivedOn, DateOnly? identityConfirmedOn) =>
        For(regime).NeedsIdentity
            ? identityConfirmedOn is { } confirmed ? Later(receivedOn, confirmed) : null
            : identityConfirmedOn is { } id ? Later(receivedOn, id) : receivedOn;

    /// <summary>The last day to answer, from the start; <paramref name="days"/> supplies the bank holidays where the rule moves to a working day.</summary>
    public static DateOnly DueOn(AccessRegime regime, DateOnly start, bool extended, WorkingDays days)
    {
        var rule = For(regime);
        DateOnly due;
        if (rule.Weeks > 0)
        {
            due = start.AddDays(7 * (extended ? rule.ExtendedWeeks : rule.Weeks));
        }
        else
        {
            var months = extended ? rule.ExtendedMonths : rule.Months;
            var corresponding = start.AddMonths(months);

            // "Beginning with" counts the start day itself, so the period ends the day before the corresponding date; with no
            // corresponding date (31 January to February) AddMonths has already given the last day of the month.
            due = rule.BeginsWithStartDay && corresponding.Day == start.Day ? corresponding.AddDays(-1) : corresponding;
        }

        if (rule.MovesToWorkingDay)
        {
            while (!days.IsWorkingDay(due, Jurisdiction.EnglandAndWales))
            {
                due = due.AddDays(1);
            }
        }

        return due;
    }

    /// <summary>The last day an extension can be given: the end of the first period (the person must be told within it).</summary>
    public static DateOnly LastDayToExtend(AccessRegime regime, DateOnly start, WorkingDays days) => DueOn(regime, start, extended: false, days);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
