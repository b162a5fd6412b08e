using System.Globalization;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// <c>Mend.Web retention [--as-of YYYY-MM-DD] --dry-run</c>: what the retention schedule would have fall due on a day
/// (today if no date is given), and which of it a legal hold keeps. It changes nothing: disposal itself only happens in
/// Mend, reviewed by a data protection officer and approved by a second person. Records are named by kind and id only.
/// </summary>
public static class RetentionCommand
{
    public static Task<int> DryRunAsync(IServiceProvider services, Dictionary<string, string> options) => DryRunAsync(services, options, Console.Out, Console.Error);

    /// <returns>0 when the dry run was written to <paramref name="output"/>; 64 when the options were wrong (said on <paramref name="error"/>).</returns>
    public static async Task<int> DryRunAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.ContainsKey("dry-run"))
        {
            error.WriteLine("Mend disposes of records only after a data protection officer reviews them and a second person approves, in Mend itself (Data protection, Disposal). Add --dry-run to see what would fall due.");
            return 64;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var asOf = clock.LondonToday();
        if (options.TryGetValue("as-of", out var typed) && !DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            error.WriteLine("as-of: enter the date as YYYY-MM-DD, for example 2027-03-31");
            return 64;
        }

        var items = await services.GetRequiredService<RetentionDue>().OnAsync(asOf, CancellationToken.None);
        output.WriteLine($"Dry run: what the retention schedule has due for disposal review on {asOf:yyyy-MM-dd}. Nothing has been changed.");
        foreach (var item in items)
        {
            output.WriteLine(string.Join('\t', item.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.RecordType, item.RecordId,
                RetentionSchedule.Describe(item.Rule), item.HeldBy is { } hold ? $"HELD until lifted (review {hold.ReviewOn:yyyy-MM-dd})" : item.OpenRequest ? "KEPT while a subject-access request is answered" : "due"));
        }

        var held = items.Count(i => i.IsKept);
        var byType = string.Join(", ", items.Where(i => !i.IsKept).GroupBy(i => i.RecordType).Select(g => $"{g.Count()} {Disposal.Describe(g.Key).ToLowerInvariant()}"));
        output.WriteLine($"{items.Count - held} record(s) would fall due{(byType.Length > 0 ? $" ({byType})" : "")}; {held} kept by a legal hold or an open subject-access request.");
        return 0;
    }
}
