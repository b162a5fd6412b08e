using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mend.Bench;

/// <summary>
/// Drives one scenario over loopback: a fixed number of connections for a fixed time, every latency
/// kept, then requests per second and p50/p95/p99, and the peak resident memory of the server
/// process sampled while it ran. Warms up first and stops by itself.
/// </summary>
public static partial class LoadScenario
{
    /// <param name="RoundTrips">The mean of the database round trips the server said each answer cost (its X-Mend-Round-Trips header), or null when it did not say.</param>
    /// <param name="MostRoundTrips">The most any one answer cost.</param>
    /// <param name="HandlerMilliseconds">The mean time in the page's handler, from Mend's Server-Timing header (pages only).</param>
    /// <param name="RenderMilliseconds">The mean time rendering the page (Razor, tag helpers, layout), from the same header.</param>
    /// <param name="ServerCpuMilliseconds">The server process's CPU time (all its threads, user and system) over the measured
    /// time, in ms a request; null when its process was not given.</param>
    /// <param name="DatabaseCpuMilliseconds">PostgreSQL's CPU time over the measured time (the postmaster and every process it
    /// started, those that ended included), in ms a request; null when its postmaster was not given.</param>
    public sealed record Result(string Scenario, int Connections, double Seconds, int Requests, int Errors, int Found, double P50, double P95, double P99, double? PeakMegabytes,
        double? RoundTrips = null, int? MostRoundTrips = null, double? HandlerMilliseconds = null, double? RenderMilliseconds = null,
        double? ServerCpuMilliseconds = null, double? DatabaseCpuMilliseconds = null)
    {
        public double PerSecond => Requests / Seconds;

        /// <summary>The server's and the database's CPU a request together, in ms: the work a request costs the machine, which drifts less than the rate does.</summary>
        public double? WorkMilliseconds => ServerCpuMilliseconds + DatabaseCpuMilliseconds;

        public string Row => $"| {Scenario} | {Connections} | {Seconds:0} s | {PerSecond:0.0} | {P50:0.0} | {P95:0.0} | {P99:0.0} | {Errors} | {(PeakMegabytes is { } mb ? $"{mb:0}" : "–")} | {(RoundTrips is { } rt ? $"{rt:0.0} (at most {MostRoundTrips})" : "–")} | {(HandlerMilliseconds is { } h && RenderMilliseconds is { } r ? $"{h:0.0} / {r:0.0}" : "–")} | {(ServerCpuMilliseconds is { } server ? $"{server:0.00}" : "–")} / {(DatabaseCpuMilliseconds is { } database ? $"{database:0.00}" : "–")} |";
    }

    public const string RoundTripHeader = "X-Mend-Round-Trips";

