using System.Globalization;
using Canteen.Engine.Errors;

namespace Canteen.Server.Observability;

/// <summary>
/// <c>Canteen:Telemetry</c>: whether traces and metrics are collected at all, whether spans are recorded, and what
/// share of new traces is kept. Read once at start-up; the OpenTelemetry SDK cannot be switched on or off while running.
/// </summary>
/// <remarks>
/// Spans are recorded by default only when an OTLP endpoint is set: with no exporter nothing would ever read them,
/// yet instrumenting each request costs about 10 µs of CPU, a fifth of what the server spends refusing an order when
/// overloaded (bench/RESULTS.md). Logs keep their trace ids either way: ASP.NET Core starts an activity per request
/// for logging whether or not anything listens.
/// </remarks>
internal sealed record TelemetrySettings(bool Enabled, bool Tracing, double SamplingRatio, string ServiceName, string? OtlpEndpoint)
{
    public const string Section = "Canteen:Telemetry";

    public static TelemetrySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var enabled = Flag(config, "Enabled") ?? true;

        var text = config[$"{Section}:SamplingRatio"];
        var ratio = 1.0;
        var valid = text is null
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) && ratio is >= 0 and <= 1);
        if (!valid)
        {
            throw new InvalidConfigurationException($"{Section}:SamplingRatio is '{text}'; expected a number from 0 to 1.");
        }

        // The standard OpenTelemetry variables win, so an operator's usual setup works unchanged.
        var serviceName = config["OTEL_SERVICE_NAME"] ?? config[$"{Section}:ServiceName"] ?? "canteen";
        var endpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otlp = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint;
        var tracing = enabled && (Flag(config, "Tracing") ?? otlp is not null);
        return new TelemetrySettings(enabled, tracing, ratio, serviceName, otlp);
    }

    private static bool? Flag(IConfiguration config, string name)
    {
        var text = config[$"{Section}:{name}"];
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidConfigurationException($"{Section}:{name} is '{text}'; expected true or false.");
    }
}
