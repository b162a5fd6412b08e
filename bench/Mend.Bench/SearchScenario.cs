using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Mend.Bench;

/// <summary>
/// Person search through the API, as practitioners type it (names drawn from the loaded people, a
/// third misspelt, a third with a letter missing): fixed connections for a fixed time over loopback,
/// every latency kept, then requests per second and p50/p95/p99. Stops by itself.
/// </summary>
public static class SearchScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url").TrimEnd('/');
        var token = options.Required("token");
        var queries = await File.ReadAllLinesAsync(options.Required("queries"));
        var seconds = options.Int("seconds", 30);
        var connections = options.Int("connections", 8);
        var output = options.Required("out");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Warm up: JIT, connection pools, PostgreSQL's caches.
        foreach (var query in queries.Take(50))
        {
            (await http.PostAsJsonAsync("/api/v1/people/search", new { name = query })).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>[connections];
        var errors = 0;
        var found = 0;
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            while (stop.Elapsed < until)
            {
                var query = queries[random.Next(queries.Length)];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/people/search", new { name = query });
                var body = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (!body.Contains("\"total\":0", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref found);
                }
            }
        }));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        var line = $"| person search (API, fuzzy) | {connections} | {stop.Elapsed.TotalSeconds:0} s | {all.Length / stop.Elapsed.TotalSeconds:0.0} | {P(0.50):0.0} | {P(0.95):0.0} | {P(0.99):0.0} | {errors} | {100.0 * found / Math.Max(1, all.Length):0}% |";
        Console.WriteLine(line);
        await File.AppendAllTextAsync(output, line + Environment.NewLine);
        return errors == 0 ? 0 : 1;
    }
}