    public static readonly string TableHeader = "| scenario | connections | duration | requests/s | p50 ms | p95 ms | p99 ms | errors | peak MB | round trips | handler / render ms | CPU ms a request (server / PostgreSQL) |" + Environment.NewLine + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>
    /// Keeps <paramref name="connections"/> requests going for <paramref name="duration"/>. <paramref name="found"/>
    /// says whether a successful response had what was asked for (for search, at least one person). First <paramref name="warmUp"/>
    /// requests one at a time, then <paramref name="warmUpFor"/> of the full load, unmeasured: the runtime compiles hot code again,
    /// optimised, for some seconds after it is first called often (tiered compilation), and under load on two cores that compiling
    /// took a sixth of the machine for twenty seconds after a warm-up of 1,000 requests (issue 21).
    /// </summary>
    public static async Task<Result> MeasureAsync(string scenario, HttpClient http, Func<Random, HttpRequestMessage> request, TimeSpan duration, int connections,
        int? serverPid = null, Func<string, bool>? found = null, int warmUp = 200, TimeSpan warmUpFor = default, int? databasePid = null)
    {
        var warm = new Random(99);
        for (var i = 0; i < warmUp; i++)
        {
            using var response = await http.SendAsync(request(warm));
            response.EnsureSuccessStatusCode();
        }

        if (warmUpFor > TimeSpan.Zero)
        {
            await MeasureAsync(scenario, http, request, warmUpFor, connections, warmUp: 0);
        }

        var latencies = new List<double>[connections];
        var errors = 0;
        var hits = 0;
        long roundTrips = 0, counted = 0, most = 0;
        var timings = new System.Collections.Concurrent.ConcurrentBag<(double Handler, double Render)>();
        double? peak = null;
        using var sampling = new CancellationTokenSource();
        var sampler = serverPid is { } pid ? Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                if (ResidentMegabytes(pid) is { } mb && mb > (peak ?? 0))
                {
                    peak = mb;
                }

                try
                {
                    await Task.Delay(100, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }) : Task.CompletedTask;

        var serverCpu = serverPid is { } server ? CpuMilliseconds(server) : null;
        var databaseCpu = databasePid is { } database ? CpuMilliseconds(database, withChildren: true) : null;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request(random));
                var body = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.Headers.TryGetValues(RoundTripHeader, out var said) && int.TryParse(said.FirstOrDefault(), out var trips))
                {
                    Interlocked.Add(ref roundTrips, trips);
                    Interlocked.Increment(ref counted);
                    InterlockedMax(ref most, trips);
                }

                if (response.Headers.TryGetValues("Server-Timing", out var timing) && ServerTiming().Match(string.Join(",", timing)) is { Success: true } t)
                {
                    timings.Add((double.Parse(t.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(t.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (found is null || found(body))
                {
                    Interlocked.Increment(ref hits);
                }
            }
        }));
        var elapsed = stop.Elapsed;
        var serverCpuUsed = serverCpu is { } before && CpuMilliseconds(serverPid!.Value) is { } after ? after - before : (double?)null;
        var databaseCpuUsed = databaseCpu is { } dbBefore && CpuMilliseconds(databasePid!.Value, withChildren: true) is { } dbAfter ? dbAfter - dbBefore : (double?)null;
        await sampling.CancelAsync();
        await sampler;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Result(scenario, connections, elapsed.TotalSeconds, all.Length, errors, hits, P(0.50), P(0.95), P(0.99), peak,
            counted == 0 ? null : (double)roundTrips / counted, counted == 0 ? null : (int)most,
            timings.IsEmpty ? null : timings.Average(x => x.Handler), timings.IsEmpty ? null : timings.Average(x => x.Render),
            all.Length == 0 ? null : serverCpuUsed / all.Length, all.Length == 0 ? null : databaseCpuUsed / all.Length);
    }

    /// <summary>
    /// The CPU time <paramref name="pid"/> has used (user and system, all its threads), in ms, from /proc; with
    /// <paramref name="withChildren"/> also that of its children, living (each read) and ended (the process's own count of
    /// the children it reaped), which for PostgreSQL's postmaster is every backend and background process. Null where there
    /// is no /proc or no such process. /proc counts in clock ticks, which Linux fixes at 100 a second for user space.
    /// </summary>
    public static double? CpuMilliseconds(int pid, bool withChildren = false)
    {
        const double MillisecondsPerTick = 10;
        if (Stat(pid) is not { } own)
        {
            return null;
        }

        var ticks = own[11] + own[12]; // utime, stime (fields 14 and 15)
        if (withChildren)
        {
            ticks += own[13] + own[14]; // cutime, cstime: children already reaped
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var child) && child != pid && Stat(child) is { } stat && stat[1] == pid)
                {
                    ticks += stat[11] + stat[12];
                }
            }
        }

        return ticks * MillisecondsPerTick;
    }

    /// <summary>The numeric fields of /proc/PID/stat after the command name (field 3 on; index 1 is the parent's pid), or null.</summary>
    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name, in parentheses, may itself hold spaces or parentheses; everything after the last ")" is numeric but the state.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Select(f => long.TryParse(f, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>The process's resident set from /proc, in MB, or null where there is no /proc.</summary>
    public static double? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(Digits().Match(line).Value, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Signs in through the sign-in page, as a browser does, and returns a client carrying the session cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(string url, string email, string password, int connections, string? authenticatorKey = null)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken(page);
        using var signedIn = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (authenticatorKey is not null && signedIn.Headers.Location?.OriginalString.StartsWith("/Account/TwoFactor/Verify", StringComparison.Ordinal) == true)
        {
            var verify = AntiforgeryToken(await http.GetStringAsync("/Account/TwoFactor/Verify"));
            using var code = await http.PostAsync("/Account/TwoFactor/Verify", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(DateTime.UtcNow),
                ["__RequestVerificationToken"] = verify,
            }));
        }

        if (signedIn.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(new Uri(url)).All(c => c.Name is not ("Mend" or "__Host-Mend")))
        {
            throw new InvalidOperationException($"Could not sign in as {email}: {(int)signedIn.StatusCode}");
        }

        return http;
    }

    /// <summary>Appends the result as a Markdown row and as a JSON line.</summary>
    public static async Task RecordAsync(Result result, string? markdown, string? json)
    {
        Console.WriteLine(result.Row);
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown, result.Row + Environment.NewLine);
        }

        if (json is not null)
        {
            await File.AppendAllTextAsync(json, JsonSerializer.Serialize(result with { }, JsonOptions) + Environment.NewLine);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"handler;dur=([0-9.]+).*render;dur=([0-9.]+)")]
    private static partial Regex ServerTiming();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>The antiforgery token in a page's form; throws when the page has none.</summary>
    internal static string AntiforgeryToken(string page) =>
        AntiforgeryField().Match(page) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : throw new InvalidOperationException("No antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
