namespace Mend.Web.Features.Reports;

/// <summary>
/// One table of a report as it is exported: a sheet name (at most 31 characters, as Excel allows), the column headings and
/// the rows. A cell is a string, a whole number, a decimal or null (empty).
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>What a report is, for the first sheet of an export: which report, the period, the jurisdiction and team, and when.</summary>
    public static ReportTable About(string report, ReportPeriod period, ReportScope scope, DateTime producedAt, string rules) =>
        new("About this report", ["Item", "Value"],
        [
            ["Report", report],
            ["Period", $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} (both days included)"],
            ["Jurisdiction", Cases.CaseWords.Describe(scope.Jurisdiction)],
            ["Team", scope.TeamId is null ? "All the cases the person who produced it may see" : "The producer's own team"],
            ["Produced", producedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)],
            ["How each figure is counted", rules],
        ]);

    /// <summary>A table of figures: what each counts and the count.</summary>
    public static ReportTable Of(string name, IEnumerable<Figure> figures) =>
        new(name, ["Figure", "Count"], figures.Select(f => (IReadOnlyList<object?>)[f.Name, f.Count]).ToList());
}

/// <summary>
/// Statistical disclosure control for exported counts: a count from 1 to <see cref="Threshold"/> is shown as
/// <see cref="Suppressed"/>, and so is a count of part of a group whose remainder is that small, and any rate worked out from
/// them, so small groups cannot be picked out. This is the
/// service's own rule as issue 17 sets it (the Government Statistical Service guidance sets no fixed threshold:
/// docs/research/kpi-sources.md); "[c]" is the GSS marker for a confidential value.
/// </summary>
public static class Disclosure
{
    public const int Threshold = 4;
    public const string Suppressed = "[c]";

    public static bool IsSmall(int count) => count is >= 1 and <= Threshold;

    public static object Count(int count) => IsSmall(count) ? Suppressed : count;

    public static object? Rate(int part, int whole) =>
        IsSmall(part) || IsSmall(whole) || IsSmall(whole - part) ? Suppressed : whole == 0 ? null : Math.Round(100m * part / whole, 1);

    /// <summary>
    /// A count of some of a group (<paramref name="part"/> of <paramref name="whole"/>): suppressed when small, and also when
    /// the rest of the group is small, since the whole is shown beside it and the rest could be worked out.
    /// </summary>
    public static object Part(int part, int whole) => IsSmall(part) || IsSmall(whole - part) ? Suppressed : part;
}
