using System.Net;
using System.Net.Sockets;
using System.Text;
using Mend.Tests.Infrastructure;
using Mend.Tests.People;
using Mend.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mend.Tests.Platform;

/// <summary>
/// An OTLP/HTTP receiver on loopback standing in for an OpenTelemetry collector (none is packaged here): it keeps the path,
/// content type and body of every post and answers 200 with an empty export response.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    public LockedList<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>Mend configured as an operator would, sending traces and metrics to a collector over OTLP/HTTP.</summary>
public sealed class OtlpExportingFactory : MendFactory
{
    public OtlpReceiver Collector { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Telemetry:OtlpEndpoint"] = Collector.Url,
        ["Mend:Telemetry:OtlpProtocol"] = "http/protobuf",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}

/// <summary>
/// Traces and metrics reach a collector over OTLP (issue 22), each signal at its own path, with route templates and
/// without the personal data the requests carried.
/// </summary>
public sealed class OtlpExportTests(OtlpExportingFactory factory) : IClassFixture<OtlpExportingFactory>
{
    [Fact]
    public async Task TracesAndMetrics_ArePostedToTheCollector_WithRoutesAndWithoutPersonalData()
    {
        var canary = "Zqo" + Guid.NewGuid().ToString("N")[..8];
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var id = await PeopleTests.AddPersonAsync(client, canary + "first", canary + "last", "3", "4", "2011");
        await client.GetPageAsync($"/People/{id}");
        await client.GetAsync($"/People?Name={canary}last", TestContext.Current.CancellationToken);
        // The server ends a request's span after the client has its answer: one more request, so the search's has ended.
        await client.GetPageAsync("/People");

        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the traces were not exported");
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were not exported");

        var posts = factory.Collector.Posts.Snapshot();
        var traces = posts.Where(p => p.Path == "/v1/traces").ToList();
        var metrics = posts.Where(p => p.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(posts, p => Assert.Equal("application/x-protobuf", p.ContentType));
        Assert.Contains(traces, p => Contains(p.Body, "/People/{id"));
        Assert.Contains(metrics, p => Contains(p.Body, "http.server.request.duration"));
        Assert.DoesNotContain(posts, p => Contains(p.Body, canary));
        Assert.DoesNotContain(posts, p => Contains(p.Body, id.ToString()));
    }

    // OTLP's protobuf keeps strings as UTF-8 bytes, so a string sent is found as it is.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
