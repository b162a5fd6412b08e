namespace Mend.Web.Features.Reports;

/// <summary>A dated answer to whether the victim may be contacted (the latest on or before a day stands).</summary>
public sealed record ConsentAnswer(DateOnly On, bool Agreed);

/// <summary>
/// The facts behind KPI 10 for one victim of one child's offence, as recorded in Mend: the child's intervention end,
/// the offence, the victim's contact answers, and what was sought, asked for and provided, with dates.
/// </summary>
public sealed record Kpi10Facts(
    Guid VictimPersonId,
    string VictimType,
    Guid ChildId,
    Guid CaseId,
    DateOnly InterventionEnded,
    string Offence,
    int OffenceGravity,
    DateOnly OffenceOn,
    IReadOnlyList<ConsentAnswer> ContactAnswers,
    bool ViewSoughtBeforeDecision,
    DateOnly? RjStarted,
    DateOnly? RjEnded,
    DateOnly? ProgressRequestedOn,
    DateOnly? ProgressProvidedOn,
    DateOnly? SupportRequestedOn,
    DateOnly? SupportProvidedOn)
{
    /// <summary>Whether the victim's latest answer on or before <paramref name="day"/> was yes.</summary>
    public bool ConsentedBy(DateOnly day) => ContactAnswers.Where(a => a.On <= day).OrderBy(a => a.On).LastOrDefault()?.Agreed == true;

    public DateOnly? ConsentedOn(DateOnly day) => ConsentedBy(day) ? ContactAnswers.Where(a => a.On <= day && a.Agreed).Max(a => a.On) : null;
}

/// <summary>One line of the return: what it counts, and the victims (or children) behind it.</summary>
public sealed record Kpi10Line(string Key, string Name, int Count, IReadOnlyList<Guid> Behind);

/// <summary>One row of the case-level extract: a counted victim and the facts behind each line.</summary>
public sealed record Kpi10Row(Kpi10Facts Facts, bool Consented, DateOnly? ConsentedOn, bool Engaged, bool ProgressProvided, bool SupportProvided);

/// <summary>The quarter's return: its lines in the order the YJB lists them, the headline, and the case-level rows.</summary>
public sealed record Kpi10Return(ReportQuarter Quarter, IReadOnlyList<Kpi10Line> Lines, IReadOnlyList<Kpi10Row> Rows)
{
    /// <summary>Every child whose intervention ended in the quarter with a victim, and the case: the first line counts these.</summary>
    public IReadOnlyList<(Guid ChildId, Guid CaseId)> Children { get; init; } = [];

    /// <summary>The cases behind a line (where each victim or child counted on it was counted), or null for a line that is not in the return.</summary>
    public IReadOnlyList<Guid>? CasesBehind(string key)
    {
        if (Lines.FirstOrDefault(l => l.Key == key) is not { } line)
        {
            return null;
        }

        var behind = line.Behind.ToHashSet();
        return key == Kpi10.Children
            ? Children.Where(c => behind.Contains(c.ChildId)).Select(c => c.CaseId).Distinct().ToList()
            : Rows.Where(r => behind.Contains(r.Facts.VictimPersonId)).Select(r => r.Facts.CaseId).Distinct().ToList();
    }

    /// <summary>Victims engaged with RJ as a percentage of those who consented to contact; null when none consented.</summary>
    public decimal? Headline
    {
        get
        {
            var consented = Lines.Single(l => l.Key == Kpi10.Consented).Count;
            return consented == 0 ? null : Math.Round(100m * Lines.Single(l => l.Key == Kpi10.Engaged).Count / consented, 1);
        }
    }
}

