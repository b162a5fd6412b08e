using System.Diagnostics;
using Mend.Bench;

namespace Mend.Tests.Bench;

/// <summary>
/// The bench's count of the CPU a request costs (Mend's or the baseline's process, and PostgreSQL's postmaster with every
/// process it started), and the comparisons it makes from it (issue 21): no database, only this process and a child.
/// </summary>
public sealed class BenchWorkTests
{
    [Fact]
    public void CpuMilliseconds_AgreesWithTheRuntimesCount()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var (ours, runtimes) = (LoadScenario.CpuMilliseconds(Environment.ProcessId)!.Value, self.TotalProcessorTime.TotalMilliseconds);
        var spinning = Stopwatch.StartNew();
        var sum = 0L;
        while (spinning.ElapsedMilliseconds < 300)
        {
            sum += spinning.ElapsedTicks % 7;
        }

        self.Refresh();
        var (oursAfter, runtimesAfter) = (LoadScenario.CpuMilliseconds(Environment.ProcessId)!.Value, self.TotalProcessorTime.TotalMilliseconds);
        Assert.True(sum >= 0);
        Assert.InRange(runtimesAfter - runtimes, 50, double.MaxValue);
        // /proc counts in 10 ms ticks, and the two reads are not at the same instant: other threads of this process work too.
        Assert.InRange(oursAfter - ours, runtimesAfter - runtimes - 60, runtimesAfter - runtimes + 60);
        Assert.Null(LoadScenario.CpuMilliseconds(int.MaxValue));
    }

    [Fact]
    public async Task CpuMilliseconds_WithChildren_CountsAChildThatHasEnded()
    {
        double Children() => LoadScenario.CpuMilliseconds(Environment.ProcessId, withChildren: true)!.Value - LoadScenario.CpuMilliseconds(Environment.ProcessId)!.Value;
        var before = Children();
        // A shell that counts for a while (about a third of a second of CPU here) and ends; the runtime reaps it, so its time
        // joins this process's count of its children. Its own time cannot be read once it has gone, so the bound is a floor.
        using var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"]))!;
        await child.WaitForExitAsync();
        Assert.Equal(0, child.ExitCode);
        Assert.InRange(Children() - before, 150, double.MaxValue);
    }

    [Fact]
    public async Task Summary_ComparesTheWorkAPageCosts()
    {
        static LoadScenario.Result Round(string name, double rate, double server, double database) =>
            new(name, 4, 20, (int)(rate * 20), 0, (int)(rate * 20), 5, 9, 12, 300, 2, 2, ServerCpuMilliseconds: server, DatabaseCpuMilliseconds: database);
        var json = Path.GetTempFileName();
        var md = Path.GetTempFileName();
        try
        {
            var rounds = new[]
            {
                Round("baseline case page (raw Npgsql)", 1800, 0.6, 0.4),
                Round("case page, view auditing off", 700, 1.8, 0.9),
                Round("case page (/Cases/{id})", 650, 2.0, 1.0),
                Round("case page, view auditing on (second round)", 640, 2.0, 1.0),
                Round("case page, view auditing off (second round)", 710, 1.8, 0.9),
                Round("baseline case page (raw Npgsql) (second round)", 1700, 0.6, 0.4),
            };
            var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
            await File.WriteAllLinesAsync(json, rounds.Select(r => System.Text.Json.JsonSerializer.Serialize(r, options)));

            Assert.Equal(0, await Summary.RunAsync(Options.Parse(["--json", json, "--out", md])));

            var text = await File.ReadAllTextAsync(md);
            // 1.0 ms of work a baseline page against 3.0 ms: 33%; 2.7 ms without auditing against 3.0 with: 10%.
            Assert.Contains("| the same, by the work a page costs (the server's and PostgreSQL's CPU a page) | 33 % (3.00 ms a page against 1.00 ms) | no: 17 points short |", text, StringComparison.Ordinal);
            Assert.Contains("| view auditing by the work a page costs (its share of the audited page's) | 10 % (3.00 ms a page with, 2.70 ms without) | no: 5 points over |", text, StringComparison.Ordinal);

            // A drifting run: the first round without auditing cost more than the audited ones, the last much less. The means
            // would say met (3%); the pairs (-20% and 27%) disagree, so the run shows nothing about the target.
            rounds[1] = Round("case page, view auditing off", 700, 2.6, 1.0);
            rounds[4] = Round("case page, view auditing off (second round)", 710, 1.4, 0.8);
            await File.WriteAllLinesAsync(json, rounds.Select(r => System.Text.Json.JsonSerializer.Serialize(r, options)));
            File.Delete(md);
            Assert.Equal(0, await Summary.RunAsync(Options.Parse(["--json", json, "--out", md])));
            Assert.Contains("| view auditing by the work a page costs (its share of the audited page's) | 3 % (3.00 ms a page with, 2.90 ms without) | not shown: the two rounds disagree (-20 % and 27 %) |",
                await File.ReadAllTextAsync(md), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
            File.Delete(md);
        }
    }
}
