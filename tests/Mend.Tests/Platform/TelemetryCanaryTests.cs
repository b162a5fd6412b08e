using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Tests.People;
using Mend.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mend.Tests.Platform;

/// <summary>Mend recording spans and metrics into memory, through the instrumentation and filters it configures itself.</summary>
public sealed class TelemetryCapturingFactory : MendFactory
{
    public LockedList<Activity> Spans { get; } = new();

    public LockedList<Metric> Metrics { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Mend:Telemetry:Enabled"] = "true" };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)));
    }
}

/// <summary>SECURITY.md test 5, extended to traces and metrics (issue 22): personal data never reaches a span or a metric.</summary>
public sealed class TelemetryCanaryTests(TelemetryCapturingFactory factory) : IClassFixture<TelemetryCapturingFactory>
{
    [Fact]
    public async Task PersonalData_UsedThroughPagesAndApi_NeverAppearsInTracesOrMetrics()
    {
        var canary = "Zqx" + Guid.NewGuid().ToString("N")[..8];
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var id = await PeopleTests.AddPersonAsync(client, canary + "first", canary + "last", "3", "4", "2011",
            ("Input.Phone", "07700 900 555"), ("Input.Email", canary.ToLowerInvariant() + "@example.org"), ("Input.SafeContactNotes", canary + " notes"));
        await client.GetPageAsync($"/People/{id}");
        await client.GetAsync($"/People?Name={canary}last&Email={canary}@example.org", TestContext.Current.CancellationToken);
        await client.SubmitAsync("/People", ("Name", canary + "frist " + canary + "last"));
        var api = await client.PostAsJsonAsync("/api/v1/people/search", new { name = canary + "last" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var bad = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = canary + "bad", email = canary + " not an email" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var spans = factory.Spans.Snapshot();
        List<string> recorded = [.. spans.SelectMany(s => new[] { s.DisplayName, s.OperationName, s.StatusDescription ?? "" }
                .Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}").Append(e.Name)))
                .Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}")))];
        // The spans are there: requests by route template, with their database commands under them.
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && ((string?)s.GetTagItem("url.path"))?.StartsWith("/People/{id", StringComparison.Ordinal) == true);
        if (factory.Database.IsPostgres)
        {
            Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.Parent is not null);
        }
        Assert.DoesNotContain(spans, s => s.GetTagItem("url.query") is not null || s.GetTagItem("client.address") is not null);
        Assert.DoesNotContain(spans, s => ((string?)s.GetTagItem("url.path"))?.Contains(id.ToString(), StringComparison.Ordinal) == true);

        var metrics = factory.Metrics.Snapshot();
        var metricTags = metrics.SelectMany(m => Points(m).SelectMany(p => Tags(p))).ToList();
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        var leaks = recorded.Concat(metricTags).Where(l => l.Contains(canary, StringComparison.OrdinalIgnoreCase) || l.Contains("07700 900 555", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Personal data in traces or metrics:\n" + string.Join("\n", leaks.Take(5)));
    }

    private static IEnumerable<MetricPoint> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            yield return point;
        }
    }

    private static IEnumerable<string> Tags(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return $"{tag.Key}={tag.Value}";
        }
    }
}

/// <summary>A list the exporters add to from their own threads while the test reads a snapshot.</summary>
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public List<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (_items)
        {
            return _items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_items)
        {
            _items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
