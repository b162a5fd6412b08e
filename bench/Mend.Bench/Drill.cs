using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mend.Bench;

/// <summary>
/// The client side of scripts/ha-drill: each step works through nginx in front of two Mend nodes, as users would, and
/// prints a line "PASS …" or "FAIL …" per thing it checked (the script counts them). Nodes are told apart by the
/// X-Mend-Upstream header the drill's nginx adds (the upstream's address), named with --nodes a=PORT,b=PORT.
///   drill session --url U --nodes N --email E --password P --case ID        signed in once, pages and forms on both nodes
///   drill limits  --url U --nodes N --email E --password P                  lockout and the sign-in limit across nodes (from 127.0.0.2)
///   drill reports --url U --nodes N --email E --password P --totp-key K     a manager's reports page on both nodes
///   drill writes  --url U --nodes N --email E --password P --cases FILE --tag T --seconds S [--clients 4] --acked FILE
///   drill check-writes --acked FILE --connection CS [--tag T]              every acknowledged write is in the database
///   drill ready   --url NODE --expect healthy|degraded [--seconds 30]       the node's readiness and the replica's lag
///   drill soak    --url U --nodes N --email E --password P --cases FILE --minutes M [--rate 20] --pids a=PID,b=PID --out MD
/// </summary>
public static partial class Drill
{
    private static int _failed;

    public static async Task<int> RunAsync(string? step, Options options)
    {
        switch (step)
        {
            case "session": await SessionAsync(options); break;
            case "limits": await LimitsAsync(options); break;
            case "reports": await ReportsAsync(options); break;
            case "writes": await WritesAsync(options); break;
            case "check-writes": await CheckWritesAsync(options); break;
            case "ready": await ReadyAsync(options); break;
            case "soak": await SoakAsync(options); break;
            default:
                Console.Error.WriteLine("Usage: Mend.Bench drill session|limits|reports|writes|check-writes|ready|soak --option value ...");
                return 64;
        }

        return _failed == 0 ? 0 : 1;
    }

    private static void Check(bool held, string what)
    {
        Console.WriteLine($"{(held ? "PASS" : "FAIL")} {what}");
        if (!held)
        {
            _failed++;
        }
    }

    private static Dictionary<string, string> Nodes(Options options) =>
        options.Required("nodes").Split(',').Select(n => n.Split('=')).ToDictionary(n => "127.0.0.1:" + n[1], n => n[0]);

    private static string NodeOf(HttpResponseMessage response, Dictionary<string, string> nodes) =>
        response.Headers.TryGetValues("X-Mend-Upstream", out var said) && said.FirstOrDefault() is { } upstream
            ? nodes.GetValueOrDefault(upstream.Split(',').Last().Trim(), upstream)
            : nodes.Count == 1 ? nodes.Values.Single() : "?";

    private static string Tally(IEnumerable<string> nodes) =>
        string.Join(", ", nodes.GroupBy(n => n).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} on node {g.Key}"));

    /// <summary>Signed in once through nginx: case pages answered by both nodes, and a form from each node posted to the other.</summary>
    private static async Task SessionAsync(Options options)
    {
        var (url, nodes, caseId) = (options.Required("url"), Nodes(options), options.Required("case"));
        using var http = await LoadScenario.SignedInClientAsync(url, options.Required("email"), options.Required("password"), 2);
        var served = new List<string>();
        var signedIn = true;
        for (var i = 0; i < 12; i++)
        {
            using var page = await http.GetAsync($"/Cases/{caseId}");
            signedIn &= page.StatusCode == HttpStatusCode.OK && (await page.Content.ReadAsStringAsync()).Contains("Add a note", StringComparison.Ordinal);
            served.Add(NodeOf(page, nodes));
        }

        Check(signedIn && served.Distinct().Count() == 2, $"signed in once through nginx, 12 case pages with the session: {Tally(served)}");

        var crossed = new HashSet<string>();
        for (var attempt = 0; attempt < 12 && crossed.Count < 2; attempt++)
        {
            using var page = await http.GetAsync($"/Cases/{caseId}");
            var formFrom = NodeOf(page, nodes);
            using var posted = await http.PostAsync($"/Cases/{caseId}?handler=Note", NoteForm(AntiforgeryToken(await page.Content.ReadAsStringAsync()), $"drill-session-{attempt}"));
            var postedTo = NodeOf(posted, nodes);
            if (postedTo == formFrom || crossed.Contains($"{formFrom}→{postedTo}"))
            {
                // nginx takes turns: one more request changes which node serves the next form.
                using var _ = await http.GetAsync("/health/live");
            }
            else if (crossed.Add($"{formFrom}→{postedTo}"))
            {
                Check(posted.StatusCode == HttpStatusCode.Redirect && posted.Headers.Location?.OriginalString.StartsWith($"/Cases/{caseId}", StringComparison.Ordinal) == true,
                    $"a form served by node {formFrom} and posted to node {postedTo} is accepted (antiforgery token and session shared): {(int)posted.StatusCode}");
            }
        }

        Check(crossed.Count == 2, $"forms crossed between the nodes both ways ({string.Join(", ", crossed)})");
    }

