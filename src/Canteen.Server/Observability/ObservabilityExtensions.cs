using Canteen.Engine.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Canteen.Server.Observability;

/// <summary>
/// Wires OpenTelemetry (DESIGN §9): traces and metrics from Canteen's own source and meter, ASP.NET Core, HttpClient,
/// Npgsql and the .NET runtime; a Prometheus scrape endpoint at <c>/metrics</c>; OTLP export of traces, metrics and
/// logs only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Logs are JSON on the console with trace and span ids.
/// Readiness also covers Redis when it is the stock authority (storage is checked by the hosting's own check).
/// </summary>
internal static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Meters subscribed: Canteen's; the runtime (GC, heap, thread pool); HTTP server and client, Kestrel connections,
    /// unhandled exceptions and the edge's rate limiter; Npgsql. Named one by one rather than "all of ASP.NET Core":
    /// the memory-pool and routing meters record on every buffer rented and every route matched, and say nothing an
    /// operator of Canteen acts on.
    /// </summary>
    private static readonly string[] Meters =
    [
        CanteenTelemetry.Name,
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "Npgsql",
    ];

    public static WebApplicationBuilder AddCanteenObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddCanteenLogFormat(builder.Configuration);
        if (string.Equals(builder.Configuration["Canteen:Stock"], "redis", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        }

        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Enabled)
        {
            // Nothing listens, so the engine's StartActivity returns null and its measurements are dropped at once.
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                settings.ServiceName,
                serviceVersion: typeof(ObservabilityExtensions).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                // No cache: Prometheus scrapes every few seconds at most, and a cached page would hide fresh counts.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (settings.Tracing)
        {
            telemetry.WithTracing(tracing => tracing
                // Parent-based: a request that arrives with a sampled traceparent is always kept, so traces that
                // cross services stay whole; new traces are kept at SamplingRatio (default 1: every one).
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)))
                .AddSource(CanteenTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => IsTraced(context.Request.Path))
                .AddHttpClientInstrumentation());
        }

        if (settings.OtlpEndpoint is not null)
        {
            // The exporter reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.WithLogging().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> for Prometheus when telemetry is on (when a meter provider was registered).</summary>
    public static WebApplication MapCanteenObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<MeterProvider>() is not null)
        {
            // Anonymous like /health: scrapers carry no user token. Expose it on the internal network only (README).
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        }

        return app;
    }

    // Probes and scrapes arrive every few seconds and say nothing about orders: tracing them would drown real traces.
    private static bool IsTraced(PathString path) =>
        !path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