/// <summary>
/// YJB KPI 10 (Victims): victims engaged in restorative justice opportunities as a proportion of the victims who
/// consent to be contacted (YJB headline, as published; see docs/research/kpi-sources.md). The lines and counting
/// rules below are those issue 17 sets out; the YJB's own sub-measure wording could not be read here, so the
/// definitions page says which are Mend's reading:
/// <list type="bullet">
/// <item>a victim is counted in the quarter in which the child's intervention ends (a London date, so an order ending
/// at 23:30 on the quarter's last day is in it);</item>
/// <item>once per quarter for the service, against the child's most serious offence, then the most recent (every child
/// whose intervention ended with a victim is on the first line, even when their victim is counted against another child);</item>
/// <item>consent is the victim's latest answer on or before the quarter's last day (a later yes does not count; a
/// withdrawal before then does);</item>
/// <item>engaged with RJ counts only victims who also consented; requests and provision count when dated on or before
/// the quarter's last day.</item>
/// </list>
/// </summary>
public static class Kpi10
{
    public const string Children = "children";
    public const string Victims = "victims";
    public const string Consented = "consented";
    public const string Engaged = "engaged";
    public const string ViewsSought = "viewsSought";
    public const string ProgressRequested = "progressRequested";
    public const string ProgressProvided = "progressProvided";
    public const string SupportRequested = "supportRequested";
    public const string SupportProvided = "supportProvided";

    /// <summary>Records the export of the case-level extract: one audit row for each victim and each child in it.</summary>
    public static void RecordExtract(Platform.Audit.AuditTrail audit, Kpi10Return result)
    {
        foreach (var person in result.Rows.SelectMany(r => new[] { r.Facts.VictimPersonId, r.Facts.ChildId }).Where(p => p != Guid.Empty).Distinct())
        {
            audit.Record(Platform.Audit.AuditAction.Export, "Kpi10", result.Quarter.Code, subjectPersonId: person,
                purpose: $"KPI 10 case-level extract, {result.Quarter.Label}");
        }
    }

    public static Kpi10Return For(ReportQuarter quarter, IEnumerable<Kpi10Facts> facts)
    {
        var end = quarter.Ends;
        var inQuarter = facts.Where(f => quarter.Contains(f.InterventionEnded)).ToList();
        var counted = inQuarter
            .GroupBy(f => f.VictimPersonId)
            .Select(g => g.OrderByDescending(f => f.OffenceGravity).ThenByDescending(f => f.OffenceOn).ThenByDescending(f => f.InterventionEnded).First())
            .OrderBy(f => f.InterventionEnded).ThenBy(f => f.VictimPersonId)
            .ToList();
        var rows = counted.Select(f =>
        {
            var consented = f.ConsentedBy(end);
            return new Kpi10Row(f, consented, f.ConsentedOn(end), consented && f.RjStarted <= end,
                f.ProgressRequestedOn <= end && f.ProgressProvidedOn <= end, f.SupportRequestedOn <= end && f.SupportProvidedOn <= end);
        }).ToList();

        List<Guid> Victim(Func<Kpi10Row, bool> rule) => rows.Where(rule).Select(r => r.Facts.VictimPersonId).ToList();
        return new Kpi10Return(quarter,
        [
            new(Children, "Children with an order closing with an identified victim or victims of youth crime",
                inQuarter.Select(f => f.ChildId).Distinct().Count(), inQuarter.Select(f => f.ChildId).Distinct().ToList()),
            new(Victims, "Total number of victims", rows.Count, Victim(_ => true)),
            new(Consented, "Victims who consent to be contacted by the youth justice service", Victim(r => r.Consented).Count, Victim(r => r.Consented)),
            new(Engaged, "Victims engaged with on restorative justice opportunities (of those who consented)", Victim(r => r.Engaged).Count, Victim(r => r.Engaged)),
            new(ViewsSought, "Victims asked their view before out-of-court disposal decisions and planning for statutory court orders",
                Victim(r => r.Facts.ViewSoughtBeforeDecision).Count, Victim(r => r.Facts.ViewSoughtBeforeDecision)),
            new(ProgressRequested, "Victims who asked for information about the progress of the child's case",
                Victim(r => r.Facts.ProgressRequestedOn <= end).Count, Victim(r => r.Facts.ProgressRequestedOn <= end)),
            new(ProgressProvided, "Of those, victims provided with it", Victim(r => r.ProgressProvided).Count, Victim(r => r.ProgressProvided)),
            new(SupportRequested, "Victims who asked for additional support", Victim(r => r.Facts.SupportRequestedOn <= end).Count, Victim(r => r.Facts.SupportRequestedOn <= end)),
            new(SupportProvided, "Of those, victims given information on appropriate support services", Victim(r => r.SupportProvided).Count, Victim(r => r.SupportProvided)),
        ], rows)
        {
            Children = inQuarter.Select(f => (f.ChildId, f.CaseId)).Distinct().ToList(),
        };
    }
}
