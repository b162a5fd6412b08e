using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mend.Bench;

/// <summary>Reads a run's JSON lines and writes the comparisons against the targets in docs/performance.md.</summary>
public static class Summary
{
    public static async Task<int> RunAsync(Options options)
    {
        var results = (await File.ReadAllLinesAsync(options.Required("json")))
            .Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LoadScenario.Result>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        LoadScenario.Result? Find(string prefix) => results.FirstOrDefault(r => r.Scenario.StartsWith(prefix, StringComparison.Ordinal));
        var page = Find("case page (");
        var baseline = Find("baseline case page");
        var caseload = Find("caseload");
        var caseloadBaseline = Find("baseline caseload");
        var unaudited = Find("case page, view auditing off");
        var search = Find("person search");
        var peak = results.Max(r => r.PeakMegabytes ?? 0);
        var c = CultureInfo.InvariantCulture;
        string With(List<double> rates) => rates.Count == 1
            ? rates[0].ToString("0", c)
            : string.Create(c, $"{rates.Average():0}: {string.Join(" and ", rates.Select(r => r.ToString("0", c)))}");

        var text = new StringBuilder();
        text.AppendLine().AppendLine("## Against the targets").AppendLine()
            .AppendLine("| target | measured | met |").AppendLine("|---|---|---|");
        if (page is not null && baseline is not null)
        {
            var ratio = page.PerSecond / baseline.PerSecond;
            text.AppendLine(string.Create(c, $"| case page at least 50% of the raw baseline's throughput | {ratio:P0} ({page.PerSecond:0} vs {baseline.PerSecond:0} requests/s) | {(ratio >= 0.5 ? "yes" : "no")} |"));
        }

        if (caseload is not null && caseloadBaseline is not null)
        {
            var ratio = caseload.PerSecond / caseloadBaseline.PerSecond;
            text.AppendLine(string.Create(c, $"| caseload page at least 40% of its raw baseline's throughput | {ratio:P0} ({caseload.PerSecond:0} vs {caseloadBaseline.PerSecond:0} requests/s) | {(ratio >= 0.4 ? "yes" : "no")} |"));
        }

        if (page is not null && unaudited is not null)
        {
            // scripts/bench measures off, on, on, off; the mean of each cancels the machine's steady drift between rounds.
            var with = results.Where(r => r == page || r.Scenario.StartsWith("case page, view auditing on", StringComparison.Ordinal)).Select(r => r.PerSecond).ToList();
            var without = results.Where(r => r.Scenario.StartsWith("case page, view auditing off", StringComparison.Ordinal)).Select(r => r.PerSecond).ToList();
            var cost = 1 - (with.Average() / without.Average());
            text.AppendLine(string.Create(c, $"| view auditing costs at most 5% of case page throughput | {cost:P0} ({With(with)} with, {With(without)} without) | {(cost <= 0.05 ? "yes" : "no")} |"));
        }

        foreach (var (result, most, what) in new[] { (page, 3, "case page"), (caseload, 6, "caseload") })
        {
            if (result?.MostRoundTrips is { } trips)
            {
                text.AppendLine(string.Create(c, $"| {what} at most {most} round trips whatever the caseload's size | {result.RoundTrips:0.0} on average, {trips} at most | {(trips <= most ? "yes" : "no")} |"));
            }
        }

        if (search is not null)
        {
            text.AppendLine(string.Create(c, $"| person search p95 under 30 ms at the API (the 2,000,000-people figure is scripts/bench-search's) | {search.P95:0.0} ms over this run's people | {(search.P95 < 30 ? "yes" : "no")} |"));
        }

        text.AppendLine(string.Create(c, $"| Mend's working set under 400 MB under load | {peak:0} MB at most | {(peak < 400 ? "yes" : "no")} |"));
        if (options.Optional("load-seconds") is { } load && options.Optional("scale") is { } scale)
        {
            // The target is a rate: 100,000 cases a minute on PostgreSQL.
            var cases = int.Parse(scale, c);
            var seconds = int.Parse(load, c);
            var allowed = 60.0 * cases / 100_000;
            text.AppendLine(string.Create(c, $"| 100,000 cases loaded in under 60 s on PostgreSQL ({allowed:0} s for this run's {cases:N0}) | {seconds} s | {(options.Optional("provider") == "postgres" ? (seconds <= allowed ? "yes" : "no") : "not this run")} |"));
        }

        Console.Write(text);
        if (options.Optional("out") is { } md)
        {
            await File.AppendAllTextAsync(md, text.ToString());
        }

        return 0;
    }
}