    /// <summary>
    /// From its own client address (127.0.0.2, so the drill's other sign-ins do not count): five wrong passwords lock an
    /// account on both nodes, and the tenth post in a minute is the last either node accepts.
    /// </summary>
    private static async Task LimitsAsync(Options options)
    {
        var (url, nodes) = (options.Required("url"), Nodes(options));
        var second = DateTime.UtcNow.Second;
        if (second > 40)
        {
            // The count is per minute: start in a fresh one so all twelve posts fall in the same minute.
            await Task.Delay(TimeSpan.FromSeconds(61 - second));
        }

        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = new Uri(url) };
        var token = AntiforgeryToken(await http.GetStringAsync("/Account/SignIn"));
        async Task<(HttpStatusCode Status, string Node, bool SignedIn)> Post(string email, string password)
        {
            using var answer = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }));
            return (answer.StatusCode, NodeOf(answer, nodes), answer.StatusCode == HttpStatusCode.Redirect);
        }

        var (email, password) = (options.Required("email"), options.Required("password"));
        var wrong = new List<(HttpStatusCode Status, string Node, bool SignedIn)>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await Post(email, "not the password " + i));
        }

        var right = new[] { await Post(email, password), await Post(email, password) };
        Check(wrong.All(w => w.Status == HttpStatusCode.OK && !w.SignedIn) && right.All(r => r.Status == HttpStatusCode.OK && !r.SignedIn) && right.Select(r => r.Node).Distinct().Count() == 2,
            $"five wrong passwords ({Tally(wrong.Select(w => w.Node))}) lock the account on both nodes: the right password is then refused on node {right[0].Node} and node {right[1].Node}");

        var more = new List<(HttpStatusCode Status, string Node, bool SignedIn)>();
        for (var i = 0; i < 5; i++)
        {
            more.Add(await Post("nobody@drill.invalid", "not the password"));
        }

        var accepted = wrong.Count + right.Length + more.TakeWhile(m => m.Status == HttpStatusCode.OK).Count();
        var refused = more.SkipWhile(m => m.Status == HttpStatusCode.OK).ToList();
        Check(accepted == 10 && refused.Count == 2 && refused.All(r => r.Status == HttpStatusCode.TooManyRequests) && refused.Select(r => r.Node).Distinct().Count() == 2,
            $"the sign-in limit is shared: {accepted} posts accepted in the minute across both nodes, then {string.Join(" and ", refused.Select(r => $"{(int)r.Status} from node {r.Node}"))}");
    }

    /// <summary>A manager (with a second factor) opens the reports page on both nodes; the script checks they read from the standby.</summary>
    private static async Task ReportsAsync(Options options)
    {
        var (url, nodes) = (options.Required("url"), Nodes(options));
        using var http = await LoadScenario.SignedInClientAsync(url, options.Required("email"), options.Required("password"), 2, options.Required("totp-key"));
        var served = new List<string>();
        var shown = true;
        for (var i = 0; i < 4; i++)
        {
            using var page = await http.GetAsync("/Reports");
            shown &= page.StatusCode == HttpStatusCode.OK;
            served.Add(NodeOf(page, nodes));
        }

        Check(shown && served.Distinct().Count() == 2, $"a manager's reports page answered on both nodes ({Tally(served)})");
    }

    /// <summary>
    /// Adds case notes through nginx for a fixed time from several clients, each note marked with who wrote it when, and keeps
    /// the marks of those acknowledged (the redirect back to the case) in --acked. Prints how many, which nodes answered in
    /// each third of the run, and the longest time without an acknowledged write (the time to recover from a failure).
    /// </summary>
    private static async Task WritesAsync(Options options)
    {
        var (url, nodes, tag) = (options.Required("url"), Nodes(options), options.Required("tag"));
        var cases = (await File.ReadAllLinesAsync(options.Required("cases"))).Where(l => l.Length > 0).ToArray();
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10));
        var clients = options.Int("clients", 4);
        using var http = await LoadScenario.SignedInClientAsync(url, options.Required("email"), options.Required("password"), clients);
        var tokens = new ConcurrentDictionary<string, string>();
        var acked = new ConcurrentBag<(double At, string Mark, string Node)>();
        var failures = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var caseId = cases[(client + n * clients) % cases.Length];
                var mark = $"drill-{tag}-{client}-{n}";
                try
                {
                    if (!tokens.TryGetValue(caseId, out var token))
                    {
                        using var page = await http.GetAsync($"/Cases/{caseId}");
                        if (page.StatusCode != HttpStatusCode.OK)
                        {
                            failures.AddOrUpdate($"{(int)page.StatusCode} on the case page", 1, (_, c) => c + 1);
                            await Task.Delay(100);
                            continue;
                        }

                        token = tokens[caseId] = AntiforgeryToken(await page.Content.ReadAsStringAsync());
                    }

                    using var posted = await http.PostAsync($"/Cases/{caseId}?handler=Note", NoteForm(token, mark));
                    if (posted.StatusCode == HttpStatusCode.Redirect)
                    {
                        acked.Add((clock.Elapsed.TotalSeconds, mark, NodeOf(posted, nodes)));
                    }
                    else
                    {
                        failures.AddOrUpdate($"{(int)posted.StatusCode}", 1, (_, c) => c + 1);
                        await Task.Delay(100);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, c) => c + 1);
                    await Task.Delay(100);
                }
            }
        }));

        var all = acked.OrderBy(a => a.At).ToList();
        await File.WriteAllLinesAsync(options.Required("acked"), all.Select(a => a.Mark));
        var third = duration.TotalSeconds / 3;
        var thirds = Enumerable.Range(0, 3).Select(t => $"{t * third:0}–{(t + 1) * third:0} s: {Tally(all.Where(a => a.At >= t * third && a.At < (t + 1) * third).Select(a => a.Node))}");
        var times = new[] { 0.0 }.Concat(all.Select(a => a.At)).Append(duration.TotalSeconds).ToArray();
        var gap = times.Zip(times.Skip(1), (a, b) => (From: a, Length: b - a)).MaxBy(g => g.Length);
        Console.WriteLine($"writes {tag}: {all.Count} acknowledged, {failures.Values.Sum()} not ({string.Join(", ", failures.Select(f => $"{f.Value}× {f.Key}"))}); {string.Join("; ", thirds)}");
        Console.WriteLine($"longest-gap {gap.Length:0.0} s from {gap.From:0.0} s");
        Check(all.Count > 0, $"writes {tag}: {all.Count} acknowledged");
    }

    /// <summary>Every acknowledged write's mark is in the database (the writes not acknowledged may or may not be).</summary>
    private static async Task CheckWritesAsync(Options options)
    {
        var acked = (await File.ReadAllLinesAsync(options.Required("acked"))).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var tag = options.Optional("tag") ?? "";
        await using var db = new Npgsql.NpgsqlConnection(options.Required("connection"));
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT \"WithWhom\" FROM \"CaseNotes\" WHERE \"WithWhom\" LIKE @prefix", db);
        command.Parameters.AddWithValue("prefix", $"drill-{tag}%");
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        var lost = acked.Except(found).ToList();
        Check(acked.Count > 0 && lost.Count == 0,
            $"every acknowledged write is in the database: {acked.Count} acknowledged, {lost.Count} lost{(lost.Count > 0 ? " (" + string.Join(", ", lost.Take(5)) + ")" : "")}, {found.Count - acked.Count(found.Contains)} saved but not acknowledged (cut off mid-answer)");
    }

    /// <summary>Polls a node's readiness until the replica check is as expected, and prints its lag.</summary>
    private static async Task ReadyAsync(Options options)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options.Required("url")), Timeout = TimeSpan.FromSeconds(5) };
        var expect = options.Required("expect");
        var until = DateTime.UtcNow.AddSeconds(options.Int("seconds", 30));
        string said = "";
        while (true)
        {
            try
            {
                using var answer = await http.GetAsync("/health/ready");
                using var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                var replica = body.RootElement.GetProperty("checks").GetProperty("replica");
                var lag = replica.TryGetProperty("lagSeconds", out var l) ? l.GetDouble() : double.NaN;
                said = $"{(int)answer.StatusCode}, replica {replica.GetProperty("status").GetString()}, lag {lag:0.0} s: {replica.GetProperty("description").GetString()}";
                if (string.Equals(replica.GetProperty("status").GetString(), expect, StringComparison.OrdinalIgnoreCase) && answer.StatusCode == HttpStatusCode.OK)
                {
                    Check(true, $"readiness shows the replica {expect}: {said}");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                said = ex.Message;
            }

            if (DateTime.UtcNow > until)
            {
                Check(false, $"readiness never showed the replica {expect}; last: {said}");
                return;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The soak: a practitioner's day at a steady rate (--rate requests a second, default 20) for --minutes through nginx:
    /// the caseload, a case page, a note added to a case, in turns. Each minute: requests, errors, p95 and each node's
    /// resident memory; then whether memory was flat (the last five minutes' mean within 10% of the first five's after
    /// warm-up). Written to --out as Markdown.
    /// </summary>
    private static async Task SoakAsync(Options options)
    {
        var (url, nodes) = (options.Required("url"), Nodes(options));
        var cases = (await File.ReadAllLinesAsync(options.Required("cases"))).Where(l => l.Length > 0).ToArray();
        var minutes = options.Int("minutes", 30);
        var rate = options.Int("rate", 20);
        var pids = options.Required("pids").Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        using var http = await LoadScenario.SignedInClientAsync(url, options.Required("email"), options.Required("password"), 16);
        var tokens = new ConcurrentDictionary<string, string>();
        var rows = new List<string>();
        var memory = new List<Dictionary<string, double>>();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        for (var minute = 1; minute <= minutes; minute++)
        {
            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var inFlight = new List<Task>();
            var end = TimeSpan.FromMinutes(minute);
            while (clock.Elapsed < end)
            {
                var n = sent++;
                var due = TimeSpan.FromSeconds((double)n / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                inFlight.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var caseId = cases[n % cases.Length];
                    try
                    {
                        HttpResponseMessage answer;
                        switch (n % 3)
                        {
                            case 0:
                                answer = await http.GetAsync("/Cases");
                                break;
                            case 1:
                                answer = await http.GetAsync($"/Cases/{caseId}");
                                if (answer.StatusCode == HttpStatusCode.OK)
                                {
                                    tokens[caseId] = AntiforgeryToken(await answer.Content.ReadAsStringAsync());
                                }

                                break;
                            default:
                                answer = tokens.TryGetValue(caseId, out var token)
                                    ? await http.PostAsync($"/Cases/{caseId}?handler=Note", NoteForm(token, $"drill-soak-{n}"))
                                    : await http.GetAsync($"/Cases/{caseId}");
                                break;
                        }

                        using (answer)
                        {
                            await answer.Content.ReadAsStringAsync();
                            if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
                            {
                                Interlocked.Increment(ref errors);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }));
            }

            await Task.WhenAll(inFlight);
            var sorted = latencies.Order().ToArray();
            var p95 = sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
            var resident = pids.ToDictionary(p => p.Key, p => LoadScenario.ResidentMegabytes(p.Value) ?? double.NaN);
            memory.Add(resident);
            var row = $"| {minute} | {sorted.Length} | {errors} | {p95:0.0} | {string.Join(" | ", resident.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value:0}"))} |";
            rows.Add(row);
            Console.WriteLine(row);
        }

        var names = pids.Keys.Order(StringComparer.Ordinal).ToList();
        var window = Math.Min(5, Math.Max(1, (minutes - 2) / 2));
        string Trend(string node)
        {
            var early = memory.Skip(Math.Min(2, minutes - 1)).Take(window).Average(m => m[node]);
            var late = memory.TakeLast(window).Average(m => m[node]);
            return $"node {node}: {early:0} MB → {late:0} MB ({(late - early) / early:+0%;-0%})";
        }

        var flat = names.All(n =>
        {
            var early = memory.Skip(Math.Min(2, minutes - 1)).Take(window).Average(m => m[n]);
            return memory.TakeLast(window).Average(m => m[n]) <= early * 1.10;
        });
        var markdown = new List<string>
        {
            $"Steady {rate} requests a second through nginx to two nodes for {minutes} minutes: caseload, case page and a note added, in turns.",
            "",
            $"| minute | requests | errors | p95 ms | {string.Join(" | ", names.Select(n => $"node {n} MB"))} |",
            $"|---|---|---|---|{string.Concat(names.Select(_ => "---|"))}",
        };
        markdown.AddRange(rows);
        markdown.Add("");
        markdown.Add($"Memory after warm-up, mean of the first {window} minutes against the last {window}: {string.Join("; ", names.Select(Trend))}.");
        await File.WriteAllLinesAsync(options.Required("out"), markdown);
        var totalErrors = rows.Sum(r => int.Parse(r.Split('|')[3].Trim(), CultureInfo.InvariantCulture));
        Check(totalErrors == 0, $"soak: {sent} requests in {minutes} minutes, {totalErrors} errors");
        Check(flat, $"soak: memory flat, not climbing ({string.Join("; ", names.Select(Trend))})");
    }

    private static FormUrlEncodedContent NoteForm(string token, string mark)
    {
        var today = Mend.Web.Platform.Time.London.DateOf(DateTime.UtcNow);
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["__SubmissionId"] = Guid.NewGuid().ToString("N"),
            ["Note.Type"] = "Visit",
            ["Note.Date.Day"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Note.Date.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Note.Date.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Note.WithWhom"] = mark,
            ["Note.Text"] = "Written by the HA drill.",
        });
    }

    private static string AntiforgeryToken(string page) => LoadScenario.AntiforgeryToken(page);
}
