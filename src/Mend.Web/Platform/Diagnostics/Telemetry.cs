using Mend.Web.Platform.Composition;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mend.Web.Platform.Diagnostics;

/// <summary>
/// OpenTelemetry traces and metrics (issue 22): incoming requests (ASP.NET Core), PostgreSQL commands (Npgsql) and outgoing
/// HTTP (notifications, webhooks), plus the runtime's memory and GC. Off unless configured:
/// <list type="bullet">
/// <item><c>Mend:Telemetry:OtlpEndpoint</c> (e.g. http://collector:4317): traces and metrics sent to an OpenTelemetry collector,
/// over gRPC, or over HTTP with <c>Mend:Telemetry:OtlpProtocol</c> = <c>http/protobuf</c> (e.g. http://collector:4318, to which
/// /v1/traces and /v1/metrics are added);</item>
/// <item><c>Mend:Telemetry:PrometheusPort</c> (e.g. 9464) with <c>Mend:Telemetry:PrometheusHost</c> (127.0.0.1 unless set): a
/// Prometheus scrape endpoint, <c>/metrics</c>, on a listener of its own, never on Mend's public port; bind it to loopback
/// or a management network only (operators' guide);</item>
/// <item><c>Mend:Telemetry:Enabled</c>: record spans with neither (tests add their own exporter).</item>
/// </list>
/// No personal data goes into a span or a metric: a request's span carries its route template (<c>/Cases/{id}</c>), never
/// its path or query string; an outgoing call's carries only the scheme and host; exceptions are not recorded on spans
/// or on any span, Npgsql's included (<see cref="ScrubErrors"/>: their messages can quote what someone typed or a stored
/// value); Npgsql's spans carry the SQL text, whose values are always parameters. TelemetryCanaryTests checks traces and
/// metrics with a canary name, as LogCanaryTests does logs.
/// </summary>
public static class Telemetry
{
    /// <param name="configuration">The configuration as the host builder has it (exporters are chosen here); whether spans are
    /// recorded at all is read again from the finished configuration when the tracer starts.</param>
    public static IServiceCollection AddMendTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var prometheusPort = configuration.GetValue<int?>("Mend:Telemetry:PrometheusPort");
        var prometheusHost = configuration["Mend:Telemetry:PrometheusHost"] is { Length: > 0 } host ? host : "127.0.0.1";
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Mend", serviceInstanceId: MendNode.From(configuration).Name))
            .WithTracing(tracing =>
            {
                // Spans cost time to record; with nowhere to send them none are recorded (trace context is still passed on).
                tracing.SetSampler(sp => Records(sp.GetRequiredService<IConfiguration>()) ? new AlwaysOnSampler() : new AlwaysOffSampler())
                    .AddProcessor(new ScrubErrors())
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.RecordException = false;
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/assets");
                        o.EnrichWithHttpResponse = (activity, response) =>
                            activity.SetTag("url.path", RouteOf(response.HttpContext)).SetTag("url.query", null).SetTag("client.address", null);
                    })
                    .AddHttpClientInstrumentation(o =>
                    {
                        o.RecordException = false;
                        o.EnrichWithHttpRequestMessage = (activity, request) =>
                            activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)).SetTag("url.path", null).SetTag("url.query", null);
                    });
                Npgsql.TracerProviderBuilderExtensions.AddNpgsql(tracing);
                // The collector is read from the finished configuration, as the sampler is.
                tracing.AddProcessor(sp => Otlp(sp.GetRequiredService<IConfiguration>(), "v1/traces") is { } options
                    ? new BatchActivityExportProcessor(new OpenTelemetry.Exporter.OtlpTraceExporter(options))
                    : new NoCollector());
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Npgsql");
                if (prometheusPort is { } port)
                {
                    metrics.AddPrometheusHttpListener(o => (o.Host, o.Port, o.ScrapeEndpointPath) = (prometheusHost, port, "/metrics"));
                }

                metrics.AddReader(sp => Otlp(sp.GetRequiredService<IConfiguration>(), "v1/metrics") is { } options
                    ? new PeriodicExportingMetricReader(new OpenTelemetry.Exporter.OtlpMetricExporter(options))
                    : new BaseExportingMetricReader(new NoMetricsCollector()));
            });
        return services;
    }

    /// <summary>Stands in for the OTLP span processor when no collector is configured: does nothing.</summary>
    private sealed class NoCollector : BaseProcessor<System.Diagnostics.Activity>;

    /// <summary>
    /// Stands in for the OTLP metric exporter when no collector is configured: a reader that collects only when asked
    /// (nothing asks) and exports nowhere. Its presence keeps the instruments' aggregates up to date (a few updates a
    /// request), the price of choosing the collector from the finished configuration.
    /// </summary>
    private sealed class NoMetricsCollector : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }

    /// <summary>
    /// The exporter's options for one signal, or null when no collector is configured. Over HTTP the exporter posts to the
    /// endpoint exactly as given, so the signal's path is added here (as the OTLP specification's OTEL_EXPORTER_OTLP_ENDPOINT
    /// does); gRPC names the service itself.
    /// </summary>
    private static OpenTelemetry.Exporter.OtlpExporterOptions? Otlp(IConfiguration configuration, string signalPath)
    {
        if (configuration["Mend:Telemetry:OtlpEndpoint"] is not { Length: > 0 } configured)
        {
            return null;
        }

        var endpoint = new Uri(configured);
        var overHttp = string.Equals(configuration["Mend:Telemetry:OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        return new OpenTelemetry.Exporter.OtlpExporterOptions
        {
            Protocol = overHttp ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc,
            Endpoint = overHttp ? new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + signalPath) : endpoint,
        };
    }

    private static bool Records(IConfiguration configuration) =>
        configuration["Mend:Telemetry:OtlpEndpoint"] is { Length: > 0 } || configuration.GetValue<bool>("Mend:Telemetry:Enabled");

    /// <summary>The route template that answered (e.g. <c>/Cases/{id}</c>), or "(no route)"; never the path as asked.</summary>
    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(no route)";

    /// <summary>
    /// Removes what an error could carry into a span: exception events (message and stack trace, which Npgsql adds to a
    /// failed command's span) and the status description (a failed command's message); the span keeps its error status.
    /// Activity has no public way to remove an event, so the events are cleared through its private list; should a future
    /// runtime rename that list, the span is not exported at all rather than exported with the message.
    /// </summary>
    public sealed class ScrubErrors : BaseProcessor<System.Diagnostics.Activity>
    {
        private static readonly System.Reflection.FieldInfo? Events =
            typeof(System.Diagnostics.Activity).GetField("_events", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);

        public override void OnEnd(System.Diagnostics.Activity data)
        {
            if (data.Events.Any(e => e.Name == "exception"))
            {
                var kept = data.Events.Where(e => e.Name != "exception").ToList();
                if (Events is null)
                {
                    data.ActivityTraceFlags &= ~System.Diagnostics.ActivityTraceFlags.Recorded;
                    data.IsAllDataRequested = false;
                }
                else
                {
                    Events.SetValue(data, null);
                    foreach (var e in kept)
                    {
                        data.AddEvent(e);
                    }
                }
            }

            if (data.StatusDescription is not null)
            {
                data.SetStatus(data.Status);
            }

            data.SetTag("otel.status_description", null).SetTag("exception.message", null).SetTag("exception.stacktrace", null);
        }
    }
}
