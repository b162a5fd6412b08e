using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Mend.Bench;

/// <summary>
/// Person search through the API, as practitioners type it (names drawn from the loaded people, a
/// third misspelt, a third with a letter missing). 'Found' counts searches that returned someone.
/// </summary>
public static class SearchScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var connections = options.Int("connections", 8);
        using var http = ApiClient(options.Required("url"), options.Required("token"), connections);
        var result = await MeasureAsync(http, await File.ReadAllLinesAsync(options.Required("queries")), TimeSpan.FromSeconds(options.Int("seconds", 30)), connections,
            options.Optional("pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null,
            TimeSpan.FromSeconds(options.Int("warmup-seconds", 0)),
            options.Optional("db-pid") is { } databasePid ? int.Parse(databasePid, System.Globalization.CultureInfo.InvariantCulture) : null);
        await LoadScenario.RecordAsync(result, options.Optional("out"), options.Optional("json"));
        return result.Errors == 0 ? 0 : 1;
    }

    public static HttpClient ApiClient(string url, string token, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url.TrimEnd('/')), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<LoadScenario.Result> MeasureAsync(HttpClient http, IReadOnlyList<string> queries, TimeSpan duration, int connections, int? serverPid = null,
        TimeSpan warmUpFor = default, int? databasePid = null) =>
        LoadScenario.MeasureAsync("person search (API, fuzzy)", http,
            random => new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/search") { Content = JsonContent.Create(new { name = queries[random.Next(queries.Count)] }) },
            duration, connections, serverPid, body => !body.Contains("\"total\":0", StringComparison.Ordinal), warmUpFor: warmUpFor, databasePid: databasePid);
}
