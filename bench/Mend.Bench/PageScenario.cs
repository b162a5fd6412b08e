namespace Mend.Bench;

/// <summary>
/// A page scenario: GET pages for a fixed time, signed in as the bench worker (or with its API token, or neither for the
/// baselines), with {id} in the path replaced by a random line of the ids file (a case id, a process id, or a whole path).
/// </summary>
public static class PageScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url").TrimEnd('/');
        var connections = options.Int("connections", 8);
        var path = options.Required("path");
        var ids = options.Optional("ids") is { } file ? await File.ReadAllLinesAsync(file) : [];
        using var http = options.Optional("email") is { } email
            ? await LoadScenario.SignedInClientAsync(url, email, options.Required("password"), connections, options.Optional("totp-key"))
            : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        if (options.Optional("token") is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        var result = await LoadScenario.MeasureAsync(options.Required("name"), http,
            random => new HttpRequestMessage(HttpMethod.Get, ids.Length == 0 ? path : path.Replace("{id}", ids[random.Next(ids.Length)], StringComparison.Ordinal)),
            TimeSpan.FromSeconds(options.Int("seconds", 30)), connections,
            options.Optional("pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null, warmUp: options.Int("warmup", 200),
            warmUpFor: TimeSpan.FromSeconds(options.Int("warmup-seconds", 0)),
            databasePid: options.Optional("db-pid") is { } databasePid ? int.Parse(databasePid, System.Globalization.CultureInfo.InvariantCulture) : null);
        await LoadScenario.RecordAsync(result, options.Optional("out"), options.Optional("json"));
        return result.Errors == 0 ? 0 : 1;
    }
}
