namespace Mend.Web.Features.Reports;

/// <summary>
/// One figure of a report: its key (stable, used in links and exports), what it counts, the count, and the cases behind it
/// so the figure opens onto them.
/// </summary>
public sealed record Figure(string Key, string Name, int Count, IReadOnlyList<Guid> Cases)
{
    public static Figure Of<T>(string key, string name, IReadOnlyCollection<T> counted, Func<T, Guid> caseOf) =>
        new(key, name, counted.Count, counted.Select(caseOf).Distinct().ToList());
}
