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
    public sealed record Result(int Connections, TimeSpan Duration, int Requests, int Errors, int Found, double P50, double P95, double P99)
    {
        public double PerSecond => Requests / Duration.TotalSeconds;

        public string Row => $"| person search (API, fuzzy) | {Connections} | {Duration.TotalSeconds:0} s | {PerSecond:0.0} | {P50:0.0} | {P95:0.0} | {P99:0.0} | {Errors} | {100.0 * Found / Math.Max(1, Requests):0}% |";
    }

    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url").TrimEnd('/');
        var token = options.Required("token");
        var queries = await File.ReadAllLinesAsync(options.Required("queries"));
        var connections = options.Int("connections", 8);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var result = await MeasureAsync(http, queries, TimeSpan.FromSeconds(options.Int("seconds", 30)), connections);
        Console.WriteLine(result.Row);
        await File.AppendAllTextAsync(options.Required("out"), result.Row + Environment.NewLine);
        return result.Errors == 0 ? 0 : 1;
    }

    /// <summary>Warms up, then keeps <paramref name="connections"/> searches going for <paramref name="duration"/>.</summary>
    public static async Task<Result> MeasureAsync(HttpClient http, IReadOnlyList<string> queries, TimeSpan duration, int connections)
    {
        // Warm up: JIT, connection pools, PostgreSQL's caches.
        foreach (var query in queries.Take(300))
        {
            (await http.PostAsJsonAsync("/api/v1/people/search", new { name = query })).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>[connections];
        var errors = 0;
        var found = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            while (stop.Elapsed < duration)
            {
                var query = queries[random.Next(queries.Count)];
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
        return new Result(connections, stop.Elapsed, all.Length, errors, found, P(0.50), P(0.95), P(0.99));
    }
}
